package dev.querybudget.autoconfigure;

import dev.querybudget.QueryBudgetTracker;
import io.micrometer.context.ContextRegistry;

import org.springframework.beans.factory.DisposableBean;

/**
 * Registers the {@link QueryScopeThreadLocalAccessor} of the context's tracker in the
 * global {@link ContextRegistry} that {@code ContextPropagatingTaskDecorator} and Reactor
 * use, and removes it when the context closes.
 *
 * @author Query Budget contributors
 */
final class QueryScopeAccessorRegistration implements DisposableBean {

	private final ContextRegistry registry;

	private final QueryScopeThreadLocalAccessor accessor;

	QueryScopeAccessorRegistration(ContextRegistry registry, QueryBudgetTracker tracker) {
		this.registry = registry;
		this.accessor = new QueryScopeThreadLocalAccessor(tracker);
		this.registry.registerThreadLocalAccessor(this.accessor);
	}

	@Override
	public void destroy() {
		this.registry.removeThreadLocalAccessor(this.accessor.key());
	}

}
