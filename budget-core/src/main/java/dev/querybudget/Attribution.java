package dev.querybudget;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Keeps a {@link StatementOrigin} declared on the thread that declared it, until closed
 * there: returned by {@link QueryBudgetTracker#attribute(StatementOrigin)} and
 * {@link QueryBudgetTracker#allowRepetition(String)} for a try-with-resources block or a
 * {@code try}/{@code finally}, so that a failing statement never leaves an origin behind.
 * Closing restores the origin declared before; closing twice does nothing.
 *
 * @since 0.1.0
 */
public final class Attribution implements AutoCloseable {

	static final Attribution NONE = new Attribution(null, false, null);

	private final @Nullable ActiveScopes active;

	private final boolean allowance;

	private final @Nullable StatementOrigin previous;

	private boolean closed;

	Attribution(@Nullable ActiveScopes active, boolean allowance, @Nullable StatementOrigin previous) {
		this.active = active;
		this.allowance = allowance;
		this.previous = previous;
	}

	/**
	 * Declares another origin in place of this handle's own, until the handle is closed:
	 * for a unit of work whose cause changes as it goes, such as a flush that writes one
	 * entity type after another. Does nothing once closed or on another thread.
	 * @param origin the origin of the statements from now on
	 */
	public void replace(StatementOrigin origin) {
		Objects.requireNonNull(origin, "'origin' must not be null");
		ActiveScopes active = this.active;
		if (!this.closed && active != null && active.isOwnedByCurrentThread()) {
			active.restoreOrigin(this.allowance, origin);
		}
	}

	/**
	 * Restores the origin declared before this one.
	 */
	@Override
	public void close() {
		ActiveScopes active = this.active;
		if (this.closed || active == null) {
			return;
		}
		this.closed = true;
		if (active.isOwnedByCurrentThread()) {
			active.restoreOrigin(this.allowance, this.previous);
		}
	}

}
