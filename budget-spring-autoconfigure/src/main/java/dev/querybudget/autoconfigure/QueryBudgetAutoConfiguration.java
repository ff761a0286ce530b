package dev.querybudget.autoconfigure;

import javax.sql.DataSource;

import dev.querybudget.BudgetViolationListener;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.TrackerSettings;
import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.sql.SqlFingerprinter;
import io.micrometer.context.ContextRegistry;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.observation.boot.autoconfigure.ProxyDataSourceBuilderCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Auto-configuration of Query Budget: the {@link QueryBudgetTracker}, the
 * {@link BudgetResolver}, and every {@link DataSource} bean proxied once with the Query
 * Budget listener. {@code query-budget.enabled=false} removes it all.
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
		afterName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"net.ttddyy.observation.boot.autoconfigure.DataSourceObservationAutoConfiguration",
				"org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration" })
@ConditionalOnClass(ProxyDataSource.class)
@ConditionalOnBooleanProperty(name = "query-budget.enabled", matchIfMissing = true)
@EnableConfigurationProperties(QueryBudgetProperties.class)
public final class QueryBudgetAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	QueryBudgetTracker queryBudgetTracker(QueryBudgetProperties properties,
			ObjectProvider<BudgetViolationListener> listeners, ObjectProvider<QueryBudgetCustomizer> customizers) {
		TrackerSettings.Builder settings = TrackerSettings.builder()
			.addExcludedPackages("dev.querybudget.autoconfigure.")
			.addExcludedPackages(properties.getExcludedPackages().toArray(String[]::new))
			.maxFingerprintsPerScope(properties.getMaxFingerprintsPerScope())
			.maxParameterSetsPerFingerprint(properties.getMaxParameterSetsPerFingerprint())
			.slowStatementThreshold(properties.getSlowStatementThreshold())
			.fingerprinter(SqlFingerprinter.create(properties.getFingerprint().toSettings()));
		listeners.orderedStream().forEach(settings::addListener);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(settings));
		return QueryBudgetTracker.create(settings.build());
	}

	@Bean
	@ConditionalOnMissingBean
	BudgetResolver queryBudgetResolver(QueryBudgetProperties properties) {
		return new BudgetResolver(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	RequestOutcomes queryBudgetRequestOutcomes() {
		return new RequestOutcomes();
	}

	@Bean
	static QueryBudgetAnnotationValidator queryBudgetAnnotationValidator(ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<BudgetResolver> resolver) {
		return new QueryBudgetAnnotationValidator(beanFactory, resolver);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DelegatingDataSource.class)
	@ConditionalOnMissingBean(type = "net.ttddyy.observation.boot.autoconfigure.DataSourceObservationBeanPostProcessor")
	static class DataSourceProxyConfiguration {

		@Bean
		static QueryBudgetDataSourceBeanPostProcessor queryBudgetDataSourceBeanPostProcessor(
				ObjectProvider<QueryBudgetTracker> tracker) {
			return new QueryBudgetDataSourceBeanPostProcessor(tracker);
		}

	}

	/**
	 * datasource-micrometer proxies every DataSource already: add the listener to its
	 * proxies instead of wrapping them a second time.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ProxyDataSourceBuilderCustomizer.class)
	@ConditionalOnBean(type = "net.ttddyy.observation.boot.autoconfigure.DataSourceObservationBeanPostProcessor")
	static class DataSourceMicrometerConfiguration {

		@Bean
		ProxyDataSourceBuilderCustomizer queryBudgetProxyDataSourceBuilderCustomizer(
				ObjectProvider<QueryBudgetTracker> tracker) {
			return (builder, dataSource, beanName, dataSourceName) -> builder
				.listener(new QueryBudgetExecutionListener(tracker.getObject()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ContextRegistry.class, ContextPropagatingTaskDecorator.class })
	static class ContextPropagationConfiguration {

		@Bean
		QueryScopeAccessorRegistration queryScopeAccessorRegistration(QueryBudgetTracker tracker) {
			return new QueryScopeAccessorRegistration(ContextRegistry.getInstance(), tracker);
		}

		/**
		 * Boot composes every TaskDecorator bean into its task executors (and so into
		 * {@code @Async} and MVC async processing): an application's own decorators run
		 * next to this one. Backs off only when the application propagates context
		 * itself.
		 */
		@Bean
		@ConditionalOnMissingBean(ContextPropagatingTaskDecorator.class)
		ContextPropagatingTaskDecorator queryBudgetContextPropagatingTaskDecorator(
				QueryScopeAccessorRegistration registration) {
			return new ContextPropagatingTaskDecorator();
		}

	}

}
