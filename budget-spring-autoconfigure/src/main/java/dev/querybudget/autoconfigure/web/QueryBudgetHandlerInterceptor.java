package dev.querybudget.autoconfigure.web;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.querybudget.EnforcementMode;
import dev.querybudget.QueryScope;
import dev.querybudget.autoconfigure.BudgetResolver;
import dev.querybudget.autoconfigure.ResolvedBudget;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

	private final Map<String, ResolvedBudget> applied = new ConcurrentHashMap<>();

	/**
	 * Creates an interceptor.
	 * @param resolver resolves the budget of the handler
	 */
	public QueryBudgetHandlerInterceptor(BudgetResolver resolver) {
		Assert.notNull(resolver, "'resolver' must not be null");
		this.resolver = resolver;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		QueryScope scope = (QueryScope) request.getAttribute(QueryBudgetFilter.SCOPE_ATTRIBUTE);
		if (scope == null || scope.isClosed() || request.getAttribute(QueryBudgetFilter.RESOLVED_ATTRIBUTE) != null) {
			return true;
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String template = (pattern != null) ? pattern.toString() : null;
		String httpMethod = request.getMethod();
		ResolvedBudget resolved = null;
		String origin = "(no handler method)";
		if (handler instanceof HandlerMethod handlerMethod) {
			resolved = this.resolver.annotated(handlerMethod.getMethod(), handlerMethod.getBeanType());
			origin = handlerMethod.getBeanType().getSimpleName() + "#" + handlerMethod.getMethod().getName();
		}
		if (resolved == null) {
			resolved = this.resolver.endpoint(httpMethod, template, path(request));
		}
		if (resolved == null) {
			resolved = this.resolver.defaultBudget();
		}
		String name = httpMethod + " " + ((template != null) ? template : "(no URI template)");
		request.setAttribute(QueryBudgetFilter.RESOLVED_ATTRIBUTE, resolved);
		request.setAttribute(QueryBudgetFilter.HANDLER_ATTRIBUTE, origin);
		this.applied.put(name, resolved);
		scope.assign(name, resolved.budget(), engineMode(resolved));
		return true;
	}

	/**
	 * Returns the budget that applied to each request scope so far, by scope name, with
	 * where it came from.
	 * @return the budgets by scope name, such as {@code GET /owners/{id}}
	 */
	public Map<String, ResolvedBudget> appliedBudgets() {
		return Collections.unmodifiableMap(this.applied);
	}

	/**
	 * The filter logs breaches itself, naming the handler; the engine only records.
	 */
	private static EnforcementMode engineMode(ResolvedBudget resolved) {
		return (resolved.mode() == EnforcementMode.LOG) ? EnforcementMode.RECORD : resolved.mode();
	}

	private static String path(HttpServletRequest request) {
		if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
		}
		return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
	}

}
