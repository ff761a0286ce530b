package dev.querybudget.autoconfigure.orm;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.autoconfigure.QueryBudgetAutoConfiguration;
import dev.querybudget.hibernate.QueryBudgetIntegrator;
import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;

/**
 * Auto-configuration of statement origins, so that reports name the association or
 * repository method behind an N+1: the {@link QueryBudgetIntegrator} added to Hibernate
 * through a {@link HibernatePropertiesCustomizer}, and a {@code QUERY} origin around
 * every Spring Data repository method. Each part needs its library on the class path;
 * {@code query-budget.hibernate.enabled=false} leaves Hibernate alone.
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = QueryBudgetAutoConfiguration.class)
@ConditionalOnBean(QueryBudgetTracker.class)
public final class QueryBudgetOrmAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ QueryBudgetIntegrator.class, HibernatePropertiesCustomizer.class })
	@ConditionalOnBooleanProperty(name = "query-budget.hibernate.enabled", matchIfMissing = true)
	static class HibernateConfiguration {

		@Bean
		QueryBudgetHibernatePropertiesCustomizer queryBudgetHibernatePropertiesCustomizer(
				ObjectProvider<QueryBudgetTracker> tracker) {
			return new QueryBudgetHibernatePropertiesCustomizer(tracker);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RepositoryFactoryBeanSupport.class, MethodInterceptor.class })
	static class RepositoryConfiguration {

		@Bean
		static RepositoryOriginBeanPostProcessor queryBudgetRepositoryOriginBeanPostProcessor(
				ObjectProvider<QueryBudgetTracker> tracker) {
			return new RepositoryOriginBeanPostProcessor(tracker);
		}

	}

}
