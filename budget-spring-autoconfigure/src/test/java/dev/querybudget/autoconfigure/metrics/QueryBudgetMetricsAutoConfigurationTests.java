package dev.querybudget.autoconfigure.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import dev.querybudget.Budget;
import dev.querybudget.BudgetViolationListener;
import dev.querybudget.EnforcementMode;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.autoconfigure.QueryBudgetAutoConfiguration;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import net.ttddyy.observation.boot.autoconfigure.ProxyDataSourceBuilderCustomizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions of {@link QueryBudgetMetricsAutoConfiguration} and the meters a closed scope
 * records.
 */
class QueryBudgetMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QueryBudgetAutoConfiguration.class,
				QueryBudgetMetricsAutoConfiguration.class, DataSourceAutoConfiguration.class,
				JdbcTemplateAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, PrometheusMetricsExportAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(ProxyDataSourceBuilderCustomizer.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:metrics-${random.uuid}");

	@Test
	void closedJobScopeRecordsItsStatementsViolationsAndLimits() {
		this.runner.run((context) -> {
			runJob(context, Budget.builder().maxStatements(1).critical(2).build(), 3);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			DistributionSummary statements = registry.get("query.budget.scope.statements")
				.tag("kind", "job")
				.tag("scope", "NightlyJob#run")
				.tag("method", "NONE")
				.tag("uri", "NONE")
				.tag("status", "NONE")
				.tag("outcome", "NONE")
				.summary();
			assertThat(statements.count()).isEqualTo(1);
			assertThat(statements.totalAmount()).isEqualTo(3);
			assertThat(registry.get("query.budget.violations")
				.tag("scope", "NightlyJob#run")
				.tag("level", "critical")
				.tag("rule", "statements")
				.counter()
				.count()).isEqualTo(1);
			assertThat(registry.get("query.budget.scope.limit").tag("level", "max").gauge().value()).isEqualTo(1);
			assertThat(registry.get("query.budget.scope.limit").tag("level", "critical").gauge().value()).isEqualTo(2);
			assertThat(registry.get("query.budget.scope.db.time").timer().count()).isEqualTo(1);
			// "select 0" to "select 2" from one loop: one shape, three literals, no
			// duplicate
			assertThat(registry.get("query.budget.duplicates").counter().count()).isZero();
			assertThat(registry.get("query.budget.n.plus.one").counter().count()).isEqualTo(1);
		});
	}

	@Test
	void duplicatesAndNPlusOneShapesAreCountedOverTheClosedScopes() {
		this.runner.run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			QueryBudgetTracker tracker = context.getBean(QueryBudgetTracker.class);
			for (int run = 0; run < 2; run++) {
				try (QueryScope scope = tracker.open(ScopeKind.JOB, "NightlyJob#run")) {
					// Two exact duplicates, and one shape run with three parameter sets
					for (int i = 0; i < 3; i++) {
						jdbc.queryForObject("select 1", Integer.class);
						jdbc.queryForObject("select cast(? as int)", Integer.class, i);
					}
				}
			}
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("query.budget.scope.statements").summary().count()).isEqualTo(2);
			assertThat(registry.get("query.budget.duplicates").tag("scope", "NightlyJob#run").counter().count())
				.isEqualTo(4);
			assertThat(registry.get("query.budget.n.plus.one").tag("scope", "NightlyJob#run").counter().count())
				.isEqualTo(2);
		});
	}

	@Test
	void internalErrorsTheTrackerSurvivedAreCounted() {
		this.runner.withBean("failingListener", BudgetViolationListener.class, () -> new BudgetViolationListener() {

			@Override
			public void scopeClosed(ScopeReport report) {
				throw new IllegalStateException("listener failed");
			}

		}).run((context) -> {
			QueryBudgetTracker tracker = context.getBean(QueryBudgetTracker.class);
			FunctionCounter errors = context.getBean(MeterRegistry.class)
				.get("query.budget.internal.errors")
				.functionCounter();
			assertThat(errors.count()).isZero();
			tracker.open(ScopeKind.JOB, "job").close();
			tracker.open(ScopeKind.JOB, "job").close();
			assertThat(errors.count()).isEqualTo(2);
		});
	}

	@Test
	void statementsHistogramHasBucketsAtTheBudgetMaxAndCritical() {
		this.runner.run((context) -> {
			runJob(context, Budget.builder().maxStatements(700).critical(900).build(), 1);
			double[] buckets = buckets(context);
			assertThat(buckets).contains(1.0, 700.0, 900.0, 1000.0).hasSizeBetween(30, 60);
		});
	}

	@Test
	void statementsHistogramCanBeSwitchedOffLeavingTheBudgetBuckets() {
		this.runner.withPropertyValues("query-budget.metrics.histogram=false").run((context) -> {
			runJob(context, Budget.builder().maxStatements(700).critical(900).build(), 1);
			assertThat(buckets(context)).containsExactly(700.0, 900.0, 1000.0);
		});
	}

	@Test
	void budgetOfNoStatementIsRecordedWithoutABucketAtZero() {
		this.runner.run((context) -> {
			runJob(context, Budget.builder().maxStatements(0).critical(0).build(), 1);
			assertThat(buckets(context)).contains(1.0, 1000.0).doesNotContain(0.0);
			assertThat(context.getBean(MeterRegistry.class)
				.get("query.budget.violations")
				.tag("level", "critical")
				.counter()
				.count()).isEqualTo(1);
			assertThat(context.getBean(QueryBudgetTracker.class).internalErrorCount()).isZero();
		});
	}

	@Test
	void scopesWithAndWithoutBudgetsScrapeAsHistogramsWithoutPercentileHistograms() {
		this.runner.withPropertyValues("query-budget.metrics.histogram=false").run((context) -> {
			runJob(context, "NightlyJob#run",
					Budget.builder().maxStatements(5).maxDbTime(Duration.ofMillis(250)).build(), 1);
			runJob(context, "HourlyJob#run", Budget.unlimited(), 1);
			String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
			assertThat(scrape).contains("# TYPE query_budget_scope_statements histogram",
					"# TYPE query_budget_scope_db_time_seconds histogram",
					"query_budget_scope_statements_bucket{kind=\"job\",method=\"NONE\",outcome=\"NONE\","
							+ "scope=\"HourlyJob#run\",status=\"NONE\",uri=\"NONE\",le=\"1000.0\"} 1");
		});
	}

	@Test
	void dbTimeHasItsConfiguredBucketsWithoutThePercentileHistogram() {
		this.runner.run((context) -> {
			runJob(context, Budget.ofMaxStatements(5), 1);
			assertThat(dbTimeBuckets(context)).containsExactly(5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0,
					2500.0, 5000.0, 10_000.0);
		});
	}

	@Test
	void dbTimeBudgetIsABucketToo() {
		this.runner.withPropertyValues("query-budget.metrics.db-time-buckets=50ms").run((context) -> {
			runJob(context, Budget.builder().maxStatements(5).maxDbTime(Duration.ofMillis(250)).build(), 1);
			assertThat(dbTimeBuckets(context)).containsExactly(50.0, 250.0, 10_000.0);
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			db-time-buckets=0s,100ms        | 'dbTimeBuckets' must be positive, but was PT0S
			maximum-expected-db-time=-1s    | 'maximumExpectedDbTime' must be positive, but was PT-1S
			maximum-expected-statements=0   | 'maximumExpectedStatements' must be at least 1, but was 0
			""")
	void invalidHistogramBoundsFailTheStartupNamingTheValue(String property, String message) {
		this.runner.withPropertyValues("query-budget.metrics." + property)
			.run((context) -> assertThat(context).hasFailed().getFailure().rootCause().hasMessage(message));
	}

	@Test
	void dbTimeHistogramIsPublishedWhenAskedFor() {
		this.runner.withPropertyValues("query-budget.metrics.db-time-histogram=true").run((context) -> {
			runJob(context, Budget.builder().maxStatements(5).maxDbTime(Duration.ofMillis(250)).build(), 1);
			assertThat(dbTimeBuckets(context)).contains(1.0, 10.0, 250.0, 10_000.0).hasSizeBetween(30, 100);
		});
	}

	@Test
	void bootHistogramPropertyAlsoPublishesTheDbTimeHistogram() {
		this.runner
			.withPropertyValues("management.metrics.distribution.percentiles-histogram.query.budget.scope.db.time=true")
			.run((context) -> {
				runJob(context, Budget.ofMaxStatements(5), 1);
				assertThat(dbTimeBuckets(context)).hasSizeBetween(30, 100);
			});
	}

	@Test
	void bootHistogramPropertyAlsoSwitchesHistogramsOff() {
		this.runner.withPropertyValues("management.metrics.distribution.percentiles-histogram.query.budget=false")
			.run((context) -> {
				runJob(context, Budget.builder().maxStatements(700).critical(900).build(), 1);
				assertThat(buckets(context)).containsExactly(700.0, 900.0, 1000.0);
			});
	}

	@Test
	void meterFilterPropertiesOfBootApply() {
		this.runner.withPropertyValues("management.metrics.enable.query.budget=false").run((context) -> {
			runJob(context, Budget.ofMaxStatements(1), 2);
			assertThat(context.getBean(MeterRegistry.class).find("query.budget.scope.statements").meters()).isEmpty();
		});
	}

	@Test
	void metricsPropertySwitchesTheMetersOffWithoutTheRestOfTheLibrary() {
		this.runner.withPropertyValues("query-budget.metrics.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(QueryBudgetMetrics.class).hasSingleBean(QueryBudgetTracker.class);
			runJob(context, Budget.ofMaxStatements(1), 2);
			assertThat(context.getBean(MeterRegistry.class).find("query.budget.scope.statements").meters()).isEmpty();
			assertThat(context.getBean(MeterRegistry.class).find("query.budget.internal.errors").meters()).isEmpty();
		});
	}

	@Test
	void backsOffWithoutMicrometer() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(QueryBudgetAutoConfiguration.class,
					QueryBudgetMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withClassLoader(new FilteredClassLoader(ProxyDataSourceBuilderCustomizer.class, MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(QueryBudgetMetrics.class));
	}

	@Test
	void backsOffWithoutMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(QueryBudgetAutoConfiguration.class,
					QueryBudgetMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(ProxyDataSourceBuilderCustomizer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(QueryBudgetMetrics.class)
				.doesNotHaveBean(BudgetViolationListener.class));
	}

	private static void runJob(AssertableApplicationContext context, Budget budget, int statements) {
		runJob(context, "NightlyJob#run", budget, statements);
	}

	private static void runJob(AssertableApplicationContext context, String name, Budget budget, int statements) {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		QueryScope scope = context.getBean(QueryBudgetTracker.class)
			.open(ScopeKind.JOB, name, budget, EnforcementMode.RECORD);
		try {
			for (int i = 0; i < statements; i++) {
				jdbc.queryForObject("select " + i, Integer.class);
			}
		}
		finally {
			scope.close();
		}
	}

	private static double[] buckets(AssertableApplicationContext context) {
		return Arrays.stream(histogramCounts(context, "query.budget.scope.statements"))
			.mapToDouble(CountAtBucket::bucket)
			.toArray();
	}

	private static double[] dbTimeBuckets(AssertableApplicationContext context) {
		return Arrays.stream(histogramCounts(context, "query.budget.scope.db.time"))
			.mapToDouble((count) -> count.bucket(TimeUnit.MILLISECONDS))
			.toArray();
	}

	private static CountAtBucket[] histogramCounts(AssertableApplicationContext context, String name) {
		Meter meter = context.getBean(MeterRegistry.class).get(name).meter();
		return ((HistogramSupport) meter).takeSnapshot().histogramCounts();
	}

}
