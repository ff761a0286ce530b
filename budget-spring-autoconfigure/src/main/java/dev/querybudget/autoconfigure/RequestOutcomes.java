package dev.querybudget.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Hands the {@link RequestOutcome} of the request scope being closed to the
 * {@link dev.querybudget.BudgetViolationListener listeners} that the scope calls while it
 * closes, on the same thread: the servlet filter sets it just before closing the scope
 * and clears it right after.
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
public final class RequestOutcomes {

	private final ThreadLocal<RequestOutcome> closing = new ThreadLocal<>();

	/**
	 * Runs the close of a request scope with its outcome readable by the listeners.
	 * @param outcome the outcome of the request
	 * @param close closes the scope
	 */
	public void closing(RequestOutcome outcome, Runnable close) {
		Assert.notNull(outcome, "'outcome' must not be null");
		RequestOutcome previous = this.closing.get();
		this.closing.set(outcome);
		try {
			close.run();
		}
		finally {
			// Restored, null included, rather than removed: a removed entry would be
			// created again, with a new weak reference, by the next request's close
			this.closing.set(previous);
		}
	}

	/**
	 * Returns the outcome of the request scope that is closing on this thread.
	 * @return the outcome, or {@code null} outside of {@link #closing}
	 */
	public @Nullable RequestOutcome current() {
		return this.closing.get();
	}

}
