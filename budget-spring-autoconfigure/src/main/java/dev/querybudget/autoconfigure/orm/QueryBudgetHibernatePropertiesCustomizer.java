package dev.querybudget.autoconfigure.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.hibernate.QueryBudgetIntegrator;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.util.ClassUtils;

/**
 * Adds the {@link QueryBudgetIntegrator}, bound to the application's tracker, to the
 * integrators of Boot's entity manager factory, keeping any integrator provider the
 * application set in {@code spring.jpa.properties.hibernate.integrator_provider}.
 *
 * @author Query Budget contributors
 */
final class QueryBudgetHibernatePropertiesCustomizer implements HibernatePropertiesCustomizer {

	private final ObjectProvider<QueryBudgetTracker> tracker;

	QueryBudgetHibernatePropertiesCustomizer(ObjectProvider<QueryBudgetTracker> tracker) {
		this.tracker = tracker;
	}

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		IntegratorProvider existing = existing(hibernateProperties.get(JpaSettings.INTEGRATOR_PROVIDER));
		Integrator integrator = new QueryBudgetIntegrator(this.tracker.getObject());
		IntegratorProvider combined = () -> {
			List<Integrator> integrators = new ArrayList<>();
			if (existing != null) {
				integrators.addAll(existing.getIntegrators());
			}
			integrators.add(integrator);
			return integrators;
		};
		hibernateProperties.put(JpaSettings.INTEGRATOR_PROVIDER, combined);
	}

	private static @Nullable IntegratorProvider existing(@Nullable Object value) {
		if (value == null || value instanceof IntegratorProvider) {
			return (IntegratorProvider) value;
		}
		Class<?> type = (value instanceof Class<?> given) ? given : ClassUtils.resolveClassName(value.toString(),
				QueryBudgetHibernatePropertiesCustomizer.class.getClassLoader());
		return (IntegratorProvider) BeanUtils.instantiateClass(type);
	}

}
