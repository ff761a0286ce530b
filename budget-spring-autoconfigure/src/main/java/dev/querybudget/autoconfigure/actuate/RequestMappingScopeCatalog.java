package dev.querybudget.autoconfigure.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.querybudget.ScopeKind;
import dev.querybudget.autoconfigure.BudgetResolver;
import dev.querybudget.autoconfigure.ResolvedBudget;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The request scopes of the Spring MVC handler mappings, one per HTTP method and URI
 * template, with the budget a request to it gets.
 *
 * @author Query Budget contributors
 */
final class RequestMappingScopeCatalog implements ScopeCatalog {

	private final BudgetResolver resolver;

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	RequestMappingScopeCatalog(BudgetResolver resolver, ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.resolver = resolver;
		this.mappings = mappings;
	}

	@Override
	public List<KnownScope> scopes() {
		List<KnownScope> scopes = new ArrayList<>();
		this.mappings.orderedStream().forEach((mapping) -> {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				add(scopes, entry.getKey(), entry.getValue());
			}
		});
		return scopes;
	}

	private void add(List<KnownScope> scopes, RequestMappingInfo info, HandlerMethod handler) {
		ResolvedBudget annotated = this.resolver.annotated(handler.getMethod(), handler.getBeanType());
		List<String> methods = new ArrayList<>();
		for (RequestMethod method : info.getMethodsCondition().getMethods()) {
			methods.add(method.name());
		}
		if (methods.isEmpty()) {
			// A mapping without methods serves all; GET stands for them
			methods.add(RequestMethod.GET.name());
		}
		for (String pattern : info.getPatternValues()) {
			for (String method : methods) {
				ResolvedBudget resolved = annotated;
				if (resolved == null) {
					resolved = this.resolver.endpoint(method, pattern, pattern);
				}
				if (resolved == null) {
					resolved = this.resolver.defaultBudget();
				}
				scopes.add(new KnownScope(ScopeKind.REQUEST, method + " " + pattern, resolved));
			}
		}
	}

}
