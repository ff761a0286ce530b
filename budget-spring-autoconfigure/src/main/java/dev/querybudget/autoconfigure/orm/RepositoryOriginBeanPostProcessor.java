package dev.querybudget.autoconfigure.orm;

import dev.querybudget.QueryBudgetTracker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;

/**
 * Adds a {@link RepositoryOriginInterceptor} to every Spring Data repository, before its
 * factory bean creates it.
 *
 * @author Query Budget contributors
 */
final class RepositoryOriginBeanPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<QueryBudgetTracker> tracker;

	RepositoryOriginBeanPostProcessor(ObjectProvider<QueryBudgetTracker> tracker) {
		this.tracker = tracker;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof RepositoryFactoryBeanSupport<?, ?, ?> factoryBean) {
			factoryBean.addRepositoryFactoryCustomizer((factory) -> factory.addRepositoryProxyPostProcessor(
					(proxyFactory, repository) -> proxyFactory.addAdvice(new RepositoryOriginInterceptor(
							this.tracker.getObject(), repository.getRepositoryInterface().getSimpleName()))));
		}
		return bean;
	}

}
