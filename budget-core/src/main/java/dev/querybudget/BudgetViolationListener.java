package dev.querybudget;

/**
 * Receives the report of every closed scope, so that metrics and alerting can be plugged
 * in without touching the engine. Implementations must be thread-safe; exceptions they
 * throw are caught and logged, never surfaced to the application.
 *
 * @since 0.1.0
 */
public interface BudgetViolationListener {

	/**
	 * A listener that does nothing.
	 */
	BudgetViolationListener NO_OP = new BudgetViolationListener() {
	};

	/**
	 * Called once when a scope that is not {@link EnforcementMode#OFF} closes, whatever
	 * its verdict, before the scope logs or throws.
	 * @param report the final report of the scope
	 */
	default void scopeClosed(ScopeReport report) {
	}

}
