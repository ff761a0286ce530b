package dev.querybudget.autoconfigure.metrics;

import dev.querybudget.autoconfigure.BudgetResolver;
import dev.querybudget.autoconfigure.QueryBudgetAutoConfiguration;
import dev.querybudget.autoconfigure.QueryBudgetProperties;
import dev.querybudget.autoconfigure.RequestOutcomes;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the Query Budget {@link QueryBudgetMeters meters}: a
 * {@link QueryBudgetMetrics} listener records every closed scope in the application's
 * {@link MeterRegistry}. {@code management.metrics.enable.query.budget=false} disables
 * the meters, like any other.
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = QueryBudgetAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, BudgetResolver.class, RequestOutcomes.class })
public final class QueryBudgetMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	QueryBudgetMetrics queryBudgetMetrics(ObjectProvider<MeterRegistry> registry, RequestOutcomes outcomes,
			QueryBudgetProperties properties) {
		return new QueryBudgetMetrics(registry, outcomes, properties.getMetrics());
	}

}
