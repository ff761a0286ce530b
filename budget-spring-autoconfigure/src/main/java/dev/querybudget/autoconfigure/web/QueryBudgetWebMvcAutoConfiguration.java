package dev.querybudget.autoconfigure.web;

import jakarta.servlet.DispatcherType;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.autoconfigure.BudgetResolver;
import dev.querybudget.autoconfigure.QueryBudgetAutoConfiguration;
import dev.querybudget.autoconfigure.QueryBudgetProperties;
import dev.querybudget.autoconfigure.RequestOutcomes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Auto-configuration of request scopes for Spring MVC: a servlet filter that opens one
 * scope per request and a {@link QueryBudgetHandlerInterceptor} that names it and gives
 * it its budget.
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = QueryBudgetAutoConfiguration.class,
		afterName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, FilterRegistrationBean.class })
@ConditionalOnBean({ QueryBudgetTracker.class, BudgetResolver.class, RequestOutcomes.class })
public final class QueryBudgetWebMvcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	QueryBudgetHandlerInterceptor queryBudgetHandlerInterceptor(BudgetResolver resolver) {
		return new QueryBudgetHandlerInterceptor(resolver);
	}

	@Bean
	FilterRegistrationBean<QueryBudgetFilter> queryBudgetFilter(QueryBudgetTracker tracker,
			QueryBudgetProperties properties, RequestOutcomes outcomes) {
		FilterRegistrationBean<QueryBudgetFilter> registration = new FilterRegistrationBean<>(
				new QueryBudgetFilter(tracker, outcomes));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		registration.setOrder(properties.getWeb().getFilterOrder());
		return registration;
	}

	@Bean
	WebMvcConfigurer queryBudgetWebMvcConfigurer(QueryBudgetHandlerInterceptor interceptor) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor);
			}

		};
	}

	@Bean
	static UnmatchedEndpointBudgetsReporter queryBudgetUnmatchedEndpointBudgetsReporter(
			ObjectProvider<BudgetResolver> resolver, ObjectProvider<RequestMappingHandlerMapping> mappings) {
		return new UnmatchedEndpointBudgetsReporter(resolver, mappings);
	}

}
