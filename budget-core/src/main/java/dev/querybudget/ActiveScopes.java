package dev.querybudget;

import java.util.List;

import dev.querybudget.internal.Hashing;
import dev.querybudget.sql.SqlDialect;
import dev.querybudget.sql.StatementFingerprint;
import org.jspecify.annotations.Nullable;

/**
 * The scopes current on one thread, innermost last, as handed to a JDBC adapter by
 * {@link QueryBudgetTracker#activeScopes()}. Adapters call {@link #beforeStatement()} and
 * then one of the {@code after} methods on the thread that runs the statement; every
 * statement counts in each scope of the stack. Not thread-safe: it belongs to its thread.
 *
 * @since 0.1.0
 */
public final class ActiveScopes {

	private final CurrentScopes owner;

	private final QueryBudgetTracker tracker;

	private final CallSiteLocator locator;

	private final Thread thread;

	private QueryScope[] scopes = new QueryScope[4];

	private boolean[] attached = new boolean[4];

	private int depth;

	private long startNanos;

	private boolean started;

	private @Nullable StatementOrigin origin;

	private @Nullable StatementOrigin allowance;

	ActiveScopes(CurrentScopes owner, QueryBudgetTracker tracker, CallSiteLocator locator, Thread thread) {
		this.owner = owner;
		this.tracker = tracker;
		this.locator = locator;
		this.thread = thread;
	}

	/**
	 * Starts timing a statement and rejects it when a {@link EnforcementMode#FAIL_FAST}
	 * scope has no statement left in its budget.
	 * @throws QueryBudgetExceededException to stop the statement before it runs
	 */
	public void beforeStatement() {
		for (int i = 0; i < this.depth; i++) {
			this.scopes[i].checkBeforeStatement();
		}
		this.started = true;
		this.startNanos = System.nanoTime();
	}

	/**
	 * Records a statement, or a prepared-statement batch, that ran as one round trip. A
	 * statement whose {@link #beforeStatement()} these scopes did not see is ignored.
	 * @param sql the SQL text
	 * @param dialect the dialect to fingerprint it with
	 * @param parameterHash a hash of the bound parameter values (of all parameter sets
	 * for a batch), {@code 0} without parameters
	 * @param batchSize {@code 0} for a single execution, else the number of parameter
	 * sets in the batch
	 * @param rows rows changed as reported by the driver, negative when unknown
	 * @param success whether the statement completed without an exception
	 */
	public void afterStatement(String sql, SqlDialect dialect, long parameterHash, int batchSize, long rows,
			boolean success) {
		if (!this.started) {
			return;
		}
		long nanos = elapsedNanos();
		try {
			StatementFingerprint fingerprint = this.tracker.fingerprinter().fingerprint(sql, dialect);
			long identity = Hashing.combine(Hashing.combine(sql.hashCode(), sql.length()), parameterHash);
			record(fingerprint, identity, true, batchSize, rows, success, nanos, nanos);
		}
		catch (RuntimeException ex) {
			fail(ex);
		}
	}

	/**
	 * Records a plain-statement batch: several SQL texts sent as one round trip, unless
	 * these scopes did not see its {@link #beforeStatement()}. Each text counts as an
	 * execution of its shape, with the batch's time shared evenly; their parameter sets
	 * are not tracked, as batching is the cure, not the disease.
	 * @param sql the SQL texts of the batch, at least one
	 * @param dialect the dialect to fingerprint them with
	 * @param rows rows changed as reported by the driver, negative when unknown
	 * @param success whether the batch completed without an exception
	 */
	public void afterStatementBatch(List<String> sql, SqlDialect dialect, long rows, boolean success) {
		if (!this.started) {
			return;
		}
		long nanos = elapsedNanos();
		try {
			int size = sql.size();
			if (size == 0) {
				return;
			}
			long share = nanos / size;
			for (int i = 0; i < size; i++) {
				StatementFingerprint fingerprint = this.tracker.fingerprinter().fingerprint(sql.get(i), dialect);
				if (i == 0) {
					record(fingerprint, 0, false, size, rows, success, nanos, share);
				}
				else {
					recordBatchEntry(fingerprint, share);
				}
			}
		}
		catch (RuntimeException ex) {
			fail(ex);
		}
	}

	/**
	 * Marks every scope of the stack incomplete after an internal error: each logs it
	 * once and stops counting, the statement and the application carry on.
	 * @param failure the internal error
	 */
	public void fail(Throwable failure) {
		for (int i = 0; i < this.depth; i++) {
			this.scopes[i].fail(failure);
		}
	}

	private long elapsedNanos() {
		this.started = false;
		return System.nanoTime() - this.startNanos;
	}

	private void record(StatementFingerprint fingerprint, long identity, boolean trackIdentity, int batchSize,
			long rows, boolean success, long roundTripNanos, long shapeNanos) {
		recordInScopes(false, fingerprint, identity, trackIdentity, batchSize, rows, success, roundTripNanos,
				shapeNanos);
	}

	private void recordBatchEntry(StatementFingerprint fingerprint, long shapeNanos) {
		recordInScopes(true, fingerprint, 0, false, 0, 0, true, 0, shapeNanos);
	}

	// One loop for both cases, without a lambda: the stack is walked at most once per
	// statement, however many scopes need the call site
	private void recordInScopes(boolean batchEntry, StatementFingerprint fingerprint, long identity,
			boolean trackIdentity, int batchSize, long rows, boolean success, long roundTripNanos, long shapeNanos) {
		boolean siteLocated = false;
		CallSite site = null;
		// declared repetition outranks whatever Hibernate declares inside the loop
		StatementOrigin cause = (this.allowance != null) ? this.allowance : this.origin;
		for (int i = 0; i < this.depth; i++) {
			QueryScope scope = this.scopes[i];
			try {
				Shape shape = batchEntry ? scope.recordBatchEntry(fingerprint, cause, shapeNanos)
						: scope.record(fingerprint, identity, trackIdentity, batchSize, cause, rows, success,
								roundTripNanos, shapeNanos);
				if (shape != null) {
					if (!siteLocated) {
						site = this.locator.locate();
						siteLocated = true;
					}
					scope.callSite(shape, site);
				}
			}
			catch (RuntimeException ex) {
				scope.fail(ex);
			}
		}
	}

	/**
	 * Declares the origin of the statements this thread runs until the returned handle is
	 * closed; see {@link QueryBudgetTracker#attribute(StatementOrigin)}.
	 */
	Attribution attribute(StatementOrigin origin) {
		boolean allowed = origin.kind() == StatementOrigin.Kind.ALLOWED;
		StatementOrigin previous = (allowed) ? this.allowance : this.origin;
		if (allowed) {
			this.allowance = origin;
		}
		else {
			this.origin = origin;
		}
		return new Attribution(this, allowed, previous);
	}

	void restoreOrigin(boolean allowed, @Nullable StatementOrigin previous) {
		if (allowed) {
			this.allowance = previous;
		}
		else {
			this.origin = previous;
		}
	}

	boolean isOwnedByCurrentThread() {
		return this.thread == Thread.currentThread();
	}

	boolean contains(QueryScope scope) {
		for (int i = 0; i < this.depth; i++) {
			if (this.scopes[i] == scope) {
				return true;
			}
		}
		return false;
	}

	void push(QueryScope scope, boolean attachment) {
		pruneClosed();
		if (this.depth == this.scopes.length) {
			QueryScope[] grownScopes = new QueryScope[this.depth * 2];
			boolean[] grownAttached = new boolean[this.depth * 2];
			System.arraycopy(this.scopes, 0, grownScopes, 0, this.depth);
			System.arraycopy(this.attached, 0, grownAttached, 0, this.depth);
			this.scopes = grownScopes;
			this.attached = grownAttached;
		}
		this.scopes[this.depth] = scope;
		this.attached[this.depth] = attachment;
		this.depth++;
	}

	/**
	 * Removes the innermost entry of a scope, wherever it is in the stack, so that
	 * closing out of order leaves the other scopes current. Detaching a scope ends the
	 * unit of work it brackets on this thread: scopes opened inside it and still open are
	 * abandoned.
	 */
	void remove(QueryScope scope, boolean attachmentOnly) {
		for (int i = this.depth - 1; i >= 0; i--) {
			if (this.scopes[i] == scope && (!attachmentOnly || this.attached[i])) {
				if (attachmentOnly) {
					abandonOpenedAbove(i);
				}
				removeAt(i);
				break;
			}
		}
		pruneClosed();
		releaseIfEmpty();
	}

	/**
	 * Detaches attached scopes, innermost first, until {@code previous} is current again.
	 * Scopes opened on this thread are never detached; those opened inside a detached
	 * scope and still open are abandoned.
	 */
	void restore(@Nullable QueryScope previous) {
		pruneClosed();
		while (this.depth > 0 && this.scopes[this.depth - 1] != previous) {
			int top = this.depth - 1;
			if (!this.attached[top]) {
				int boundary = attachedBelow(top, previous);
				if (boundary < 0) {
					break;
				}
				abandonOpenedAbove(boundary);
			}
			removeAt(this.depth - 1);
		}
		releaseIfEmpty();
	}

	@Nullable QueryScope current() {
		for (int i = this.depth - 1; i >= 0; i--) {
			if (!this.scopes[i].isClosed()) {
				return this.scopes[i];
			}
		}
		return null;
	}

	int depth() {
		return this.depth;
	}

	private int attachedBelow(int index, @Nullable QueryScope previous) {
		for (int i = index - 1; i >= 0 && this.scopes[i] != previous; i--) {
			if (this.attached[i]) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A scope opened during an attachment belongs to the work the attachment brackets.
	 * Still open when that work leaves the thread, its opener lost it: left on the stack,
	 * it would count every later unit of work of this pooled thread and never be
	 * collected.
	 */
	private void abandonOpenedAbove(int boundary) {
		for (int i = this.depth - 1; i > boundary; i--) {
			QueryScope scope = this.scopes[i];
			if (!this.attached[i] && scope.abandon()) {
				this.tracker.faults().scopeAbandoned(scope, this.scopes[boundary], this.thread);
			}
		}
	}

	private void pruneClosed() {
		for (int i = this.depth - 1; i >= 0; i--) {
			if (this.scopes[i].isClosed()) {
				removeAt(i);
			}
		}
	}

	private void removeAt(int index) {
		int tail = this.depth - index - 1;
		if (tail > 0) {
			System.arraycopy(this.scopes, index + 1, this.scopes, index, tail);
			System.arraycopy(this.attached, index + 1, this.attached, index, tail);
		}
		this.depth--;
		this.scopes[this.depth] = null;
	}

	private void releaseIfEmpty() {
		if (this.depth == 0) {
			this.owner.release(this);
		}
	}

}
