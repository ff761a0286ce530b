package dev.querybudget.autoconfigure;

import java.lang.reflect.Method;
import java.util.Map;

import dev.querybudget.QueryBudget;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Validates every {@link QueryBudget @QueryBudget} on the beans of the context once they
 * are created, so that an invalid budget fails startup (naming {@code Class#method} and
 * the value) instead of the first request that reaches it.
 *
 * @author Query Budget contributors
 */
final class QueryBudgetAnnotationValidator implements SmartInitializingSingleton {

	private final ConfigurableListableBeanFactory beanFactory;

	private final ObjectProvider<BudgetResolver> resolver;

	QueryBudgetAnnotationValidator(ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<BudgetResolver> resolver) {
		this.beanFactory = beanFactory;
		this.resolver = resolver;
	}

	@Override
	public void afterSingletonsInstantiated() {
		BudgetResolver resolver = this.resolver.getObject();
		for (String name : this.beanFactory.getBeanDefinitionNames()) {
			Class<?> type = this.beanFactory.getType(name, false);
			if (type == null) {
				continue;
			}
			Class<?> userClass = ClassUtils.getUserClass(type);
			if (userClass.getName().startsWith("org.springframework.")
					|| !AnnotationUtils.isCandidateClass(userClass, QueryBudget.class)) {
				continue;
			}
			Map<Method, Boolean> annotated = MethodIntrospector.selectMethods(userClass,
					(MethodIntrospector.MetadataLookup<Boolean>) (
							method) -> BudgetResolver.isAnnotated(method, userClass) ? Boolean.TRUE : null);
			for (Method method : annotated.keySet()) {
				resolver.annotated(method, userClass);
			}
		}
	}

}
