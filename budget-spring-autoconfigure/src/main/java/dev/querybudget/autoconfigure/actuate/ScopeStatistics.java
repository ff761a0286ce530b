package dev.querybudget.autoconfigure.actuate;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.querybudget.BudgetViolationListener;
import dev.querybudget.CallSite;
import dev.querybudget.FingerprintCount;
import dev.querybudget.OriginCount;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.StatementOrigin;
import dev.querybudget.autoconfigure.QueryBudgetProperties;
import dev.querybudget.autoconfigure.actuate.QueryBudgetEndpoint.BreachDescriptor;
import dev.querybudget.autoconfigure.actuate.QueryBudgetEndpoint.ShapeDescriptor;
import dev.querybudget.autoconfigure.actuate.QueryBudgetEndpoint.ViolationDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * Keeps what the endpoint shows of the closed scopes, in memory bounded by
 * {@code query-budget.statistics.*}: figures of at most a number of scopes, the last
 * breaches, and the N+1 and duplicate shapes of at most a number of scope and shape pairs
 * each. Shapes appear as fingerprints, never with literal or parameter values.
 *
 * @author Query Budget contributors
 */
final class ScopeStatistics implements BudgetViolationListener {

	static final int TOP_SHAPES = 10;

	private static final int MAX_SQL_LENGTH = 300;

	private static final int MAX_ASSOCIATIONS = 3;

	private final Clock clock;

	private final int maxScopes;

	private final int maxBreaches;

	private final int maxShapes;

	private final ConcurrentMap<ScopeKey, ObservedScope> scopes = new ConcurrentHashMap<>();

	private final AtomicLong untracked = new AtomicLong();

	private final Deque<BreachDescriptor> breaches = new ArrayDeque<>();

	private final ConcurrentMap<ShapeKey, ShapeTotals> nPlusOne = new ConcurrentHashMap<>();

	private final ConcurrentMap<ShapeKey, ShapeTotals> duplicates = new ConcurrentHashMap<>();

	ScopeStatistics(Clock clock, QueryBudgetProperties.Statistics bounds) {
		this.clock = clock;
		this.maxScopes = bounds.getMaxScopes();
		this.maxBreaches = bounds.getMaxBreaches();
		this.maxShapes = bounds.getMaxShapes();
	}

	@Override
	public void scopeClosed(ScopeReport report) {
		ScopeKey key = new ScopeKey(report.kind(), report.name());
		ObservedScope observed = this.scopes.get(key);
		if (observed == null) {
			if (this.scopes.size() >= this.maxScopes) {
				this.untracked.incrementAndGet();
				return;
			}
			observed = this.scopes.computeIfAbsent(key, (k) -> new ObservedScope());
		}
		observed.record(report.statementCount(), report.isBreached());
		if (report.isBreached() && this.maxBreaches > 0) {
			addBreach(report);
		}
		for (FingerprintCount suspect : report.nPlusOneSuspects()) {
			shape(this.nPlusOne, key, suspect).add(suspect, suspect.distinctParameterSets());
		}
		for (FingerprintCount duplicate : report.duplicates()) {
			shape(this.duplicates, key, duplicate).add(duplicate, duplicate.duplicates());
		}
	}

	private void addBreach(ScopeReport report) {
		List<ViolationDescriptor> violations = new ArrayList<>(report.violations().size());
		report.violations()
			.forEach((violation) -> violations.add(new ViolationDescriptor(violation.rule(), violation.level(),
					violation.limit(), violation.actual())));
		BreachDescriptor breach = new BreachDescriptor(this.clock.instant(), report.kind(), report.name(),
				report.statementCount(), report.verdict(), violations);
		synchronized (this.breaches) {
			if (this.breaches.size() >= this.maxBreaches) {
				this.breaches.removeLast();
			}
			this.breaches.addFirst(breach);
		}
	}

	private ShapeTotals shape(ConcurrentMap<ShapeKey, ShapeTotals> shapes, ScopeKey scope, FingerprintCount count) {
		ShapeKey key = new ShapeKey(scope, count.fingerprint().hash(), count.fingerprint().normalizedSql());
		ShapeTotals totals = shapes.get(key);
		if (totals == null) {
			// Past the cap, new shapes are folded into a throwaway total
			totals = (shapes.size() < this.maxShapes) ? shapes.computeIfAbsent(key, (k) -> new ShapeTotals())
					: new ShapeTotals();
		}
		return totals;
	}

	Map<ScopeKey, ObservedScope.Figures> figures() {
		Map<ScopeKey, ObservedScope.Figures> figures = new LinkedHashMap<>();
		this.scopes.forEach((key, observed) -> figures.put(key, observed.figures()));
		return figures;
	}

	long untrackedScopes() {
		return this.untracked.get();
	}

	List<BreachDescriptor> recentBreaches() {
		synchronized (this.breaches) {
			return List.copyOf(this.breaches);
		}
	}

	List<ShapeDescriptor> topNPlusOne() {
		return top(this.nPlusOne);
	}

	List<ShapeDescriptor> topDuplicates() {
		return top(this.duplicates);
	}

	private static List<ShapeDescriptor> top(ConcurrentMap<ShapeKey, ShapeTotals> shapes) {
		List<ShapeDescriptor> all = new ArrayList<>();
		shapes.forEach((key, totals) -> all.add(totals.describe(key)));
		all.sort(Comparator.comparingLong(ShapeDescriptor::occurrences)
			.thenComparingLong(ShapeDescriptor::worst)
			.reversed());
		return List.copyOf(all.subList(0, Math.min(TOP_SHAPES, all.size())));
	}

	/**
	 * A scope's kind and name. Every closed scope looks its key up: equality and hash are
	 * written out, as those a record generates go through {@code invokedynamic} and do
	 * not inline that deep in the closing call chain.
	 */
	record ScopeKey(ScopeKind kind, String name) {

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other
					|| (other instanceof ScopeKey that && this.kind == that.kind && this.name.equals(that.name));
		}

		@Override
		public int hashCode() {
			return 31 * this.kind.hashCode() + this.name.hashCode();
		}

	}

	private record ShapeKey(ScopeKey scope, long hash, String normalizedSql) {

	}

	/**
	 * How often one shape misbehaved in one scope.
	 */
	private static final class ShapeTotals {

		private long occurrences;

		private long executions;

		private long worst;

		private String statementKind = "";

		private String callSite = "";

		private String cause = "";

		synchronized void add(FingerprintCount count, long measure) {
			this.occurrences++;
			this.executions += count.executions();
			this.worst = Math.max(this.worst, measure);
			this.statementKind = count.kind().name();
			CallSite site = count.callSite();
			if (site != null) {
				this.callSite = site.toString();
			}
			StatementOrigin origin = mainOrigin(count);
			if (origin != null) {
				this.cause = cause(origin);
			}
		}

		/**
		 * The origin behind the N+1 evidence, else the origin of most executions.
		 */
		private static @Nullable StatementOrigin mainOrigin(FingerprintCount count) {
			StatementOrigin origin = count.nPlusOneOrigin();
			if (origin != null) {
				return origin;
			}
			OriginCount most = null;
			for (OriginCount each : count.origins()) {
				if (most == null || each.executions() > most.executions()) {
					most = each;
				}
			}
			return (most != null) ? most.origin() : null;
		}

		private static String cause(StatementOrigin origin) {
			String cause = origin.toString();
			List<String> associations = origin.associations();
			if (origin.kind() != StatementOrigin.Kind.TO_ONE || associations.isEmpty()) {
				return cause;
			}
			if (associations.size() > MAX_ASSOCIATIONS) {
				return cause + " through " + String.join(" or ", associations.subList(0, MAX_ASSOCIATIONS)) + " or "
						+ (associations.size() - MAX_ASSOCIATIONS) + " more";
			}
			return cause + " through " + String.join(" or ", associations);
		}

		synchronized ShapeDescriptor describe(ShapeKey key) {
			String sql = key.normalizedSql();
			if (sql.length() > MAX_SQL_LENGTH) {
				sql = sql.substring(0, MAX_SQL_LENGTH) + "...";
			}
			return new ShapeDescriptor(key.scope().kind(), key.scope().name(), this.statementKind, sql,
					this.occurrences, this.executions, this.worst, this.callSite.isEmpty() ? null : this.callSite,
					this.cause.isEmpty() ? null : this.cause);
		}

	}

}
