package dev.querybudget.autoconfigure.actuate;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.querybudget.ScopeKind;
import dev.querybudget.autoconfigure.BudgetResolver;
import dev.querybudget.autoconfigure.ResolvedBudget;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.ClassUtils;

/**
 * The job scopes ({@code @Scheduled} methods) and method scopes ({@code @QueryBudget}
 * methods of beans other than controllers) of the application's beans, named and budgeted
 * as the advisors name and budget them when they run.
 *
 * @author Query Budget contributors
 */
final class BeanMethodScopeCatalog implements ScopeCatalog {

	private static final String CONTROLLER = "org.springframework.stereotype.Controller";

	private static final String SCHEDULED = "org.springframework.scheduling.annotation.Scheduled";

	private static final String SCHEDULES = "org.springframework.scheduling.annotation.Schedules";

	private final ConfigurableListableBeanFactory beanFactory;

	private final BudgetResolver resolver;

	BeanMethodScopeCatalog(ConfigurableListableBeanFactory beanFactory, BudgetResolver resolver) {
		this.beanFactory = beanFactory;
		this.resolver = resolver;
	}

	@Override
	public List<KnownScope> scopes() {
		List<KnownScope> scopes = new ArrayList<>();
		for (String beanName : this.beanFactory.getBeanDefinitionNames()) {
			Class<?> type = this.beanFactory.getType(beanName, false);
			if (type == null || type.getName().startsWith("org.springframework.")) {
				continue;
			}
			Class<?> userClass = ClassUtils.getUserClass(type);
			boolean controller = MergedAnnotations.from(userClass, SearchStrategy.TYPE_HIERARCHY).isPresent(CONTROLLER);
			Map<Method, ScopeKind> methods = MethodIntrospector.selectMethods(userClass,
					(MethodIntrospector.MetadataLookup<ScopeKind>) (method) -> kind(method, userClass, controller));
			methods.forEach((method, kind) -> scopes.add(scope(kind, method, userClass)));
		}
		return scopes;
	}

	private static @Nullable ScopeKind kind(Method method, Class<?> userClass, boolean controller) {
		MergedAnnotations annotations = MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY);
		if (annotations.isPresent(SCHEDULED) || annotations.isPresent(SCHEDULES)) {
			return ScopeKind.JOB;
		}
		return (!controller && method.getDeclaringClass() != Object.class
				&& BudgetResolver.isAnnotated(method, userClass)) ? ScopeKind.METHOD : null;
	}

	private KnownScope scope(ScopeKind kind, Method method, Class<?> userClass) {
		String name = userClass.getSimpleName() + "#" + method.getName();
		ResolvedBudget resolved = this.resolver.annotated(method, userClass);
		if (resolved == null && kind == ScopeKind.JOB) {
			resolved = this.resolver.job(name);
		}
		if (resolved == null) {
			resolved = this.resolver.unlimited(name);
		}
		return new KnownScope(kind, name, resolved);
	}

}
