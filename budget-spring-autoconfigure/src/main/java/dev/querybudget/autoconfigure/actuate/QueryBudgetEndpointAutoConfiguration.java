package dev.querybudget.autoconfigure.actuate;

import java.time.Clock;
import java.util.List;

import dev.querybudget.autoconfigure.BudgetResolver;
import dev.querybudget.autoconfigure.QueryBudgetAutoConfiguration;
import dev.querybudget.autoconfigure.QueryBudgetProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Auto-configuration of the {@link QueryBudgetEndpoint querybudget} endpoint, when it is
 * available under Boot's access and exposure rules.
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = QueryBudgetAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(BudgetResolver.class)
@ConditionalOnAvailableEndpoint(QueryBudgetEndpoint.class)
public final class QueryBudgetEndpointAutoConfiguration {

	@Bean
	ScopeStatistics queryBudgetScopeStatistics(QueryBudgetProperties properties) {
		return new ScopeStatistics(Clock.systemUTC(), properties.getStatistics());
	}

	@Bean
	BeanMethodScopeCatalog queryBudgetBeanMethodScopeCatalog(ConfigurableListableBeanFactory beanFactory,
			BudgetResolver resolver) {
		return new BeanMethodScopeCatalog(beanFactory, resolver);
	}

	@Bean
	@ConditionalOnMissingBean
	QueryBudgetEndpoint queryBudgetEndpoint(List<ScopeCatalog> catalogs, ScopeStatistics statistics) {
		return new QueryBudgetEndpoint(catalogs, statistics);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RequestMappingHandlerMapping.class)
	static class RequestMappingCatalogConfiguration {

		@Bean
		RequestMappingScopeCatalog queryBudgetRequestMappingScopeCatalog(BudgetResolver resolver,
				ObjectProvider<RequestMappingHandlerMapping> mappings) {
			return new RequestMappingScopeCatalog(resolver, mappings);
		}

	}

}
