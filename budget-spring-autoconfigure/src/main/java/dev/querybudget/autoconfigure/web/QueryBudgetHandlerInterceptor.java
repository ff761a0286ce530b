package dev.querybudget.autoconfigure.web;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.querybudget.autoconfigure.BudgetResolver;
import dev.querybudget.autoconfigure.ResolvedBudget;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * Names the request scope after the handler's URI template ({@code GET /owners/{id}},
 * never the raw path) and gives it its budget once the handler is known: the
 * {@code @QueryBudget} of the handler method or class, else the first matching
 * {@code query-budget.endpoints} entry, else {@code query-budget.default}.
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
public final class QueryBudgetHandlerInterceptor implements AsyncHandlerInterceptor {

	private final BudgetResolver resolver;

	private final boolean hasEndpoints;

	private final Map<String, ResolvedBudget> applied = new ConcurrentHashMap<>();

	private final Map<Method, HandlerBudget> handlers = new ConcurrentHashMap<>();

	/**
	 * Creates an interceptor.
	 * @param resolver resolves the budget of the handler
	 */
	public QueryBudgetHandlerInterceptor(BudgetResolver resolver) {
		Assert.notNull(resolver, "'resolver' must not be null");
		this.resolver = resolver;
		this.hasEndpoints = !resolver.endpointKeys().isEmpty();
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		ScopedRequest scoped = (ScopedRequest) request.getAttribute(ScopedRequest.ATTRIBUTE);
		if (scoped == null || scoped.applied() != null || scoped.scope().isClosed()) {
			return true;
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String template = (pattern != null) ? pattern.toString() : null;
		String httpMethod = request.getMethod();
		AppliedBudget applied;
		if (handler instanceof HandlerMethod handlerMethod) {
			HandlerBudget handlerBudget = handlerBudget(handlerMethod);
			ResolvedBudget resolved = handlerBudget.annotated;
			if (resolved == null) {
				resolved = unannotated(request, httpMethod, template);
			}
			AppliedBudget last = handlerBudget.last;
			applied = handlerBudget.applied(httpMethod, template, resolved);
			if (applied != last) {
				publish(applied);
			}
		}
		else {
			applied = AppliedBudget.of(httpMethod, template, unannotated(request, httpMethod, template),
					"(no handler method)");
			publish(applied);
		}
		scoped.apply(applied);
		scoped.scope().assign(applied.name(), applied.resolved().budget(), applied.engineMode());
		return true;
	}

	/**
	 * Keeps the budget of each scope name for {@link #appliedBudgets()}: a handler's
	 * requests reuse its applied budget, which is published once.
	 */
	private void publish(AppliedBudget applied) {
		if (this.applied.get(applied.name()) != applied.resolved()) {
			this.applied.put(applied.name(), applied.resolved());
		}
	}

	/**
	 * Resolves the annotation once per handler method, not per request.
	 */
	private HandlerBudget handlerBudget(HandlerMethod handlerMethod) {
		Method method = handlerMethod.getMethod();
		Class<?> beanType = handlerMethod.getBeanType();
		HandlerBudget handlerBudget = this.handlers.get(method);
		if (handlerBudget == null || handlerBudget.beanType != beanType) {
			handlerBudget = new HandlerBudget(beanType, this.resolver.annotated(method, beanType),
					beanType.getSimpleName() + "#" + method.getName());
			this.handlers.put(method, handlerBudget);
		}
		return handlerBudget;
	}

	private ResolvedBudget unannotated(HttpServletRequest request, String httpMethod, @Nullable String template) {
		ResolvedBudget resolved = (this.hasEndpoints) ? this.resolver.endpoint(httpMethod, template, path(request))
				: null;
		return (resolved != null) ? resolved : this.resolver.defaultBudget();
	}

	/**
	 * Returns the budget that applied to each request scope so far, by scope name, with
	 * where it came from.
	 * @return the budgets by scope name, such as {@code GET /owners/{id}}
	 */
	public Map<String, ResolvedBudget> appliedBudgets() {
		return Collections.unmodifiableMap(this.applied);
	}

	private static String path(HttpServletRequest request) {
		if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
		}
		return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
	}

	/**
	 * The budget of one handler method, with the applied budget of its last request:
	 * requests to the same URI template reuse it.
	 */
	private static final class HandlerBudget {

		private final Class<?> beanType;

		private final @Nullable ResolvedBudget annotated;

		private final String handler;

		private volatile @Nullable AppliedBudget last;

		HandlerBudget(Class<?> beanType, @Nullable ResolvedBudget annotated, String handler) {
			this.beanType = beanType;
			this.annotated = annotated;
			this.handler = handler;
		}

		AppliedBudget applied(String httpMethod, @Nullable String template, ResolvedBudget resolved) {
			AppliedBudget last = this.last;
			if (last == null || !last.appliesTo(httpMethod, template, resolved)) {
				last = AppliedBudget.of(httpMethod, template, resolved, this.handler);
				this.last = last;
			}
			return last;
		}

	}

}
