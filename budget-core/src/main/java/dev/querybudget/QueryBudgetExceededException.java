package dev.querybudget;

import java.util.Objects;

/**
 * Thrown when a scope in {@link EnforcementMode#FAIL} or
 * {@link EnforcementMode#FAIL_FAST} breaks its budget; it carries the report, so that
 * tests and error handlers can show what ran.
 *
 * @since 0.1.0
 */
public final class QueryBudgetExceededException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient ScopeReport report;

	/**
	 * Creates an exception whose message is the formatted report.
	 * @param report the report of the scope
	 */
	public QueryBudgetExceededException(ScopeReport report) {
		this(report.format(), report);
	}

	/**
	 * Creates an exception.
	 * @param message the message
	 * @param report the report of the scope
	 */
	public QueryBudgetExceededException(String message, ScopeReport report) {
		super(message);
		this.report = Objects.requireNonNull(report, "'report' must not be null");
	}

	/**
	 * Returns the report of the scope that broke its budget.
	 * @return the report
	 */
	public ScopeReport report() {
		return this.report;
	}

}
