package dev.querybudget.autoconfigure.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.querybudget.Budget;
import dev.querybudget.BudgetViolationListener;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.Verdict;
import dev.querybudget.autoconfigure.QueryBudgetAutoConfiguration;
import net.ttddyy.observation.boot.autoconfigure.ProxyDataSourceBuilderCustomizer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot's access and exposure rules decide whether the {@code querybudget} endpoint and
 * its statistics exist.
 */
class QueryBudgetEndpointAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(QueryBudgetAutoConfiguration.class, QueryBudgetEndpointAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(ProxyDataSourceBuilderCustomizer.class));

	@Test
	void endpointIsAbsentUnlessExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(QueryBudgetEndpoint.class)
			.doesNotHaveBean(BudgetViolationListener.class));
	}

	@Test
	void endpointAndItsStatisticsExistWhenExposedOnTheWeb() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=querybudget")
			.run((context) -> assertThat(context).hasSingleBean(QueryBudgetEndpoint.class)
				.hasSingleBean(ScopeStatistics.class)
				.hasSingleBean(RequestMappingScopeCatalog.class));
	}

	@Test
	void statisticsKeepTheConfiguredNumberOfScopes() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=querybudget",
					"query-budget.statistics.max-scopes=2")
			.run((context) -> {
				ScopeStatistics statistics = context.getBean(ScopeStatistics.class);
				for (int i = 0; i < 3; i++) {
					statistics.scopeClosed(new ScopeReport(ScopeKind.JOB, "Job" + i + "#run", Budget.unlimited(), 0,
							Map.of(), 0, 0, 0, 0, 0, Duration.ZERO, List.of(), 0, false, Verdict.WITHIN, List.of()));
				}
				assertThat(statistics.figures()).hasSize(2);
				assertThat(statistics.untrackedScopes()).isOne();
			});
	}

	@Test
	void negativeStatisticsBoundFailsStartupNamingThePropertyAndValue() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=querybudget",
					"query-budget.statistics.max-breaches=-5")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Failed to bind properties under 'query-budget.statistics'")
				.hasStackTraceContaining("Unable to set value for property max-breaches")
				.rootCause()
				.hasMessage("'maxBreaches' must not be negative, but was -5"));
	}

	@Test
	void endpointIsAbsentWhenItsAccessIsNone() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=querybudget",
					"management.endpoint.querybudget.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(QueryBudgetEndpoint.class));
	}

	@Test
	void endpointBacksOffWithoutActuator() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=querybudget")
			.withClassLoader(new FilteredClassLoader(ProxyDataSourceBuilderCustomizer.class, Endpoint.class,
					ConditionalOnAvailableEndpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(QueryBudgetEndpoint.class));
	}

	@Test
	void endpointListsNoRequestMappingsWithoutSpringMvc() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=querybudget")
			.withClassLoader(
					new FilteredClassLoader(ProxyDataSourceBuilderCustomizer.class, RequestMappingHandlerMapping.class))
			.run((context) -> assertThat(context).hasSingleBean(QueryBudgetEndpoint.class)
				.doesNotHaveBean(RequestMappingScopeCatalog.class));
	}

	@Test
	void endpointBacksOffWhenQueryBudgetIsDisabled() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=querybudget", "query-budget.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(QueryBudgetEndpoint.class));
	}

}
