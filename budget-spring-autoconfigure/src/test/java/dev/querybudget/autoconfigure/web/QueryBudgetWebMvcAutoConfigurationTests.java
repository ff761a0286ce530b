package dev.querybudget.autoconfigure.web;

import dev.querybudget.QueryBudget;
import dev.querybudget.autoconfigure.InvalidQueryBudgetException;
import dev.querybudget.autoconfigure.QueryBudgetAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions of {@link QueryBudgetWebMvcAutoConfiguration} and its startup checks.
 */
@ExtendWith(OutputCaptureExtension.class)
@SuppressWarnings("rawtypes")
class QueryBudgetWebMvcAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QueryBudgetAutoConfiguration.class,
				QueryBudgetWebMvcAutoConfiguration.class, WebMvcAutoConfiguration.class));

	@Test
	void servletWebApplicationGetsTheFilterAndTheInterceptor() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(QueryBudgetHandlerInterceptor.class);
			assertThat(context.getBean("queryBudgetFilter", FilterRegistrationBean.class).getFilter())
				.isInstanceOf(QueryBudgetFilter.class);
		});
	}

	@Test
	void nonWebApplicationGetsNoWebBeans() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(QueryBudgetAutoConfiguration.class, QueryBudgetWebMvcAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(QueryBudgetHandlerInterceptor.class)
				.doesNotHaveBean("queryBudgetFilter"));
	}

	@Test
	void backsOffWithoutSpringMvc() {
		this.runner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(QueryBudgetHandlerInterceptor.class));
	}

	@Test
	void disabledRemovesTheWebBeans() {
		this.runner.withPropertyValues("query-budget.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(QueryBudgetHandlerInterceptor.class)
				.doesNotHaveBean("queryBudgetFilter"));
	}

	@Test
	void endpointPropertyThatMatchesNoHandlerIsReportedAtStartup(CapturedOutput output) {
		this.runner.withUserConfiguration(OwnersController.class)
			.withPropertyValues("query-budget.endpoints[GET /owners/{id}].max=3",
					"query-budget.endpoints[POST /owners/{id}].max=3", "query-budget.endpoints[GET /ownrs/**].max=3")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("'query-budget.endpoints[POST /owners/{id}]' matches no handler mapping")
					.contains("'query-budget.endpoints[GET /ownrs/**]' matches no handler mapping")
					.doesNotContain("'query-budget.endpoints[GET /owners/{id}]' matches no");
			});
	}

	@Test
	void invalidBudgetOnAControllerMethodFailsStartup() {
		this.runner.withUserConfiguration(InvalidController.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(IllegalArgumentException.class);
			assertThat(context.getStartupFailure()).isInstanceOf(InvalidQueryBudgetException.class)
				.hasMessage("Invalid query budget on " + InvalidController.class.getName()
						+ "#list: 'maxDuplicates' must be at least 0, or -1 for no limit, but was -5");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@RestController
	static class OwnersController {

		@GetMapping("/owners/{id}")
		String owner() {
			return "owner";
		}

	}

	@Configuration(proxyBeanMethods = false)
	@RestController
	static class InvalidController {

		@GetMapping("/things")
		@QueryBudget(max = 5, maxDuplicates = -5)
		String list() {
			return "things";
		}

	}

}
