package dev.querybudget.autoconfigure.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.querybudget.Budget;
import dev.querybudget.EnforcementMode;
import dev.querybudget.ScopeKind;
import dev.querybudget.Verdict;
import dev.querybudget.ViolationKind;
import dev.querybudget.autoconfigure.BudgetSource;
import dev.querybudget.autoconfigure.ResolvedBudget;
import dev.querybudget.autoconfigure.actuate.ScopeStatistics.ScopeKey;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code querybudget} endpoint, read-only: every known scope with its budget and
 * where the budget came from, its figures since start, the most recent breaches and the
 * top N+1 and duplicate statement shapes (fingerprints and call sites, never literal
 * values).
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
@Endpoint(id = "querybudget")
public final class QueryBudgetEndpoint {

	private static final Comparator<ScopeDescriptor> ORDER = Comparator.comparing(ScopeDescriptor::kind)
		.thenComparing(ScopeDescriptor::name);

	private final List<ScopeCatalog> catalogs;

	private final ScopeStatistics statistics;

	QueryBudgetEndpoint(List<ScopeCatalog> catalogs, ScopeStatistics statistics) {
		this.catalogs = List.copyOf(catalogs);
		this.statistics = statistics;
	}

	/**
	 * Describes the scopes and what they did since start.
	 * @return the description
	 */
	@ReadOperation
	public QueryBudgetDescriptor queryBudget() {
		Map<ScopeKey, ObservedScope.Figures> figures = this.statistics.figures();
		Map<ScopeKey, ScopeDescriptor> scopes = new LinkedHashMap<>();
		for (ScopeCatalog catalog : this.catalogs) {
			for (KnownScope known : catalog.scopes()) {
				ScopeKey key = new ScopeKey(known.kind(), known.name());
				scopes.putIfAbsent(key, ScopeDescriptor.of(key, known.resolved(), figures.get(key)));
			}
		}
		figures.forEach((key, observed) -> scopes.putIfAbsent(key, ScopeDescriptor.of(key, null, observed)));
		List<ScopeDescriptor> sorted = new ArrayList<>(scopes.values());
		sorted.sort(ORDER);
		return new QueryBudgetDescriptor(sorted, this.statistics.untrackedScopes(), this.statistics.recentBreaches(),
				this.statistics.topNPlusOne(), this.statistics.topDuplicates());
	}

	/**
	 * What the endpoint answers.
	 *
	 * @param scopes the known and observed scopes, by kind and name
	 * @param untrackedScopes closed scopes not counted in any figures because the
	 * endpoint tracks a bounded number of scope names
	 * @param recentBreaches the most recent breaches, newest first
	 * @param nPlusOne the N+1 shapes found in the most scopes
	 * @param duplicates the duplicated shapes found in the most scopes
	 * @since 0.1.0
	 */
	public record QueryBudgetDescriptor(List<ScopeDescriptor> scopes, long untrackedScopes,
			List<BreachDescriptor> recentBreaches, List<ShapeDescriptor> nPlusOne,
			List<ShapeDescriptor> duplicates) implements OperationResponseBody {

	}

	/**
	 * One scope.
	 *
	 * @param kind the scope kind
	 * @param name the scope name
	 * @param budget its budget, or {@code null} when it was only observed
	 * @param mode its enforcement mode, or {@code null} when it was only observed
	 * @param source where the budget came from, or {@code null} when it was only observed
	 * @param origin what declared the budget, or {@code null} when it was only observed
	 * @param observed its figures since start, or {@code null} before it first closed
	 * @since 0.1.0
	 */
	public record ScopeDescriptor(ScopeKind kind, String name, @Nullable BudgetDescriptor budget,
			@Nullable EnforcementMode mode, @Nullable BudgetSource source, @Nullable String origin,
			ObservedDescriptor observed) {

		static ScopeDescriptor of(ScopeKey key, @Nullable ResolvedBudget resolved,
				ObservedScope.@Nullable Figures figures) {
			ObservedDescriptor observed = (figures != null) ? new ObservedDescriptor(figures.scopes(),
					Math.round(figures.mean() * 100) / 100.0, figures.max(), figures.p95(), figures.breaches())
					: ObservedDescriptor.NONE;
			if (resolved == null) {
				return new ScopeDescriptor(key.kind(), key.name(), null, null, null, null, observed);
			}
			return new ScopeDescriptor(key.kind(), key.name(), BudgetDescriptor.of(resolved.budget()), resolved.mode(),
					resolved.source(), resolved.origin(), observed);
		}

	}

	/**
	 * The limits of a budget; unset limits are {@code null}.
	 *
	 * @param max maximum statements
	 * @param critical statements above which a breach is critical
	 * @param maxSelects maximum SELECT statements
	 * @param maxInserts maximum INSERT statements
	 * @param maxUpdates maximum UPDATE statements
	 * @param maxDeletes maximum DELETE statements
	 * @param maxDuplicates maximum exact duplicates
	 * @param nPlusOneThreshold distinct parameter sets from which a shape is an N+1
	 * @param maxDbTime maximum database time
	 * @since 0.1.0
	 */
	public record BudgetDescriptor(@Nullable Integer max, @Nullable Integer critical, @Nullable Integer maxSelects,
			@Nullable Integer maxInserts, @Nullable Integer maxUpdates, @Nullable Integer maxDeletes,
			@Nullable Integer maxDuplicates, @Nullable Integer nPlusOneThreshold, @Nullable Duration maxDbTime) {

		static BudgetDescriptor of(Budget budget) {
			return new BudgetDescriptor(limit(budget.maxStatements()), limit(budget.critical()),
					limit(budget.maxSelects()), limit(budget.maxInserts()), limit(budget.maxUpdates()),
					limit(budget.maxDeletes()), limit(budget.maxDuplicates()), limit(budget.nPlusOneThreshold()),
					budget.maxDbTime());
		}

		private static @Nullable Integer limit(int limit) {
			return (limit != Budget.UNLIMITED) ? limit : null;
		}

	}

	/**
	 * Figures of a scope since start.
	 *
	 * @param scopes closed scopes (requests, job runs, calls)
	 * @param mean mean statements per scope
	 * @param max most statements in one scope
	 * @param p95 95th percentile of statements per scope (exact up to 255, then the upper
	 * bound of a power-of-two bucket)
	 * @param breaches scopes that broke their budget
	 * @since 0.1.0
	 */
	public record ObservedDescriptor(long scopes, double mean, long max, long p95, long breaches) {

		static final ObservedDescriptor NONE = new ObservedDescriptor(0, 0, 0, 0, 0);

	}

	/**
	 * A scope that broke its budget.
	 *
	 * @param time when it closed
	 * @param kind the scope kind
	 * @param name the scope name
	 * @param statements statements it executed
	 * @param verdict how badly it broke its budget
	 * @param violations the broken rules
	 * @since 0.1.0
	 */
	public record BreachDescriptor(Instant time, ScopeKind kind, String name, long statements, Verdict verdict,
			List<ViolationDescriptor> violations) {

	}

	/**
	 * One broken rule.
	 *
	 * @param rule the rule
	 * @param level its level
	 * @param limit the limit (nanoseconds for database time)
	 * @param actual the measured value, in the unit of the limit
	 * @since 0.1.0
	 */
	public record ViolationDescriptor(ViolationKind rule, Verdict level, long limit, long actual) {

	}

	/**
	 * A statement shape that was an N+1 suspect or ran duplicates in a scope.
	 *
	 * @param kind the kind of the scope
	 * @param scope the name of the scope
	 * @param statementKind SELECT, INSERT, UPDATE, DELETE or OTHER
	 * @param fingerprint the normalised SQL, literals replaced by {@code ?}
	 * @param occurrences scopes in which it was found
	 * @param executions its executions in those scopes
	 * @param worst the most distinct parameter sets (N+1) or exact duplicates in one
	 * scope
	 * @param callSite the application frame that ran it, if found
	 * @param cause what caused it when an adapter declared it, such as
	 * {@code COLLECTION Owner.pets} or {@code TO_ONE Owner through Pet.owner} (see
	 * {@link dev.querybudget.StatementOrigin}), else {@code null}
	 * @since 0.1.0
	 */
	public record ShapeDescriptor(ScopeKind kind, String scope, String statementKind, String fingerprint,
			long occurrences, long executions, long worst, @Nullable String callSite, @Nullable String cause) {

	}

}
