package dev.querybudget;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The SQL limits of a unit of work, so that a scope can be judged {@link Verdict#WITHIN},
 * {@link Verdict#OVER} or {@link Verdict#CRITICAL}. Every count limit is either
 * {@link #UNLIMITED} or at least {@code 0}; {@link #maxDbTime()} is {@code null} when
 * unlimited. Build one with {@link #builder()}, {@link #ofMaxStatements(int)} or
 * {@link #from(QueryBudget)}.
 *
 * @param maxStatements maximum number of statements (round trips; a JDBC batch counts
 * once)
 * @param critical statement count above which the verdict is critical, not less than
 * {@code maxStatements}
 * @param maxSelects maximum number of {@code SELECT} statements
 * @param maxInserts maximum number of {@code INSERT} statements
 * @param maxUpdates maximum number of {@code UPDATE} statements
 * @param maxDeletes maximum number of {@code DELETE} statements
 * @param maxDuplicates maximum number of exact duplicates (same SQL, same parameters)
 * @param nPlusOneThreshold N+1 evidence of one statement shape (distinct parameter sets
 * from one source, see {@link FingerprintCount#nPlusOneParameterSets()}) from which it is
 * an N+1 violation, at least 2
 * @param maxDbTime maximum database time, or {@code null} for no limit
 * @since 0.1.0
 */
public record Budget(int maxStatements, int critical, int maxSelects, int maxInserts, int maxUpdates, int maxDeletes,
		int maxDuplicates, int nPlusOneThreshold, @Nullable Duration maxDbTime) {

	/**
	 * The value of a count limit that is not set.
	 */
	public static final int UNLIMITED = -1;

	/**
	 * The N+1 threshold used to list suspects in a report when the budget sets none.
	 */
	public static final int DEFAULT_N_PLUS_ONE_THRESHOLD = 3;

	private static final Budget NONE = new Budget(UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED,
			UNLIMITED, UNLIMITED, null);

	private static final String[] FIELD_NAMES = { "maxStatements", "critical", "maxSelects", "maxInserts", "maxUpdates",
			"maxDeletes", "maxDuplicates", "nPlusOneThreshold" };

	private static final String[] ATTRIBUTE_NAMES = { "max", "critical", "maxSelects", "maxInserts", "maxUpdates",
			"maxDeletes", "maxDuplicates", "nPlusOneThreshold" };

	/**
	 * Validates the budget.
	 * @throws IllegalArgumentException naming the field and its value when a limit is
	 * invalid
	 */
	public Budget {
		validate(FIELD_NAMES, maxStatements, critical, maxSelects, maxInserts, maxUpdates, maxDeletes, maxDuplicates,
				nPlusOneThreshold);
		if (maxDbTime != null && (maxDbTime.isNegative() || maxDbTime.isZero())) {
			throw new IllegalArgumentException(
					"'maxDbTime' must be positive, or null for no limit, but was " + maxDbTime);
		}
	}

	/**
	 * Returns a budget without any limit: scopes are counted and reported, never judged
	 * over.
	 * @return the unlimited budget
	 */
	public static Budget unlimited() {
		return NONE;
	}

	/**
	 * Returns a budget that only limits the number of statements.
	 * @param maxStatements the maximum number of statements
	 * @return the budget
	 */
	public static Budget ofMaxStatements(int maxStatements) {
		return builder().maxStatements(maxStatements).build();
	}

	/**
	 * Converts a {@link QueryBudget} annotation; its mode is not part of the budget.
	 * @param annotation the annotation
	 * @return the budget
	 * @throws IllegalArgumentException naming the attribute and its value when one is
	 * invalid
	 */
	public static Budget from(QueryBudget annotation) {
		Objects.requireNonNull(annotation, "'annotation' must not be null");
		validate(ATTRIBUTE_NAMES, annotation.max(), annotation.critical(), annotation.maxSelects(),
				annotation.maxInserts(), annotation.maxUpdates(), annotation.maxDeletes(), annotation.maxDuplicates(),
				annotation.nPlusOneThreshold());
		long millis = annotation.maxDbTimeMillis();
		if (millis != UNLIMITED && millis < 1) {
			throw new IllegalArgumentException(
					"'maxDbTimeMillis' must be at least 1, or -1 for no limit, but was " + millis);
		}
		return new Budget(annotation.max(), annotation.critical(), annotation.maxSelects(), annotation.maxInserts(),
				annotation.maxUpdates(), annotation.maxDeletes(), annotation.maxDuplicates(),
				annotation.nPlusOneThreshold(), (millis != UNLIMITED) ? Duration.ofMillis(millis) : null);
	}

	/**
	 * Returns a builder whose limits are all unset.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Judges figures against this budget: the one place the rules live, so that a scope's
	 * quick verdict and a report's violations always agree.
	 * @param out receives every violation, or {@code null} to stop at the first one
	 * without allocating
	 * @return whether the budget is broken
	 */
	boolean judge(long attempted, long selects, long inserts, long updates, long deletes, long duplicates,
			long worstDistinctParameterSets, long dbTimeNanos, @Nullable List<BudgetViolation> out) {
		boolean broken = false;
		if (this.maxStatements != UNLIMITED && attempted > this.maxStatements) {
			Verdict level = (this.critical != UNLIMITED && attempted > this.critical) ? Verdict.CRITICAL : Verdict.OVER;
			broken = violated(out, ViolationKind.STATEMENTS, this.maxStatements, attempted, level);
		}
		if (!broken || out != null) {
			broken |= over(out, ViolationKind.SELECTS, this.maxSelects, selects);
			broken |= over(out, ViolationKind.INSERTS, this.maxInserts, inserts);
			broken |= over(out, ViolationKind.UPDATES, this.maxUpdates, updates);
			broken |= over(out, ViolationKind.DELETES, this.maxDeletes, deletes);
			broken |= over(out, ViolationKind.DUPLICATES, this.maxDuplicates, duplicates);
			if (this.nPlusOneThreshold != UNLIMITED && worstDistinctParameterSets >= this.nPlusOneThreshold) {
				broken = violated(out, ViolationKind.N_PLUS_ONE, this.nPlusOneThreshold, worstDistinctParameterSets,
						Verdict.OVER);
			}
			if (this.maxDbTime != null) {
				long limit = saturatedNanos(this.maxDbTime);
				if (dbTimeNanos > limit) {
					broken = violated(out, ViolationKind.DB_TIME, limit, dbTimeNanos, Verdict.OVER);
				}
			}
		}
		return broken;
	}

	private static boolean over(@Nullable List<BudgetViolation> out, ViolationKind rule, int limit, long actual) {
		return limit != UNLIMITED && actual > limit && violated(out, rule, limit, actual, Verdict.OVER);
	}

	private static boolean violated(@Nullable List<BudgetViolation> out, ViolationKind rule, long limit, long actual,
			Verdict level) {
		if (out != null) {
			out.add(new BudgetViolation(rule, limit, actual, level));
		}
		return true;
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	/**
	 * Returns whether no limit at all is set.
	 * @return {@code true} for a budget that can never be breached
	 */
	public boolean isUnlimited() {
		// Not equals(NONE): the record's generated equals runs through method handles,
		// which the JIT left out of line under the request filter that asks in mode LOG
		return this.maxStatements == UNLIMITED && this.critical == UNLIMITED && this.maxSelects == UNLIMITED
				&& this.maxInserts == UNLIMITED && this.maxUpdates == UNLIMITED && this.maxDeletes == UNLIMITED
				&& this.maxDuplicates == UNLIMITED && this.nPlusOneThreshold == UNLIMITED && this.maxDbTime == null;
	}

	private static void validate(String[] names, int... limits) {
		for (int i = 0; i < limits.length; i++) {
			int limit = limits[i];
			int minimum = (i == 7) ? 2 : 0;
			if (limit != UNLIMITED && limit < minimum) {
				throw new IllegalArgumentException(
						"'" + names[i] + "' must be at least " + minimum + ", or -1 for no limit, but was " + limit);
			}
		}
		int max = limits[0];
		int critical = limits[1];
		if (critical != UNLIMITED) {
			if (max == UNLIMITED) {
				throw new IllegalArgumentException(
						"'" + names[1] + "' (" + critical + ") requires '" + names[0] + "' to be set");
			}
			if (critical < max) {
				throw new IllegalArgumentException(
						"'" + names[1] + "' (" + critical + ") must not be less than '" + names[0] + "' (" + max + ")");
			}
		}
	}

	/**
	 * Builds a {@link Budget}; every limit starts unset.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private int maxStatements = UNLIMITED;

		private int critical = UNLIMITED;

		private int maxSelects = UNLIMITED;

		private int maxInserts = UNLIMITED;

		private int maxUpdates = UNLIMITED;

		private int maxDeletes = UNLIMITED;

		private int maxDuplicates = UNLIMITED;

		private int nPlusOneThreshold = UNLIMITED;

		private @Nullable Duration maxDbTime;

		private Builder() {
		}

		/**
		 * Sets the maximum number of statements.
		 * @param maxStatements the maximum, or {@link Budget#UNLIMITED}
		 * @return this builder
		 */
		public Builder maxStatements(int maxStatements) {
			this.maxStatements = maxStatements;
			return this;
		}

		/**
		 * Sets the statement count above which the verdict is critical.
		 * @param critical the critical level, or {@link Budget#UNLIMITED}
		 * @return this builder
		 */
		public Builder critical(int critical) {
			this.critical = critical;
			return this;
		}

		/**
		 * Sets the maximum number of {@code SELECT} statements.
		 * @param maxSelects the maximum, or {@link Budget#UNLIMITED}
		 * @return this builder
		 */
		public Builder maxSelects(int maxSelects) {
			this.maxSelects = maxSelects;
			return this;
		}

		/**
		 * Sets the maximum number of {@code INSERT} statements.
		 * @param maxInserts the maximum, or {@link Budget#UNLIMITED}
		 * @return this builder
		 */
		public Builder maxInserts(int maxInserts) {
			this.maxInserts = maxInserts;
			return this;
		}

		/**
		 * Sets the maximum number of {@code UPDATE} statements.
		 * @param maxUpdates the maximum, or {@link Budget#UNLIMITED}
		 * @return this builder
		 */
		public Builder maxUpdates(int maxUpdates) {
			this.maxUpdates = maxUpdates;
			return this;
		}

		/**
		 * Sets the maximum number of {@code DELETE} statements.
		 * @param maxDeletes the maximum, or {@link Budget#UNLIMITED}
		 * @return this builder
		 */
		public Builder maxDeletes(int maxDeletes) {
			this.maxDeletes = maxDeletes;
			return this;
		}

		/**
		 * Sets the maximum number of exact duplicates.
		 * @param maxDuplicates the maximum, or {@link Budget#UNLIMITED}
		 * @return this builder
		 */
		public Builder maxDuplicates(int maxDuplicates) {
			this.maxDuplicates = maxDuplicates;
			return this;
		}

		/**
		 * Sets the number of distinct parameter sets of one shape from which it is an N+1
		 * violation.
		 * @param nPlusOneThreshold the threshold, at least 2, or {@link Budget#UNLIMITED}
		 * @return this builder
		 */
		public Builder nPlusOneThreshold(int nPlusOneThreshold) {
			this.nPlusOneThreshold = nPlusOneThreshold;
			return this;
		}

		/**
		 * Sets the maximum database time.
		 * @param maxDbTime the maximum, or {@code null} for no limit
		 * @return this builder
		 */
		public Builder maxDbTime(@Nullable Duration maxDbTime) {
			this.maxDbTime = maxDbTime;
			return this;
		}

		/**
		 * Builds the budget.
		 * @return the budget
		 * @throws IllegalArgumentException naming the field and its value when a limit is
		 * invalid
		 */
		public Budget build() {
			return new Budget(this.maxStatements, this.critical, this.maxSelects, this.maxInserts, this.maxUpdates,
					this.maxDeletes, this.maxDuplicates, this.nPlusOneThreshold, this.maxDbTime);
		}

	}

}
