package dev.querybudget;

/**
 * The outcome of evaluating a scope against its {@link Budget}, ordered by severity.
 *
 * @since 0.1.0
 */
public enum Verdict {

	/** Every rule of the budget holds. */
	WITHIN,

	/** At least one rule is broken. */
	OVER,

	/**
	 * The statement count is above the budget's {@link Budget#critical() critical} level.
	 */
	CRITICAL

}
