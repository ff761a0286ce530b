package dev.querybudget.autoconfigure.orm;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.querybudget.Attribution;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.StatementOrigin;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

/**
 * Declares the {@code QUERY} origin {@code OwnerRepository.findByLastName} around a call
 * of that repository method, so that a repository method called once per key is reported
 * by name. Origins are built once per method.
 *
 * @author Query Budget contributors
 */
final class RepositoryOriginInterceptor implements MethodInterceptor {

	private final QueryBudgetTracker tracker;

	private final String repository;

	private final Map<Method, StatementOrigin> origins = new ConcurrentHashMap<>();

	RepositoryOriginInterceptor(QueryBudgetTracker tracker, String repository) {
		this.tracker = tracker;
		this.repository = repository;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		if (this.tracker.activeScopes() == null) {
			return invocation.proceed();
		}
		StatementOrigin origin = this.origins.computeIfAbsent(invocation.getMethod(),
				(method) -> StatementOrigin.query(this.repository + "." + method.getName()));
		try (Attribution attribution = this.tracker.attribute(origin)) {
			return invocation.proceed();
		}
	}

}
