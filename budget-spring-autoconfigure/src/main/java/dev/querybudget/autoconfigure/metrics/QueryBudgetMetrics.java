package dev.querybudget.autoconfigure.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

import dev.querybudget.Budget;
import dev.querybudget.BudgetViolation;
import dev.querybudget.BudgetViolationListener;
import dev.querybudget.ScopeReport;
import dev.querybudget.Verdict;
import dev.querybudget.ViolationKind;
import dev.querybudget.autoconfigure.QueryBudgetProperties;
import dev.querybudget.autoconfigure.RequestOutcomes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.Assert;

/**
 * Records every closed scope in the {@link QueryBudgetMeters} of the application's
 * {@link MeterRegistry}. The meters of a set of tags are registered once and reused; the
 * registry is looked up on the first closed scope, so that creating the tracker early
 * does not create the registry early.
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
public final class QueryBudgetMetrics implements BudgetViolationListener {

	private static final ViolationKind[] RULES = ViolationKind.values();

	private final ObjectProvider<MeterRegistry> registryProvider;

	private final RequestOutcomes outcomes;

	private final QueryBudgetProperties.Metrics properties;

	private final ConcurrentMap<ScopeTags, ScopeMeters> meters = new ConcurrentHashMap<>();

	private volatile @Nullable MeterRegistry registry;

	/**
	 * Creates the listener.
	 * @param registry the registry to register the meters in
	 * @param outcomes the outcomes of the requests being closed
	 * @param properties the meter properties
	 */
	public QueryBudgetMetrics(ObjectProvider<MeterRegistry> registry, RequestOutcomes outcomes,
			QueryBudgetProperties.Metrics properties) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(outcomes, "'outcomes' must not be null");
		Assert.notNull(properties, "'properties' must not be null");
		this.registryProvider = registry;
		this.outcomes = outcomes;
		this.properties = properties;
	}

	@Override
	public void scopeClosed(ScopeReport report) {
		ScopeTags tags = ScopeTags.of(report, this.outcomes.current());
		ScopeMeters scopeMeters = this.meters.get(tags);
		if (scopeMeters == null) {
			scopeMeters = this.meters.computeIfAbsent(tags, (key) -> register(key, report.budget()));
		}
		scopeMeters.record(report);
	}

	private ScopeMeters register(ScopeTags key, Budget budget) {
		MeterRegistry registry = registry();
		Tags tags = key.tags();
		double maximumStatements = this.properties.getMaximumExpectedStatements();
		DistributionSummary statements = DistributionSummary.builder(QueryBudgetMeters.STATEMENTS.getName())
			.description("Statements (JDBC round trips) per scope")
			.baseUnit(QueryBudgetMeters.STATEMENTS.getBaseUnit())
			.tags(tags)
			.publishPercentileHistogram(this.properties.isHistogram())
			.minimumExpectedValue(1.0)
			.maximumExpectedValue(maximumStatements)
			.serviceLevelObjectives(statementBuckets(budget, maximumStatements))
			.register(registry);
		Counter duplicates = Counter.builder(QueryBudgetMeters.DUPLICATES.getName())
			.description("Exact duplicate statements of the closed scopes")
			.baseUnit(QueryBudgetMeters.DUPLICATES.getBaseUnit())
			.tags(tags)
			.register(registry);
		Counter nPlusOne = Counter.builder(QueryBudgetMeters.N_PLUS_ONE.getName())
			.description("N+1 statement shapes of the closed scopes")
			.baseUnit(QueryBudgetMeters.N_PLUS_ONE.getBaseUnit())
			.tags(tags)
			.register(registry);
		Duration maximumDbTime = this.properties.getMaximumExpectedDbTime();
		Timer dbTime = Timer.builder(QueryBudgetMeters.DB_TIME.getName())
			.description("Database time per scope")
			.tags(tags)
			.publishPercentileHistogram(this.properties.isDbTimeHistogram())
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(maximumDbTime)
			.serviceLevelObjectives(dbTimeBuckets(budget, maximumDbTime))
			.register(registry);
		Counter slow = Counter.builder(QueryBudgetMeters.SLOW_STATEMENTS.getName())
			.description("Statement executions slower than the slow statement threshold")
			.baseUnit(QueryBudgetMeters.SLOW_STATEMENTS.getBaseUnit())
			.tags(tags)
			.register(registry);
		registerLimits(registry, key.withoutStatus(), budget);
		return new ScopeMeters(registry, tags, statements, duplicates, nPlusOne, dbTime, slow);
	}

	/**
	 * One gauge per limit and scope, whatever the status of its requests: registering it
	 * again for another status returns the registered gauge.
	 */
	private static void registerLimits(MeterRegistry registry, ScopeTags key, Budget budget) {
		Tags tags = key.limitTags();
		if (budget.maxStatements() != Budget.UNLIMITED) {
			registerLimit(registry, tags, "max", budget.maxStatements());
		}
		if (budget.critical() != Budget.UNLIMITED) {
			registerLimit(registry, tags, "critical", budget.critical());
		}
	}

	private static void registerLimit(MeterRegistry registry, Tags tags, String level, int limit) {
		Gauge.builder(QueryBudgetMeters.LIMIT.getName(), () -> limit)
			.description("Statement limit of the scope's budget")
			.baseUnit(QueryBudgetMeters.LIMIT.getBaseUnit())
			.tags(tags)
			.tag(QueryBudgetMeters.Tag.LEVEL.asString(), level)
			.strongReference(true)
			.register(registry);
	}

	/**
	 * The budget's limits and the largest expected count are buckets whether or not the
	 * percentile histogram is published: every scope's distribution is then a histogram,
	 * as Prometheus needs one type for all the series of a name. A limit of 0 is no
	 * bucket, as Micrometer takes only positive ones: its breaches are counted by the
	 * violations counter.
	 */
	private static double[] statementBuckets(Budget budget, double maximum) {
		return DoubleStream.of(budget.maxStatements(), budget.critical(), maximum)
			.filter((bucket) -> bucket > 0 && bucket <= maximum)
			.distinct()
			.sorted()
			.toArray();
	}

	/**
	 * The configured buckets, the budget's time limit and the largest expected time,
	 * whether or not the percentile histogram is published, for the same reason.
	 */
	private Duration[] dbTimeBuckets(Budget budget, Duration maximum) {
		Stream<Duration> limit = Stream.ofNullable(budget.maxDbTime());
		return Stream.concat(Stream.concat(this.properties.getDbTimeBuckets().stream(), limit), Stream.of(maximum))
			.filter((bucket) -> bucket.compareTo(maximum) <= 0)
			.distinct()
			.sorted()
			.toArray(Duration[]::new);
	}

	private MeterRegistry registry() {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			registry = this.registryProvider.getObject();
			this.registry = registry;
		}
		return registry;
	}

	/**
	 * The meters of one set of tags; violation counters are registered on first use.
	 */
	private static final class ScopeMeters {

		private final MeterRegistry registry;

		private final Tags tags;

		private final DistributionSummary statements;

		private final Counter duplicates;

		private final Counter nPlusOne;

		private final Timer dbTime;

		private final Counter slow;

		private final AtomicReferenceArray<Counter> violations = new AtomicReferenceArray<>(RULES.length * 2);

		ScopeMeters(MeterRegistry registry, Tags tags, DistributionSummary statements, Counter duplicates,
				Counter nPlusOne, Timer dbTime, Counter slow) {
			this.registry = registry;
			this.tags = tags;
			this.statements = statements;
			this.duplicates = duplicates;
			this.nPlusOne = nPlusOne;
			this.dbTime = dbTime;
			this.slow = slow;
		}

		/**
		 * Records the two distributions of every scope; the counters of rare events are
		 * touched only when the scope has some, so that a healthy scope updates two
		 * meters.
		 */
		void record(ScopeReport report) {
			this.statements.record(report.statementCount());
			this.dbTime.record(report.dbTime());
			long duplicates = report.duplicateCount();
			if (duplicates > 0) {
				this.duplicates.increment(duplicates);
			}
			int nPlusOne = report.nPlusOneSuspects().size();
			if (nPlusOne > 0) {
				this.nPlusOne.increment(nPlusOne);
			}
			long slow = report.slowExecutionCount();
			if (slow > 0) {
				this.slow.increment(slow);
			}
			if (report.isBreached()) {
				for (BudgetViolation violation : report.violations()) {
					violationCounter(violation).increment();
				}
			}
		}

		private Counter violationCounter(BudgetViolation violation) {
			boolean critical = violation.level() == Verdict.CRITICAL;
			int index = violation.rule().ordinal() * 2 + (critical ? 1 : 0);
			Counter counter = this.violations.get(index);
			if (counter == null) {
				counter = Counter.builder(QueryBudgetMeters.VIOLATIONS.getName())
					.description("Broken budget rules")
					.tags(this.tags)
					.tag(QueryBudgetMeters.Tag.LEVEL.asString(), critical ? "critical" : "over")
					.tag(QueryBudgetMeters.Tag.RULE.asString(), violation.rule().name().toLowerCase(Locale.ROOT))
					.register(this.registry);
				this.violations.set(index, counter);
			}
			return counter;
		}

	}

}
