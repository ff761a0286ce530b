package dev.querybudget.autoconfigure.web;

import java.util.ArrayList;
import java.util.List;

import dev.querybudget.autoconfigure.BudgetResolver;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Warns at startup about {@code query-budget.endpoints} entries that match no handler
 * mapping: usually a typo in the method or the URI template, which would leave the
 * endpoint on the default budget.
 *
 * @author Query Budget contributors
 */
final class UnmatchedEndpointBudgetsReporter implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(UnmatchedEndpointBudgetsReporter.class);

	private final ObjectProvider<BudgetResolver> resolver;

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	UnmatchedEndpointBudgetsReporter(ObjectProvider<BudgetResolver> resolver,
			ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.resolver = resolver;
		this.mappings = mappings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		BudgetResolver resolver = this.resolver.getIfAvailable();
		if (resolver == null) {
			return;
		}
		List<RequestMappingInfo> infos = new ArrayList<>();
		this.mappings.orderedStream().forEach((mapping) -> infos.addAll(mapping.getHandlerMethods().keySet()));
		for (String key : resolver.endpointKeys()) {
			if (!matchesAny(resolver, key, infos)) {
				logger.warn("Query budget property 'query-budget.endpoints[" + key
						+ "]' matches no handler mapping; check its HTTP method and URI template"
						+ " (for example 'GET /owners/{id}' or 'GET /admin/**')");
			}
		}
	}

	private static boolean matchesAny(BudgetResolver resolver, String key, List<RequestMappingInfo> infos) {
		for (RequestMappingInfo info : infos) {
			List<String> methods = new ArrayList<>();
			for (RequestMethod method : info.getMethodsCondition().getMethods()) {
				methods.add(method.name());
			}
			for (String pattern : info.getPatternValues()) {
				if (resolver.endpointKeyMatches(key, methods, pattern)) {
					return true;
				}
			}
		}
		return false;
	}

}
