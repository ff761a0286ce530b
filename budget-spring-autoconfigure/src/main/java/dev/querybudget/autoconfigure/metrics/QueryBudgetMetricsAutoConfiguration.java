package dev.querybudget.autoconfigure.metrics;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.autoconfigure.BudgetResolver;
import dev.querybudget.autoconfigure.QueryBudgetAutoConfiguration;
import dev.querybudget.autoconfigure.QueryBudgetProperties;
import dev.querybudget.autoconfigure.RequestOutcomes;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the Query Budget {@link QueryBudgetMeters meters}: a
 * {@link QueryBudgetMetrics} listener records every closed scope in the application's
 * {@link MeterRegistry}, and a counter reads the tracker's
 * {@link QueryBudgetTracker#internalErrorCount() internal errors}.
 * {@code query-budget.metrics.enabled=false} leaves both out;
 * {@code management.metrics.enable.query.budget=false} disables the meters, like any
 * other, but still records each closed scope in no-op meters.
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = QueryBudgetAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "query-budget.metrics.enabled", matchIfMissing = true)
@ConditionalOnBean({ MeterRegistry.class, BudgetResolver.class, RequestOutcomes.class })
public final class QueryBudgetMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	QueryBudgetMetrics queryBudgetMetrics(ObjectProvider<MeterRegistry> registry, RequestOutcomes outcomes,
			QueryBudgetProperties properties) {
		return new QueryBudgetMetrics(registry, outcomes, properties.getMetrics());
	}

	@Bean
	MeterBinder queryBudgetInternalErrors(QueryBudgetTracker tracker) {
		return (registry) -> FunctionCounter
			.builder(QueryBudgetMeters.INTERNAL_ERRORS.getName(), tracker, QueryBudgetTracker::internalErrorCount)
			.description("Internal errors Query Budget met and survived; each is logged once")
			.baseUnit(QueryBudgetMeters.INTERNAL_ERRORS.getBaseUnit())
			.register(registry);
	}

}
