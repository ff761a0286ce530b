package dev.querybudget;

/**
 * The rule of a {@link Budget} that a {@link BudgetViolation} breaks, so that listeners
 * can react to some rules only.
 *
 * @since 0.1.0
 */
public enum ViolationKind {

	/** More statements than {@link Budget#maxStatements()}. */
	STATEMENTS,

	/** More {@code SELECT}s than {@link Budget#maxSelects()}. */
	SELECTS,

	/** More {@code INSERT}s than {@link Budget#maxInserts()}. */
	INSERTS,

	/** More {@code UPDATE}s than {@link Budget#maxUpdates()}. */
	UPDATES,

	/** More {@code DELETE}s than {@link Budget#maxDeletes()}. */
	DELETES,

	/** More exact duplicates than {@link Budget#maxDuplicates()}. */
	DUPLICATES,

	/**
	 * One statement shape ran with at least {@link Budget#nPlusOneThreshold()} distinct
	 * parameter sets.
	 */
	N_PLUS_ONE,

	/**
	 * More database time than {@link Budget#maxDbTime()}; limit and actual are in
	 * nanoseconds.
	 */
	DB_TIME

}
