package dev.querybudget;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.querybudget.sql.StatementFingerprint;
import dev.querybudget.sql.StatementKind;
import org.jspecify.annotations.Nullable;

/**
 * A unit of work whose SQL statements are counted, such as a request, a job, a method or
 * a test block. Open it with {@link QueryBudgetTracker#open} in a try-with-resources
 * block: every statement run on the opening thread (and on threads it is {@link #attach()
 * attached} to) counts in it and in every enclosing scope. Counting is thread-safe;
 * {@link #close()} is idempotent and judges the scope against its budget.
 *
 * @since 0.1.0
 */
public final class QueryScope implements AutoCloseable {

	private static final System.Logger logger = System.getLogger(QueryScope.class.getName());

	private static final StatementKind[] KINDS = StatementKind.values();

	private static final Comparator<FingerprintCount> MOST_EXECUTED_FIRST = Comparator
		.comparingLong(FingerprintCount::executions)
		.reversed()
		.thenComparing(FingerprintCount::totalTime, Comparator.reverseOrder());

	private final QueryBudgetTracker tracker;

	private final ScopeKind kind;

	private volatile String name;

	private volatile Budget budget;

	private volatile EnforcementMode mode;

	private final @Nullable ActiveScopes opener;

	private final Object lock = new Object();

	private final long[] statementsByKind = new long[KINDS.length];

	private final ShapeTable shapes = new ShapeTable();

	private long statements;

	private long batches;

	private long batchedStatements;

	private long rows;

	private long failed;

	private long rejected;

	private long dbTimeNanos;

	private long overflow;

	private boolean incomplete;

	private volatile boolean closed;

	QueryScope(QueryBudgetTracker tracker, ScopeKind kind, String name, Budget budget, EnforcementMode mode,
			@Nullable ActiveScopes opener) {
		this.tracker = tracker;
		this.kind = kind;
		this.name = name;
		this.budget = budget;
		this.mode = mode;
		this.opener = opener;
	}

	/**
	 * Returns what the scope stands for.
	 * @return the kind
	 */
	public ScopeKind kind() {
		return this.kind;
	}

	/**
	 * Returns the name given when opening the scope.
	 * @return the name, for example {@code GET /owners}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Returns the budget the scope is judged against.
	 * @return the budget
	 */
	public Budget budget() {
		return this.budget;
	}

	/**
	 * Returns what the scope does when its budget is broken.
	 * @return the mode
	 */
	public EnforcementMode mode() {
		return this.mode;
	}

	/**
	 * Returns whether the scope is closed.
	 * @return {@code true} once {@link #close()} ran
	 */
	public boolean isClosed() {
		return this.closed;
	}

	/**
	 * Gives this open scope the name, budget and mode that became known only after it was
	 * opened: a servlet filter opens a request scope before the handler, and so the URI
	 * template and the handler's budget, are known. Statements already counted stay
	 * counted; from now on the scope is judged and enforced with the new budget and mode.
	 * Assigning {@link EnforcementMode#OFF} stops counting, and closing then does
	 * nothing.
	 * @param name the name shown in reports, for example {@code GET /owners/{id}}
	 * @param budget the budget to judge the scope against
	 * @param mode what to do when the budget is broken
	 * @throws IllegalStateException when the scope is closed
	 * @since 0.1.0
	 */
	public void assign(String name, Budget budget, EnforcementMode mode) {
		Objects.requireNonNull(name, "'name' must not be null");
		Objects.requireNonNull(budget, "'budget' must not be null");
		Objects.requireNonNull(mode, "'mode' must not be null");
		synchronized (this.lock) {
			if (this.closed) {
				throw new IllegalStateException("Scope '" + this.name + "' is closed; cannot assign '" + name + "'");
			}
			if (this.mode == EnforcementMode.OFF && mode != EnforcementMode.OFF) {
				throw new IllegalStateException(
						"Scope '" + this.name + "' was opened or assigned OFF; it cannot count again");
			}
			this.name = name;
			this.budget = budget;
			this.mode = mode;
		}
	}

	/**
	 * Makes this scope current on the calling thread too, so that statements of work
	 * handed to another thread count in it, until the returned handle is closed on the
	 * same thread. Attaching a scope that is already current on the thread, closed or
	 * {@link EnforcementMode#OFF} does nothing. See
	 * {@link QueryBudgetTracker#restore(QueryScope)} to build a context-propagation
	 * accessor.
	 * @return the handle that detaches the scope
	 */
	public Attachment attach() {
		if (this.mode == EnforcementMode.OFF || this.closed) {
			return Attachment.NONE;
		}
		ActiveScopes active = this.tracker.activeScopesOrCreate();
		if (active.contains(this)) {
			return Attachment.NONE;
		}
		active.push(this, true);
		return new Attachment(this, active);
	}

	/**
	 * Returns a snapshot of the figures so far, judged against the scope's budget.
	 * @return the report
	 */
	public ScopeReport report() {
		synchronized (this.lock) {
			long duplicates = 0;
			long slow = 0;
			long worst = 0;
			for (int i = 0; i < this.shapes.size(); i++) {
				Shape shape = this.shapes.get(i);
				duplicates += shape.duplicates();
				slow += shape.slowExecutions();
				worst = Math.max(worst, shape.nPlusOneParameterSets());
			}
			// The counters of a closed scope no longer change: its shapes are copied only
			// if a reader of the report asks for them, its counts by kind not at all
			ScopeReport.Shapes shapes = (this.closed)
					? ScopeReport.Shapes.deferred(duplicates, slow, worst, this::fingerprintCounts)
					: ScopeReport.Shapes.of(fingerprintCounts());
			long[] byKind = (this.closed) ? this.statementsByKind : this.statementsByKind.clone();
			return ScopeReport.judged(this.kind, this.name, this.budget, this.statements, byKind, this.batches,
					this.batchedStatements, this.rows, this.failed, this.rejected, Duration.ofNanos(this.dbTimeNanos),
					shapes, this.overflow, this.incomplete);
		}
	}

	private List<FingerprintCount> fingerprintCounts() {
		List<FingerprintCount> counts;
		synchronized (this.lock) {
			counts = new ArrayList<>(this.shapes.size());
			for (int i = 0; i < this.shapes.size(); i++) {
				counts.add(this.shapes.get(i).toCount());
			}
		}
		counts.sort(MOST_EXECUTED_FIRST);
		return List.copyOf(counts);
	}

	/**
	 * Returns whether the figures so far break the scope's budget: the same answer as
	 * {@code report().isBreached()}, judged from the counters without building a report.
	 * @return {@code true} when the budget is broken
	 * @since 0.1.0
	 */
	public boolean isBreached() {
		synchronized (this.lock) {
			return breached(this.budget);
		}
	}

	// Called with the lock held
	private boolean breached(Budget budget) {
		long duplicates = 0;
		long worst = 0;
		if (budget.maxDuplicates() != Budget.UNLIMITED || budget.nPlusOneThreshold() != Budget.UNLIMITED) {
			for (int i = 0; i < this.shapes.size(); i++) {
				Shape shape = this.shapes.get(i);
				duplicates += shape.duplicates();
				worst = Math.max(worst, shape.nPlusOneParameterSets());
			}
		}
		long[] byKind = this.statementsByKind;
		return budget.judge(this.statements + this.rejected, byKind[StatementKind.SELECT.ordinal()],
				byKind[StatementKind.INSERT.ordinal()], byKind[StatementKind.UPDATE.ordinal()],
				byKind[StatementKind.DELETE.ordinal()], duplicates, worst, this.dbTimeNanos, null);
	}

	/**
	 * Closes the scope: it stops counting, leaves the current thread's stack, notifies
	 * the listeners and, depending on its mode, logs or throws when the budget is broken.
	 * Closing again does nothing. A scope should be closed on the thread that opened it;
	 * closed elsewhere, it stops counting at once and leaves the opening thread's stack
	 * at that thread's next scope operation.
	 * @throws QueryBudgetExceededException in {@link EnforcementMode#FAIL} and
	 * {@link EnforcementMode#FAIL_FAST} when the budget is broken
	 */
	@Override
	public void close() {
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			this.closed = true;
		}
		ActiveScopes opener = this.opener;
		if (opener != null && opener.isOwnedByCurrentThread()) {
			opener.remove(this, false);
		}
		EnforcementMode mode = this.mode;
		if (mode == EnforcementMode.OFF) {
			return;
		}
		List<BudgetViolationListener> listeners = this.tracker.listeners();
		if (listeners.isEmpty() && (mode == EnforcementMode.RECORD || !isBreached())) {
			// Nobody reads the report: the verdict from the counters is enough
			return;
		}
		ScopeReport report;
		try {
			report = report();
		}
		catch (RuntimeException ex) {
			this.tracker.faults().reportFailed(this, ex);
			return;
		}
		// Indexed: an iterator over the immutable list would be allocated on every close
		for (int i = 0; i < listeners.size(); i++) {
			BudgetViolationListener listener = listeners.get(i);
			try {
				listener.scopeClosed(report);
			}
			catch (RuntimeException ex) {
				this.tracker.faults().listenerFailed(listener, this, ex);
			}
		}
		if (!report.isBreached()) {
			return;
		}
		if (mode == EnforcementMode.LOG) {
			try {
				logger.log(Level.WARNING, report.format());
			}
			catch (RuntimeException ex) {
				this.tracker.faults().reportFailed(this, ex);
			}
		}
		else if (mode == EnforcementMode.FAIL || mode == EnforcementMode.FAIL_FAST) {
			throw exceeded(report);
		}
	}

	/**
	 * The exception of a broken budget, with the formatted report as its message, or a
	 * shorter one when formatting fails: the scope fails as its mode asks either way.
	 */
	private QueryBudgetExceededException exceeded(ScopeReport report) {
		String message;
		try {
			message = report.format();
		}
		catch (RuntimeException ex) {
			this.tracker.faults().reportFailed(this, ex);
			message = "Query budget of scope '" + this.name + "' exceeded: " + report.violations()
					+ ". The report could not be formatted; the internal error is logged.";
		}
		return new QueryBudgetExceededException(message, report);
	}

	void checkBeforeStatement() {
		if (this.mode != EnforcementMode.FAIL_FAST || this.budget.maxStatements() == Budget.UNLIMITED) {
			return;
		}
		synchronized (this.lock) {
			if (this.closed || this.incomplete || this.statements < this.budget.maxStatements()) {
				return;
			}
			this.rejected++;
		}
		throw new QueryBudgetExceededException(report());
	}

	/**
	 * Records one round trip; returns the shape when its call site should be captured.
	 */
	@Nullable Shape record(StatementFingerprint fingerprint, long identity, boolean trackIdentity, int batchSize,
			@Nullable StatementOrigin origin, long rowCount, boolean success, long roundTripNanos, long shapeNanos) {
		synchronized (this.lock) {
			if (this.closed || this.incomplete || this.mode == EnforcementMode.OFF) {
				return null;
			}
			this.statements++;
			this.statementsByKind[fingerprint.kind().ordinal()]++;
			if (batchSize > 0) {
				this.batches++;
				this.batchedStatements += batchSize;
			}
			if (rowCount > 0) {
				this.rows += rowCount;
			}
			if (!success) {
				this.failed++;
			}
			this.dbTimeNanos += roundTripNanos;
			return recordShape(fingerprint, identity, trackIdentity, batchSize > 0, origin, shapeNanos);
		}
	}

	/**
	 * Records a further statement of a plain-statement batch already counted as a round
	 * trip.
	 */
	@Nullable Shape recordBatchEntry(StatementFingerprint fingerprint, @Nullable StatementOrigin origin, long shapeNanos) {
		synchronized (this.lock) {
			if (this.closed || this.incomplete || this.mode == EnforcementMode.OFF) {
				return null;
			}
			return recordShape(fingerprint, 0, false, true, origin, shapeNanos);
		}
	}

	private @Nullable Shape recordShape(StatementFingerprint fingerprint, long identity, boolean trackIdentity,
			boolean batch, @Nullable StatementOrigin origin, long nanos) {
		Shape shape = this.shapes.get(fingerprint);
		if (shape == null) {
			if (this.shapes.size() >= this.tracker.maxShapesPerScope()) {
				this.overflow++;
				return null;
			}
			shape = new Shape(fingerprint);
			this.shapes.add(shape);
		}
		boolean locate = shape.record(identity, trackIdentity, batch, origin, nanos,
				this.tracker.maxParameterSetsPerShape(), this.tracker.slowNanos());
		return (locate) ? shape : null;
	}

	void callSite(Shape shape, @Nullable CallSite site) {
		synchronized (this.lock) {
			// A closed scope's shapes are final: its report may copy them at any time
			if (!this.closed) {
				shape.callSite(site);
			}
		}
	}

	void fail(Throwable failure) {
		synchronized (this.lock) {
			if (this.incomplete || this.closed) {
				return;
			}
			this.incomplete = true;
		}
		this.tracker.faults().engineFailed(this, failure);
	}

	/**
	 * Closes a scope that its opener never closed, without judging or reporting it: it
	 * stops counting, and the caller removes it from its thread's stack.
	 * @return whether this call closed the scope
	 */
	boolean abandon() {
		synchronized (this.lock) {
			if (this.closed) {
				return false;
			}
			this.closed = true;
			this.incomplete = true;
		}
		return true;
	}

	@Override
	public String toString() {
		return "QueryScope[" + this.kind + " '" + this.name + "', " + this.mode + "]";
	}

	/**
	 * Keeps a scope current on the thread that {@link QueryScope#attach() attached} it,
	 * until closed on that thread. Closing twice does nothing.
	 *
	 * @since 0.1.0
	 */
	public static final class Attachment implements AutoCloseable {

		static final Attachment NONE = new Attachment(null, null);

		private final @Nullable QueryScope scope;

		private final @Nullable ActiveScopes active;

		private boolean closed;

		private Attachment(@Nullable QueryScope scope, @Nullable ActiveScopes active) {
			this.scope = scope;
			this.active = active;
		}

		/**
		 * Detaches the scope from the thread. The attachment brackets a unit of work:
		 * scopes opened on this thread since it was attached and still open are
		 * abandoned, closed without a report and logged once (see
		 * {@link QueryBudgetTracker#internalErrorCount()}), so that a scope its opener
		 * lost does not stay current on a pooled thread.
		 */
		@Override
		public void close() {
			QueryScope scope = this.scope;
			ActiveScopes active = this.active;
			if (this.closed || scope == null || active == null) {
				return;
			}
			this.closed = true;
			if (active.isOwnedByCurrentThread()) {
				active.remove(scope, true);
			}
		}

	}

}
