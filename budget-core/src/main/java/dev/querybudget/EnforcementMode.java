package dev.querybudget;

/**
 * What a {@link QueryScope} does about its {@link Budget}, so that one budget can be
 * observed in production and enforced in tests.
 *
 * @since 0.1.0
 */
public enum EnforcementMode {

	/** The scope is not counted at all: statements only count in enclosing scopes. */
	OFF,

	/** Statements are counted and reported to listeners; nothing is logged or thrown. */
	RECORD,

	/**
	 * Like {@link #RECORD}, plus one WARN log line with the report when the budget is
	 * breached.
	 */
	LOG,

	/**
	 * Like {@link #RECORD}, plus {@link QueryScope#close()} throws a
	 * {@link QueryBudgetExceededException} when the budget is breached.
	 */
	FAIL,

	/**
	 * Like {@link #FAIL}, plus the statement that would exceed
	 * {@link Budget#maxStatements()} is rejected before it runs: the
	 * {@link QueryBudgetExceededException} is thrown from the JDBC call, with the
	 * offending call site on its stack. The {@link Budget#critical() critical} level
	 * plays no part in rejecting statements.
	 */
	FAIL_FAST

}
