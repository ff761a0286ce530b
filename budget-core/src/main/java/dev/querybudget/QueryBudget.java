package dev.querybudget;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the query budget of a method or of every method of a type, so that the budget
 * sits next to the code it limits. Works as a meta-annotation. Every limit is unset
 * ({@code -1}) unless given; {@link Budget#from(QueryBudget)} converts it.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
public @interface QueryBudget {

	/**
	 * Maximum number of statements (round trips; a JDBC batch counts once).
	 * @return the maximum, {@code -1} for none
	 */
	int max() default -1;

	/**
	 * Statement count above which the verdict is {@link Verdict#CRITICAL}; not less than
	 * {@link #max()}.
	 * @return the critical level, {@code -1} for none
	 */
	int critical() default -1;

	/**
	 * Maximum number of {@code SELECT} statements.
	 * @return the maximum, {@code -1} for none
	 */
	int maxSelects() default -1;

	/**
	 * Maximum number of {@code INSERT} statements.
	 * @return the maximum, {@code -1} for none
	 */
	int maxInserts() default -1;

	/**
	 * Maximum number of {@code UPDATE} statements.
	 * @return the maximum, {@code -1} for none
	 */
	int maxUpdates() default -1;

	/**
	 * Maximum number of {@code DELETE} statements.
	 * @return the maximum, {@code -1} for none
	 */
	int maxDeletes() default -1;

	/**
	 * Maximum number of exact duplicates (same SQL, same parameters).
	 * @return the maximum, {@code -1} for none
	 */
	int maxDuplicates() default -1;

	/**
	 * Number of distinct parameter sets of one statement shape from which it is an N+1
	 * violation; at least 2.
	 * @return the threshold, {@code -1} for none
	 */
	int nPlusOneThreshold() default -1;

	/**
	 * Maximum database time in milliseconds.
	 * @return the maximum, {@code -1} for none
	 */
	long maxDbTimeMillis() default -1;

	/**
	 * What to do when the budget is breached.
	 * @return the enforcement mode
	 */
	EnforcementMode mode() default EnforcementMode.LOG;

}
