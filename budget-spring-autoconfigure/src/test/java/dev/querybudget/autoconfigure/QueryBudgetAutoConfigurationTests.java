package dev.querybudget.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import dev.querybudget.QueryBudget;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.jdbc.SequentialConnectionIdManager;
import dev.querybudget.sql.SqlDialect;
import dev.querybudget.sql.SqlFingerprinter;
import dev.querybudget.sql.StatementFingerprint;
import io.micrometer.context.ContextRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import net.ttddyy.observation.boot.autoconfigure.DataSourceObservationAutoConfiguration;
import net.ttddyy.observation.boot.autoconfigure.ProxyDataSourceBuilderCustomizer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions of {@link QueryBudgetAutoConfiguration}: which beans exist, which
 * DataSources are proxied, and how often each statement is counted.
 */
class QueryBudgetAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QueryBudgetAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(ProxyDataSourceBuilderCustomizer.class));

	@Test
	void trackerAndResolverAreAutoConfiguredWithoutDataSource() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(QueryBudgetTracker.class).hasSingleBean(BudgetResolver.class);
			assertThat(context).doesNotHaveBean(DataSource.class);
		});
	}

	@Test
	void autoConfiguredPoolIsProxiedAndStillUnwrapsToHikari() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:unwrap")
			.run((context) -> {
				DataSource dataSource = context.getBean(DataSource.class);
				assertThat(dataSource).isInstanceOf(ProxyDataSource.class);
				assertThat(DataSourceUnwrapper.unwrap(dataSource, HikariConfigMXBean.class, HikariDataSource.class))
					.isNotNull();
				assertThat(dataSource.isWrapperFor(HikariDataSource.class)).isTrue();
				assertThat(countStatements(context, dataSource)).isEqualTo(1);
			});
	}

	@Test
	void proxyNumbersConnectionsWithoutTrackingTheOpenOnes() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:connection-ids")
			.run((context) -> {
				ProxyDataSource dataSource = context.getBean(ProxyDataSource.class);
				assertThat(dataSource.getProxyConfig().getConnectionIdManager())
					.isInstanceOf(SequentialConnectionIdManager.class);
				assertThat(countStatements(context, dataSource)).isEqualTo(1);
			});
	}

	@Test
	void proxiedPoolKeepsHikariMetricsAndDatabaseHealth() {
		this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					DataSourcePoolMetricsAutoConfiguration.class, HealthContributorAutoConfiguration.class,
					DataSourceHealthContributorAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:metrics", "spring.datasource.hikari.pool-name=qb")
			.run((context) -> {
				DataSource dataSource = context.getBean(DataSource.class);
				assertThat(dataSource).isInstanceOf(ProxyDataSource.class);
				assertThat(countStatements(context, dataSource)).isEqualTo(1);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("hikaricp.connections").tag("pool", "qb").gauge()).isNotNull();
				assertThat(context.getBean(DataSourceHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void scopeAccessorIsRegisteredForContextPropagationAndRemovedOnClose() {
		ContextRegistry registry = ContextRegistry.getInstance();
		int before = registry.getThreadLocalAccessors().size();
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ContextPropagatingTaskDecorator.class);
			assertThat(registry.getThreadLocalAccessors()).hasSize(before + 1)
				.anySatisfy((accessor) -> assertThat(accessor.key().toString()).startsWith("query-budget.scope."));
		});
		assertThat(registry.getThreadLocalAccessors()).hasSize(before);
	}

	@Test
	void scopeFollowsTasksOfBootsExecutorNextToTheApplicationsOwnTaskDecorator() {
		AtomicInteger decorated = new AtomicInteger();
		this.runner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withBean("applicationDecorator", TaskDecorator.class, () -> (runnable) -> {
				decorated.incrementAndGet();
				return runnable;
			})
			.run((context) -> {
				QueryBudgetTracker tracker = context.getBean(QueryBudgetTracker.class);
				AsyncTaskExecutor executor = context.getBean("applicationTaskExecutor", AsyncTaskExecutor.class);
				try (QueryScope scope = tracker.open(ScopeKind.JOB, "job")) {
					assertThat(executor.submit(tracker::current).get(10, TimeUnit.SECONDS)).isSameAs(scope);
				}
				assertThat(decorated).hasValue(1);
			});
	}

	@Test
	void applicationsOwnContextPropagatingTaskDecoratorIsKept() {
		ContextPropagatingTaskDecorator own = new ContextPropagatingTaskDecorator();
		this.runner.withBean("ownDecorator", ContextPropagatingTaskDecorator.class, () -> own)
			.run((context) -> assertThat(context).getBean(ContextPropagatingTaskDecorator.class).isSameAs(own));
	}

	@Test
	void everyDataSourceIsProxiedOnce() {
		this.runner.withUserConfiguration(TwoDataSources.class).run((context) -> {
			DataSource first = context.getBean("first", DataSource.class);
			DataSource second = context.getBean("second", DataSource.class);
			assertThat(first).isInstanceOf(ProxyDataSource.class);
			assertThat(second).isInstanceOf(ProxyDataSource.class);
			assertThat(((ProxyDataSource) first).getDataSource()).isInstanceOf(SimpleDriverDataSource.class);
			assertThat(countStatements(context, first)).isEqualTo(1);
			assertThat(countStatements(context, second)).isEqualTo(1);
		});
	}

	@Test
	void alreadyProxiedDataSourceGetsTheListenerInItsChainInsteadOfASecondProxy() {
		this.runner.withUserConfiguration(AlreadyProxied.class).run((context) -> {
			ProxyDataSource dataSource = context.getBean(ProxyDataSource.class);
			assertThat(dataSource.getDataSource()).isInstanceOf(SimpleDriverDataSource.class);
			assertThat(dataSource.getProxyConfig().getQueryListener().getListeners())
				.filteredOn(QueryBudgetExecutionListener.class::isInstance)
				.hasSize(1);
			assertThat(countStatements(context, dataSource)).isEqualTo(1);
		});
	}

	@Test
	void lazyConnectionProxyOverAnotherDataSourceBeanIsCountedOnce() {
		this.runner.withUserConfiguration(LazyOverTarget.class).run((context) -> {
			DataSource lazy = context.getBean("lazy", DataSource.class);
			assertThat(lazy).isInstanceOf(LazyConnectionDataSourceProxy.class);
			assertThat(context.getBean("target", DataSource.class)).isInstanceOf(ProxyDataSource.class);
			assertThat(countStatements(context, lazy)).isEqualTo(1);
		});
	}

	@Test
	void disabledRemovesTrackerAndProxies() {
		this.runner.withUserConfiguration(TwoDataSources.class)
			.withPropertyValues("query-budget.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(QueryBudgetTracker.class).doesNotHaveBean(BudgetResolver.class);
				assertThat(context.getBean("first", DataSource.class)).isInstanceOf(SimpleDriverDataSource.class);
			});
	}

	@Test
	void fingerprintPropertiesBoundTheTrackersFingerprinter() {
		this.runner.withPropertyValues("query-budget.fingerprint.max-sql-length=100").run((context) -> {
			SqlFingerprinter fingerprinter = context.getBean(QueryBudgetTracker.class).settings().fingerprinter();
			StatementFingerprint fingerprint = fingerprinter.fingerprint("select " + "a, ".repeat(50) + "b from t",
					SqlDialect.H2);
			assertThat(fingerprint.truncated()).isTrue();
			assertThat(fingerprinter.fingerprint("select a from t", SqlDialect.H2).truncated()).isFalse();
		});
	}

	@Test
	void userDefinedTrackerBacksOffAndIsTheOneCounting() {
		this.runner.withUserConfiguration(UserTracker.class, TwoDataSources.class).run((context) -> {
			assertThat(context).hasSingleBean(QueryBudgetTracker.class);
			assertThat(context.getBean(QueryBudgetTracker.class)).isSameAs(UserTracker.TRACKER);
			assertThat(countStatements(context, context.getBean("first", DataSource.class))).isEqualTo(1);
		});
	}

	@Test
	void worksWithoutJpaOnTheClassPath() {
		this.runner
			.withClassLoader(new FilteredClassLoader(ProxyDataSourceBuilderCustomizer.class,
					jakarta.persistence.EntityManager.class, org.hibernate.Session.class))
			.withUserConfiguration(TwoDataSources.class)
			.run((context) -> assertThat(countStatements(context, context.getBean("first", DataSource.class)))
				.isEqualTo(1));
	}

	@Test
	void datasourceMicrometerProxiesOnceWithTheListenerAddedThroughItsCustomizer() {
		// The real datasource-micrometer-spring-boot 2.2.1 (built for Boot 4), not
		// filtered out here
		this.runner.withClassLoader(getClass().getClassLoader())
			.withConfiguration(AutoConfigurations.of(DataSourceObservationAutoConfiguration.class))
			.withBean(Tracer.class, () -> Tracer.NOOP)
			.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.withUserConfiguration(TwoDataSources.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ProxyDataSourceBuilderCustomizer.class)
					.doesNotHaveBean(QueryBudgetDataSourceBeanPostProcessor.class);
				// datasource-micrometer's own JDK proxy, over the pool: one proxy, one
				// count
				DataSource first = context.getBean("first", DataSource.class);
				assertThat(first).isNotInstanceOf(SimpleDriverDataSource.class);
				assertThat(first.unwrap(SimpleDriverDataSource.class)).isNotNull();
				assertThat(countStatements(context, first)).isEqualTo(1);
			});
	}

	@Test
	void invalidAnnotatedBudgetOnABeanMethodFailsStartupNamingClassMethodAndValue() {
		this.runner.withUserConfiguration(InvalidAnnotatedBean.class).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).rootCause().hasMessageContaining("'critical' (3) must not be less than 'max' (5)");
			FailureAnalysis analysis = new InvalidQueryBudgetFailureAnalyzer().analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription())
				.isEqualTo("The query budget of " + InvalidAnnotatedBean.class.getName()
						+ "#report is invalid: 'critical' (3) must not be less" + " than 'max' (5).");
			assertThat(analysis.getAction()).contains("Fix the @QueryBudget attributes on")
				.contains("InvalidAnnotatedBean#report");
		});
	}

	@Test
	void invalidPropertyBudgetFailsStartupNamingThePropertyKeyAndValue() {
		this.runner
			.withPropertyValues("query-budget.endpoints[GET /admin/**].max=20",
					"query-budget.endpoints[GET /admin/**].critical=15")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidQueryBudgetFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.isEqualTo("The query budget of query-budget.endpoints[GET /admin/**] is invalid:"
							+ " 'critical' (15) must not be less than 'max' (20).");
				assertThat(analysis.getAction()).startsWith("Fix the property query-budget.endpoints[GET /admin/**]");
			});
	}

	@Test
	void invalidNPlusOneThresholdPropertyNamesTheDashedProperty() {
		this.runner.withPropertyValues("query-budget.default.n-plus-one-threshold=1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("'nPlusOneThreshold'");
			assertThat(new InvalidQueryBudgetFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
				.startsWith("The query budget of query-budget.default is invalid: 'n-plus-one-threshold'");
		});
	}

	private static long countStatements(AssertableApplicationContext context, DataSource dataSource)
			throws SQLException {
		QueryBudgetTracker tracker = context.getBean(QueryBudgetTracker.class);
		try (QueryScope scope = tracker.open(ScopeKind.TEST, "count")) {
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("select 1");
			}
			return scope.report().statementCount();
		}
	}

	private static DataSource h2(String name) {
		return DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.url("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
			.username("sa")
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSources {

		@Bean
		DataSource first() {
			return h2("first");
		}

		@Bean
		DataSource second() {
			return h2("second");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AlreadyProxied {

		@Bean
		DataSource proxied() {
			return ProxyDataSourceBuilder.create(h2("proxied")).name("theirs").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LazyOverTarget {

		@Bean
		DataSource target() {
			return h2("target");
		}

		@Bean
		DataSource lazy(DataSource target) {
			return new LazyConnectionDataSourceProxy(target);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTracker {

		static final QueryBudgetTracker TRACKER = QueryBudgetTracker.create();

		@Bean
		QueryBudgetTracker userTracker() {
			return TRACKER;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InvalidAnnotatedBean {

		@QueryBudget(max = 5, critical = 3)
		public void report() {
		}

	}

}
