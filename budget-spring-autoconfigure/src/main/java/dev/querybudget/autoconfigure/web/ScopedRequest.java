package dev.querybudget.autoconfigure.web;

import dev.querybudget.QueryScope;
import org.jspecify.annotations.Nullable;

/**
 * What the filter and the interceptor share about one request, in one request attribute:
 * its scope, the budget the interceptor applied once the handler was known, and the
 * listener that closes the scope of an asynchronous request. One attribute rather than
 * three, as the container's attribute map is a concurrent map that every request reads
 * and writes.
 *
 * @author Query Budget contributors
 */
final class ScopedRequest {

	static final String ATTRIBUTE = ScopedRequest.class.getName();

	private final QueryScope scope;

	private volatile @Nullable AppliedBudget applied;

	private volatile QueryBudgetFilter.@Nullable AsyncCloser closer;

	ScopedRequest(QueryScope scope) {
		this.scope = scope;
	}

	QueryScope scope() {
		return this.scope;
	}

	@Nullable AppliedBudget applied() {
		return this.applied;
	}

	void apply(AppliedBudget applied) {
		this.applied = applied;
	}

	QueryBudgetFilter.@Nullable AsyncCloser closer() {
		return this.closer;
	}

	void closer(QueryBudgetFilter.AsyncCloser closer) {
		this.closer = closer;
	}

}
