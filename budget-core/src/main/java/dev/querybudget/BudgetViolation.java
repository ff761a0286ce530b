package dev.querybudget;

import java.util.Objects;

/**
 * One broken rule of a {@link Budget}, so that callers can tell which limit was exceeded
 * and by how much.
 *
 * @param rule the broken rule
 * @param limit the limit of the rule; for {@link ViolationKind#N_PLUS_ONE} the threshold
 * that was reached, for {@link ViolationKind#DB_TIME} nanoseconds
 * @param actual the measured value, in the unit of the limit
 * @param level {@link Verdict#OVER} or {@link Verdict#CRITICAL}
 * @since 0.1.0
 */
public record BudgetViolation(ViolationKind rule, long limit, long actual, Verdict level) {

	/**
	 * Validates the violation.
	 */
	public BudgetViolation {
		Objects.requireNonNull(rule, "'rule' must not be null");
		Objects.requireNonNull(level, "'level' must not be null");
		if (level == Verdict.WITHIN) {
			throw new IllegalArgumentException("'level' must be OVER or CRITICAL, but was WITHIN");
		}
	}

}
