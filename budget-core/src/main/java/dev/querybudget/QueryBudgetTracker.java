package dev.querybudget;

import java.util.List;
import java.util.Objects;

import dev.querybudget.sql.SqlFingerprinter;
import org.jspecify.annotations.Nullable;

/**
 * Opens {@link QueryScope}s and hands the scopes current on a thread to the JDBC adapter,
 * so that every statement is counted in the units of work it belongs to. Each tracker has
 * its own scopes: two trackers in one JVM (two Spring test contexts, say) never see each
 * other's. When no scope is open, a statement costs a {@link ThreadLocal} read per
 * listener callback and no allocation.
 *
 * @since 0.1.0
 */
public final class QueryBudgetTracker {

	private final TrackerSettings settings;

	private final CurrentScopes currentScopes;

	private final CallSiteLocator locator;

	// What every counted statement reads, held here rather than behind the settings: one
	// object less to reach on the statement path
	private final SqlFingerprinter fingerprinter;

	private final int maxShapesPerScope;

	private final int maxParameterSetsPerShape;

	private final long slowNanos;

	private final FaultLog faults = new FaultLog();

	QueryBudgetTracker(TrackerSettings settings, ThreadLocal<ActiveScopes> threadLocal) {
		this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
		this.currentScopes = new CurrentScopes(threadLocal);
		this.locator = new CallSiteLocator(settings.excludedPackages());
		this.fingerprinter = settings.fingerprinter();
		this.maxShapesPerScope = settings.maxFingerprintsPerScope();
		this.maxParameterSetsPerShape = settings.maxParameterSetsPerFingerprint();
		this.slowNanos = settings.slowStatementThreshold().toNanos();
	}

	/**
	 * Creates a tracker with the default settings.
	 * @return a new tracker
	 */
	public static QueryBudgetTracker create() {
		return create(TrackerSettings.ofDefaults());
	}

	/**
	 * Creates a tracker.
	 * @param settings its limits and collaborators
	 * @return a new tracker
	 */
	public static QueryBudgetTracker create(TrackerSettings settings) {
		return new QueryBudgetTracker(settings, new ThreadLocal<>());
	}

	/**
	 * Returns the settings of this tracker.
	 * @return the settings
	 */
	public TrackerSettings settings() {
		return this.settings;
	}

	/**
	 * Opens a scope without limits that records its statements, current on the calling
	 * thread until closed.
	 * @param kind what the scope stands for
	 * @param name the name shown in reports, for example {@code GET /owners}
	 * @return the open scope, to close with try-with-resources
	 */
	public QueryScope open(ScopeKind kind, String name) {
		return open(kind, name, Budget.unlimited(), EnforcementMode.RECORD);
	}

	/**
	 * Opens a scope, current on the calling thread until closed. Scopes nest: a statement
	 * counts in every scope current on its thread. An {@link EnforcementMode#OFF} scope
	 * is not counted and never becomes current.
	 * @param kind what the scope stands for
	 * @param name the name shown in reports, for example {@code GET /owners}
	 * @param budget the budget to judge the scope against
	 * @param mode what to do when the budget is broken
	 * @return the open scope, to close with try-with-resources
	 */
	public QueryScope open(ScopeKind kind, String name, Budget budget, EnforcementMode mode) {
		Objects.requireNonNull(kind, "'kind' must not be null");
		Objects.requireNonNull(name, "'name' must not be null");
		Objects.requireNonNull(budget, "'budget' must not be null");
		Objects.requireNonNull(mode, "'mode' must not be null");
		if (mode == EnforcementMode.OFF) {
			return new QueryScope(this, kind, name, budget, mode, null);
		}
		ActiveScopes active = activeScopesOrCreate();
		QueryScope scope = new QueryScope(this, kind, name, budget, mode, active);
		active.push(scope, false);
		return scope;
	}

	/**
	 * Opens a scope that is current on no thread: it counts the statements of the threads
	 * it is {@link QueryScope#attach() attached} to, and closing it removes it from no
	 * thread's stack. This suits a unit of work that moves between threads, such as an
	 * asynchronous servlet request, whose scope must not stay current on a pooled thread
	 * between its dispatches. Close it once the work is done, on any thread.
	 * @param kind what the scope stands for
	 * @param name the name shown in reports, for example {@code GET /owners}
	 * @param budget the budget to judge the scope against
	 * @param mode what to do when the budget is broken
	 * @return the open scope, to attach where its work runs
	 * @since 0.1.0
	 */
	public QueryScope openDetached(ScopeKind kind, String name, Budget budget, EnforcementMode mode) {
		Objects.requireNonNull(kind, "'kind' must not be null");
		Objects.requireNonNull(name, "'name' must not be null");
		Objects.requireNonNull(budget, "'budget' must not be null");
		Objects.requireNonNull(mode, "'mode' must not be null");
		return new QueryScope(this, kind, name, budget, mode, null);
	}

	/**
	 * Returns the innermost open scope of the calling thread.
	 * @return the current scope, or {@code null} when none is open or attached
	 */
	public @Nullable QueryScope current() {
		ActiveScopes active = this.currentScopes.get();
		return (active != null) ? active.current() : null;
	}

	/**
	 * Detaches the scopes {@link QueryScope#attach() attached} to the calling thread,
	 * innermost first, until {@code previous} is {@link #current()} again or no attached
	 * scope is left; scopes opened on the thread are never detached, but those opened
	 * while a detached scope was attached and still open are abandoned: closed without a
	 * report, and logged once (see {@link #internalErrorCount()}). Together with
	 * {@link #current()} and {@link QueryScope#attach()} this is what a
	 * context-propagation {@code ThreadLocalAccessor} needs: {@code getValue()} is
	 * {@code current()}, {@code setValue(scope)} is {@code scope.attach()},
	 * {@code setValue()} does nothing, and {@code restore(previous)} and
	 * {@code restore()} are {@code restore(previous)} and {@code restore(null)}.
	 * @param previous the scope that was current before, or {@code null}
	 */
	public void restore(@Nullable QueryScope previous) {
		ActiveScopes active = this.currentScopes.get();
		if (active != null) {
			active.restore(previous);
		}
	}

	/**
	 * Returns the scopes current on the calling thread, for a JDBC adapter to record a
	 * statement in: one {@link ThreadLocal} read, no allocation.
	 * @return the scopes, or {@code null} when no scope is open or attached
	 */
	public @Nullable ActiveScopes activeScopes() {
		return this.currentScopes.get();
	}

	/**
	 * Declares what causes the statements the calling thread runs until the returned
	 * handle is closed, so that reports name it: an ORM adapter brackets the work of a
	 * lazy load with it. Declarations nest, the innermost wins. When no scope is current
	 * this costs one {@link ThreadLocal} read and returns a shared handle.
	 * @param origin what causes the statements
	 * @return the handle that restores the previous origin, to close on this thread
	 * @since 0.1.0
	 */
	public Attribution attribute(StatementOrigin origin) {
		Objects.requireNonNull(origin, "'origin' must not be null");
		ActiveScopes active = this.currentScopes.get();
		return (active != null) ? active.attribute(origin) : Attribution.NONE;
	}

	/**
	 * Declares deliberate the repetition of the statements the calling thread runs until
	 * the returned handle is closed, such as a loop of keyed lookups that cannot be
	 * batched: they still count against the budget's statement limits, but are never
	 * reported as an N+1, whatever caused them. Called with no scope open on the thread,
	 * it has no effect.
	 * @param reason why the repetition is deliberate, shown in reports
	 * @return the handle that ends the allowance, to close on this thread
	 * @since 0.1.0
	 */
	public Attribution allowRepetition(String reason) {
		Objects.requireNonNull(reason, "'reason' must not be null");
		return attribute(new StatementOrigin(StatementOrigin.Kind.ALLOWED, reason, false, List.of()));
	}

	/**
	 * Returns how many internal errors the library met and survived since this tracker
	 * was created: exceptions of the engine while recording a statement (once per
	 * affected scope), exceptions of a {@link BudgetViolationListener}, and scopes
	 * abandoned because they were never closed. The first of each kind and source is
	 * logged at WARNING with its stack, the repeats at DEBUG, so this count is where
	 * repeats show.
	 * @return the number of internal errors, {@code 0} while all is well
	 * @since 0.1.0
	 */
	public long internalErrorCount() {
		return this.faults.count();
	}

	ActiveScopes activeScopesOrCreate() {
		return this.currentScopes.getOrCreate(this.locator, this);
	}

	SqlFingerprinter fingerprinter() {
		return this.fingerprinter;
	}

	int maxShapesPerScope() {
		return this.maxShapesPerScope;
	}

	int maxParameterSetsPerShape() {
		return this.maxParameterSetsPerShape;
	}

	List<BudgetViolationListener> listeners() {
		return this.settings.listeners();
	}

	FaultLog faults() {
		return this.faults;
	}

	long slowNanos() {
		return this.slowNanos;
	}

}
