package dev.querybudget.autoconfigure.aop;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.querybudget.QueryBudgetExceededException;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.autoconfigure.BudgetResolver;
import dev.querybudget.autoconfigure.ResolvedBudget;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.ClassUtils;

/**
 * Runs a bean method in its own scope, named {@code ClassName#method}: a
 * {@link ScopeKind#METHOD} scope for {@code @QueryBudget} methods, a
 * {@link ScopeKind#JOB} scope for {@code @Scheduled} methods. The scope closes when the
 * method returns; an exception of the method stays the primary one, with a budget failure
 * added as suppressed.
 *
 * @author Query Budget contributors
 */
final class QueryScopeMethodInterceptor implements MethodInterceptor {

	private final ObjectProvider<QueryBudgetTracker> tracker;

	private final ObjectProvider<BudgetResolver> resolver;

	private final ScopeKind kind;

	private final Map<Method, MethodBudget> budgets = new ConcurrentHashMap<>();

	QueryScopeMethodInterceptor(ObjectProvider<QueryBudgetTracker> tracker, ObjectProvider<BudgetResolver> resolver,
			ScopeKind kind) {
		this.tracker = tracker;
		this.resolver = resolver;
		this.kind = kind;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Method method = invocation.getMethod();
		Object target = invocation.getThis();
		Class<?> targetClass = ClassUtils
			.getUserClass((target != null) ? AopUtils.getTargetClass(target) : method.getDeclaringClass());
		MethodBudget methodBudget = this.budgets.get(method);
		if (methodBudget == null || methodBudget.targetClass() != targetClass) {
			methodBudget = resolve(method, targetClass);
			this.budgets.put(method, methodBudget);
		}
		String name = methodBudget.name();
		ResolvedBudget resolved = methodBudget.resolved();
		QueryScope scope = this.tracker.getObject().open(this.kind, name, resolved.budget(), resolved.mode());
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			try {
				scope.close();
			}
			catch (QueryBudgetExceededException budgetFailure) {
				ex.addSuppressed(budgetFailure);
			}
			throw ex;
		}
		scope.close();
		return result;
	}

	/**
	 * Resolves the name and budget once per method, not per call.
	 */
	private MethodBudget resolve(Method method, Class<?> targetClass) {
		String name = targetClass.getSimpleName() + "#" + method.getName();
		BudgetResolver resolver = this.resolver.getObject();
		ResolvedBudget resolved = resolver.annotated(method, targetClass);
		if (resolved == null && this.kind == ScopeKind.JOB) {
			resolved = resolver.job(name);
		}
		if (resolved == null) {
			resolved = resolver.unlimited(name);
		}
		return new MethodBudget(targetClass, name, resolved);
	}

	private record MethodBudget(Class<?> targetClass, String name, ResolvedBudget resolved) {

	}

}
