package dev.querybudget.autoconfigure;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Carries the current {@link QueryScope} to the threads work is handed to (executors
 * decorated with {@code ContextPropagatingTaskDecorator}, {@code @Async}, MVC
 * {@code Callable}s), so that their statements count in the scope that handed the work
 * over. Built on {@link QueryBudgetTracker#current()}, {@link QueryScope#attach()} and
 * {@link QueryBudgetTracker#restore(QueryScope)}: it keeps no state of its own.
 *
 * @author Query Budget contributors
 */
final class QueryScopeThreadLocalAccessor implements ThreadLocalAccessor<QueryScope> {

	private final QueryBudgetTracker tracker;

	private final String key;

	QueryScopeThreadLocalAccessor(QueryBudgetTracker tracker) {
		this.tracker = tracker;
		// One key per tracker: two application contexts in one JVM register two accessors
		this.key = "query-budget.scope." + Integer.toHexString(System.identityHashCode(tracker));
	}

	@Override
	public Object key() {
		return this.key;
	}

	@Override
	public @Nullable QueryScope getValue() {
		return this.tracker.current();
	}

	@Override
	public void setValue(QueryScope scope) {
		// The handle is not kept: restore() detaches the attached scopes
		scope.attach();
	}

	@Override
	public void setValue() {
		// Nothing to attach
	}

	@Override
	public void restore(QueryScope previous) {
		this.tracker.restore(previous);
	}

	@Override
	public void restore() {
		this.tracker.restore(null);
	}

}
