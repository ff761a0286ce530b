package dev.querybudget.autoconfigure.aop;

import java.lang.reflect.Method;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.ScopeKind;
import dev.querybudget.autoconfigure.BudgetResolver;
import dev.querybudget.autoconfigure.QueryBudgetAutoConfiguration;
import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of method and job scopes with Spring AOP advisors (no AspectJ
 * weaving): a {@code @QueryBudget} method of any bean but a controller runs in a
 * {@link ScopeKind#METHOD} scope, and each run of a {@code @Scheduled} method in a
 * {@link ScopeKind#JOB} scope named {@code ClassName#method}.
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = QueryBudgetAutoConfiguration.class)
@ConditionalOnClass({ Advisor.class, MethodInterceptor.class })
@ConditionalOnBean({ QueryBudgetTracker.class, BudgetResolver.class })
public final class QueryBudgetAopAutoConfiguration {

	/**
	 * Outside {@code @Transactional}, so that the commit counts in the scope.
	 */
	static final int ADVISOR_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private static final String CONTROLLER = "org.springframework.stereotype.Controller";

	private static final String SCHEDULED = "org.springframework.scheduling.annotation.Scheduled";

	private static final String SCHEDULES = "org.springframework.scheduling.annotation.Schedules";

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor queryBudgetMethodScopeAdvisor(ObjectProvider<QueryBudgetTracker> tracker,
			ObjectProvider<BudgetResolver> resolver) {
		StaticMethodMatcherPointcut pointcut = new StaticMethodMatcherPointcut() {

			@Override
			public boolean matches(Method method, Class<?> targetClass) {
				Class<?> userClass = ClassUtils.getUserClass(targetClass);
				return method.getDeclaringClass() != Object.class
						&& !MergedAnnotations.from(userClass, SearchStrategy.TYPE_HIERARCHY).isPresent(CONTROLLER)
						&& !isScheduled(method, userClass) && BudgetResolver.isAnnotated(method, userClass);
			}

		};
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut,
				new QueryScopeMethodInterceptor(tracker, resolver, ScopeKind.METHOD));
		advisor.setOrder(ADVISOR_ORDER);
		return advisor;
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor queryBudgetJobScopeAdvisor(ObjectProvider<QueryBudgetTracker> tracker,
			ObjectProvider<BudgetResolver> resolver) {
		StaticMethodMatcherPointcut pointcut = new StaticMethodMatcherPointcut() {

			@Override
			public boolean matches(Method method, Class<?> targetClass) {
				return isScheduled(method, ClassUtils.getUserClass(targetClass));
			}

		};
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut,
				new QueryScopeMethodInterceptor(tracker, resolver, ScopeKind.JOB));
		advisor.setOrder(ADVISOR_ORDER);
		return advisor;
	}

	static boolean isScheduled(Method method, Class<?> targetClass) {
		MergedAnnotations annotations = MergedAnnotations.from(ClassUtils.getMostSpecificMethod(method, targetClass),
				SearchStrategy.TYPE_HIERARCHY);
		return annotations.isPresent(SCHEDULED) || annotations.isPresent(SCHEDULES);
	}

}
