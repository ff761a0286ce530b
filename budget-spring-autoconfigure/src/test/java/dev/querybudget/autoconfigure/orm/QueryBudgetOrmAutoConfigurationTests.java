package dev.querybudget.autoconfigure.orm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.autoconfigure.QueryBudgetAutoConfiguration;
import dev.querybudget.hibernate.QueryBudgetIntegrator;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions of {@link QueryBudgetOrmAutoConfiguration}, and the Hibernate properties it
 * writes.
 */
class QueryBudgetOrmAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(QueryBudgetAutoConfiguration.class, QueryBudgetOrmAutoConfiguration.class));

	@Test
	void hibernateIntegratorAndRepositoryOriginsAreConfiguredWithTheTracker() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(QueryBudgetHibernatePropertiesCustomizer.class)
				.hasSingleBean(RepositoryOriginBeanPostProcessor.class);
			Map<String, Object> properties = new HashMap<>();
			context.getBean(QueryBudgetHibernatePropertiesCustomizer.class).customize(properties);
			assertThat(integrators(properties)).singleElement().isInstanceOf(QueryBudgetIntegrator.class);
		});
	}

	@Test
	void integratorProviderOfTheApplicationIsKept() {
		Integrator own = new Integrator() {
		};
		IntegratorProvider provider = () -> List.of(own);
		this.runner.run((context) -> {
			Map<String, Object> properties = new HashMap<>(Map.of(JpaSettings.INTEGRATOR_PROVIDER, provider));
			context.getBean(QueryBudgetHibernatePropertiesCustomizer.class).customize(properties);
			assertThat(integrators(properties)).hasSize(2).first().isSameAs(own);
		});
	}

	@Test
	void integratorProviderGivenByClassNameIsKept() {
		this.runner.run((context) -> {
			Map<String, Object> properties = new HashMap<>(
					Map.of(JpaSettings.INTEGRATOR_PROVIDER, NamedIntegratorProvider.class.getName()));
			context.getBean(QueryBudgetHibernatePropertiesCustomizer.class).customize(properties);
			assertThat(integrators(properties)).hasSize(2).first().isInstanceOf(NamedIntegrator.class);
		});
	}

	@Test
	void hibernatePartBacksOffWithoutTheHibernateModule() {
		this.runner.withClassLoader(new FilteredClassLoader(QueryBudgetIntegrator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(QueryBudgetHibernatePropertiesCustomizer.class)
				.hasSingleBean(RepositoryOriginBeanPostProcessor.class));
	}

	@Test
	void hibernatePartBacksOffWhenHibernateAttributionIsDisabled() {
		this.runner.withPropertyValues("query-budget.hibernate.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(QueryBudgetHibernatePropertiesCustomizer.class)
				.hasSingleBean(RepositoryOriginBeanPostProcessor.class));
	}

	@Test
	void repositoryPartBacksOffWithoutSpringData() {
		this.runner.withClassLoader(new FilteredClassLoader(RepositoryFactoryBeanSupport.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RepositoryOriginBeanPostProcessor.class)
				.hasSingleBean(QueryBudgetHibernatePropertiesCustomizer.class));
	}

	@Test
	void everythingBacksOffWhenQueryBudgetIsDisabled() {
		this.runner.withPropertyValues("query-budget.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(QueryBudgetTracker.class)
				.doesNotHaveBean(QueryBudgetHibernatePropertiesCustomizer.class)
				.doesNotHaveBean(RepositoryOriginBeanPostProcessor.class));
	}

	private static List<Integrator> integrators(Map<String, Object> properties) {
		return List.copyOf(((IntegratorProvider) properties.get(JpaSettings.INTEGRATOR_PROVIDER)).getIntegrators());
	}

	static class NamedIntegratorProvider implements IntegratorProvider {

		@Override
		public List<Integrator> getIntegrators() {
			return List.of(new NamedIntegrator());
		}

	}

	static class NamedIntegrator implements Integrator {

	}

}
