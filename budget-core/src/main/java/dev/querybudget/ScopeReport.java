package dev.querybudget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import dev.querybudget.sql.StatementKind;
import org.jspecify.annotations.Nullable;

/**
 * The immutable result of a scope judged against a budget, so that logs, tests and
 * metrics read the same figures. {@link #format()} (and {@link #toString()}) renders it
 * for a log line or a test failure: statement shapes appear normalised, never with
 * literal or parameter values.
 * <p>
 * A report is thread-safe. The report of a closed scope copies its statement shapes only
 * when first asked for them ({@link #fingerprints()} and the lists derived from it), and
 * then once: its counters, its verdict and the totals over its shapes
 * ({@link #duplicateCount()}, {@link #slowExecutionCount()}, whether there is any N+1
 * suspect or duplicate) are known without them, which is all that the meters read of a
 * healthy request.
 *
 * @since 0.1.0
 */
public final class ScopeReport {

	private static final String DUPLICATE_FIX = "reuse the loaded value (pass it down, or cache it for the scope)";

	private static final int MAX_SQL_IN_TEXT = 300;

	private static final StatementKind[] KINDS = StatementKind.values();

	private final ScopeKind kind;

	private final String name;

	private final Budget budget;

	private final long statementCount;

	private final long[] byKind;

	private final long batchCount;

	private final long batchedStatementCount;

	private final long rowCount;

	private final long failedStatementCount;

	private final long rejectedStatementCount;

	private final Duration dbTime;

	private final Shapes shapes;

	private final long overflowCount;

	private final boolean incomplete;

	private final Verdict verdict;

	private final List<BudgetViolation> violations;

	private volatile @Nullable Map<StatementKind, Long> statementsByKind;

	/**
	 * Creates a report from its figures, verdict and violations as given.
	 * @param kind the kind of the scope
	 * @param name the name of the scope
	 * @param budget the budget the scope was evaluated against
	 * @param statementCount statements executed (round trips: a JDBC batch counts once)
	 * @param statementsByKind statements executed per kind, a batch counting once under
	 * the kind of its first statement
	 * @param batchCount JDBC batches executed
	 * @param batchedStatementCount statements sent inside those batches
	 * @param rowCount rows changed, as far as drivers report update counts (queries add
	 * nothing)
	 * @param failedStatementCount statements that threw
	 * @param rejectedStatementCount statements rejected before running by
	 * {@link EnforcementMode#FAIL_FAST}
	 * @param dbTime database time measured around the JDBC calls
	 * @param fingerprints every analysed statement shape, most executed first
	 * @param overflowCount statements counted but not analysed because the scope reached
	 * its cap of distinct shapes
	 * @param incomplete whether counting stopped after an internal error, making every
	 * figure a lower bound
	 * @param verdict the verdict
	 * @param violations every broken rule
	 */
	public ScopeReport(ScopeKind kind, String name, Budget budget, long statementCount,
			Map<StatementKind, Long> statementsByKind, long batchCount, long batchedStatementCount, long rowCount,
			long failedStatementCount, long rejectedStatementCount, Duration dbTime,
			List<FingerprintCount> fingerprints, long overflowCount, boolean incomplete, Verdict verdict,
			List<BudgetViolation> violations) {
		this(kind, name, budget, statementCount, counts(statementsByKind), batchCount, batchedStatementCount, rowCount,
				failedStatementCount, rejectedStatementCount, dbTime,
				Shapes.of(Objects.requireNonNull(fingerprints, "'fingerprints' must not be null")), overflowCount,
				incomplete, verdict, List.copyOf(Objects.requireNonNull(violations, "'violations' must not be null")));
		Map<StatementKind, Long> byKind = new EnumMap<>(StatementKind.class);
		byKind.putAll(statementsByKind);
		this.statementsByKind = Collections.unmodifiableMap(byKind);
	}

	private ScopeReport(ScopeKind kind, String name, Budget budget, long statementCount, long[] byKind, long batchCount,
			long batchedStatementCount, long rowCount, long failedStatementCount, long rejectedStatementCount,
			Duration dbTime, Shapes shapes, long overflowCount, boolean incomplete, Verdict verdict,
			List<BudgetViolation> violations) {
		this.kind = Objects.requireNonNull(kind, "'kind' must not be null");
		this.name = Objects.requireNonNull(name, "'name' must not be null");
		this.budget = Objects.requireNonNull(budget, "'budget' must not be null");
		this.statementCount = statementCount;
		this.byKind = byKind;
		this.batchCount = batchCount;
		this.batchedStatementCount = batchedStatementCount;
		this.rowCount = rowCount;
		this.failedStatementCount = failedStatementCount;
		this.rejectedStatementCount = rejectedStatementCount;
		this.dbTime = Objects.requireNonNull(dbTime, "'dbTime' must not be null");
		this.shapes = shapes;
		this.overflowCount = overflowCount;
		this.incomplete = incomplete;
		this.verdict = Objects.requireNonNull(verdict, "'verdict' must not be null");
		this.violations = violations;
	}

	private static long[] counts(Map<StatementKind, Long> statementsByKind) {
		Objects.requireNonNull(statementsByKind, "'statementsByKind' must not be null");
		long[] counts = new long[KINDS.length];
		statementsByKind.forEach((kind, count) -> counts[kind.ordinal()] = (count != null) ? count : 0);
		return counts;
	}

	/**
	 * Creates the report of a scope, judged against its budget. The scope hands over its
	 * counters (the array is not copied) and its shapes.
	 */
	static ScopeReport judged(ScopeKind kind, String name, Budget budget, long statementCount, long[] byKind,
			long batchCount, long batchedStatementCount, long rowCount, long failedStatementCount,
			long rejectedStatementCount, Duration dbTime, Shapes shapes, long overflowCount, boolean incomplete) {
		List<BudgetViolation> violations = violations(budget, statementCount + rejectedStatementCount, byKind, shapes,
				dbTime);
		return new ScopeReport(kind, name, budget, statementCount, byKind, batchCount, batchedStatementCount, rowCount,
				failedStatementCount, rejectedStatementCount, dbTime, shapes, overflowCount, incomplete,
				verdict(violations), violations);
	}

	/**
	 * Evaluates the same figures against another budget.
	 * @param budget the budget to judge the figures by
	 * @return a new report with that budget, its verdict and its violations
	 */
	public ScopeReport evaluate(Budget budget) {
		Objects.requireNonNull(budget, "'budget' must not be null");
		List<BudgetViolation> violations = violations(budget, this.statementCount + this.rejectedStatementCount,
				this.byKind, this.shapes, this.dbTime);
		return new ScopeReport(this.kind, this.name, budget, this.statementCount, this.byKind, this.batchCount,
				this.batchedStatementCount, this.rowCount, this.failedStatementCount, this.rejectedStatementCount,
				this.dbTime, this.shapes, this.overflowCount, this.incomplete, verdict(violations), violations);
	}

	private static List<BudgetViolation> violations(Budget budget, long attempted, long[] byKind, Shapes shapes,
			Duration dbTime) {
		// A healthy scope, the usual case, is judged without a list
		if (!judge(budget, attempted, byKind, shapes, dbTime, null)) {
			return List.of();
		}
		List<BudgetViolation> violations = new ArrayList<>();
		judge(budget, attempted, byKind, shapes, dbTime, violations);
		return List.copyOf(violations);
	}

	private static boolean judge(Budget budget, long attempted, long[] byKind, Shapes shapes, Duration dbTime,
			@Nullable List<BudgetViolation> found) {
		return budget.judge(attempted, byKind[StatementKind.SELECT.ordinal()], byKind[StatementKind.INSERT.ordinal()],
				byKind[StatementKind.UPDATE.ordinal()], byKind[StatementKind.DELETE.ordinal()], shapes.duplicates,
				shapes.worstNPlusOne, dbTime.toNanos(), found);
	}

	private static Verdict verdict(List<BudgetViolation> violations) {
		Verdict verdict = Verdict.WITHIN;
		for (BudgetViolation violation : violations) {
			if (violation.level().compareTo(verdict) > 0) {
				verdict = violation.level();
			}
		}
		return verdict;
	}

	/**
	 * Returns the kind of the scope.
	 * @return the kind
	 */
	public ScopeKind kind() {
		return this.kind;
	}

	/**
	 * Returns the name of the scope.
	 * @return the name, for example {@code GET /owners/{id}}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Returns the budget the scope was evaluated against.
	 * @return the budget
	 */
	public Budget budget() {
		return this.budget;
	}

	/**
	 * Returns the statements executed (round trips: a JDBC batch counts once).
	 * @return the statement count
	 */
	public long statementCount() {
		return this.statementCount;
	}

	/**
	 * Returns the statements executed per kind, a batch counting once under the kind of
	 * its first statement.
	 * @return the counts of the kinds that ran, in {@link StatementKind} order
	 */
	public Map<StatementKind, Long> statementsByKind() {
		Map<StatementKind, Long> byKind = this.statementsByKind;
		if (byKind == null) {
			Map<StatementKind, Long> counts = new EnumMap<>(StatementKind.class);
			for (int i = 0; i < KINDS.length; i++) {
				if (this.byKind[i] > 0) {
					counts.put(KINDS[i], this.byKind[i]);
				}
			}
			// Racing readers build equal maps: any of them may be kept
			byKind = Collections.unmodifiableMap(counts);
			this.statementsByKind = byKind;
		}
		return byKind;
	}

	/**
	 * Returns the JDBC batches executed.
	 * @return the batch count
	 */
	public long batchCount() {
		return this.batchCount;
	}

	/**
	 * Returns the statements sent inside JDBC batches.
	 * @return the batched statement count
	 */
	public long batchedStatementCount() {
		return this.batchedStatementCount;
	}

	/**
	 * Returns the rows changed, as far as drivers report update counts (queries add
	 * nothing).
	 * @return the row count
	 */
	public long rowCount() {
		return this.rowCount;
	}

	/**
	 * Returns the statements that threw.
	 * @return the failed statement count
	 */
	public long failedStatementCount() {
		return this.failedStatementCount;
	}

	/**
	 * Returns the statements rejected before running by
	 * {@link EnforcementMode#FAIL_FAST}.
	 * @return the rejected statement count
	 */
	public long rejectedStatementCount() {
		return this.rejectedStatementCount;
	}

	/**
	 * Returns the database time measured around the JDBC calls.
	 * @return the database time
	 */
	public Duration dbTime() {
		return this.dbTime;
	}

	/**
	 * Returns every analysed statement shape, most executed first.
	 * @return the shapes
	 */
	public List<FingerprintCount> fingerprints() {
		return this.shapes.counts();
	}

	/**
	 * Returns the statements counted but not analysed because the scope reached its cap
	 * of distinct shapes.
	 * @return the overflow count
	 */
	public long overflowCount() {
		return this.overflowCount;
	}

	/**
	 * Returns whether counting stopped after an internal error, making every figure a
	 * lower bound.
	 * @return {@code true} when the report is incomplete
	 */
	public boolean incomplete() {
		return this.incomplete;
	}

	/**
	 * Returns the verdict.
	 * @return the verdict
	 */
	public Verdict verdict() {
		return this.verdict;
	}

	/**
	 * Returns every broken rule.
	 * @return the violations, empty when the verdict is {@link Verdict#WITHIN}
	 */
	public List<BudgetViolation> violations() {
		return this.violations;
	}

	/**
	 * Returns the number of statements of one kind.
	 * @param kind the kind
	 * @return the count, {@code 0} when none ran
	 */
	public long statementCount(StatementKind kind) {
		return this.byKind[kind.ordinal()];
	}

	/**
	 * Returns whether the budget is broken.
	 * @return {@code true} unless the verdict is {@link Verdict#WITHIN}
	 */
	public boolean isBreached() {
		return this.verdict != Verdict.WITHIN;
	}

	/**
	 * Returns the total number of exact duplicates over all shapes.
	 * @return executions that repeated an earlier one exactly
	 */
	public long duplicateCount() {
		return this.shapes.duplicates;
	}

	/**
	 * Returns the total number of slow executions over all shapes.
	 * @return executions slower than the tracker's slow threshold
	 */
	public long slowExecutionCount() {
		return this.shapes.slowExecutions;
	}

	/**
	 * Returns the N+1 suspects: shapes whose
	 * {@link FingerprintCount#nPlusOneParameterSets() N+1 evidence} (distinct parameter
	 * sets from one association, query method or call site, without JDBC batches, batch
	 * fetches or declared repetition) reaches the budget's
	 * {@link Budget#nPlusOneThreshold() N+1 threshold}, or
	 * {@link Budget#DEFAULT_N_PLUS_ONE_THRESHOLD} when the budget sets none.
	 * @return the N+1 suspects, most executed first
	 */
	public List<FingerprintCount> nPlusOneSuspects() {
		int threshold = nPlusOneThreshold();
		if (this.shapes.worstNPlusOne < threshold) {
			return List.of();
		}
		List<FingerprintCount> suspects = new ArrayList<>();
		for (FingerprintCount count : fingerprints()) {
			if (count.nPlusOneParameterSets() >= threshold) {
				suspects.add(count);
			}
		}
		return List.copyOf(suspects);
	}

	/**
	 * Returns the shapes repeated in a way that looks like an N+1 but is not: batch and
	 * subselect fetches run more than once, and deliberate repetition declared with
	 * {@link QueryBudgetTracker#allowRepetition(String)} that reaches the N+1 threshold.
	 * Reports show them as information, with their {@link FingerprintCount#origins()}.
	 * @return the shapes, most executed first
	 */
	public List<FingerprintCount> exemptRepetitions() {
		List<FingerprintCount> exempt = new ArrayList<>();
		for (FingerprintCount count : fingerprints()) {
			for (OriginCount origin : count.origins()) {
				if (isExemptRepetition(origin)) {
					exempt.add(count);
					break;
				}
			}
		}
		return List.copyOf(exempt);
	}

	private boolean isExemptRepetition(OriginCount origin) {
		if (origin.origin().batched()) {
			return origin.executions() > 1;
		}
		return origin.origin().isExempt() && origin.distinctParameterSets() >= nPlusOneThreshold();
	}

	private int nPlusOneThreshold() {
		return (this.budget.nPlusOneThreshold() != Budget.UNLIMITED) ? this.budget.nPlusOneThreshold()
				: Budget.DEFAULT_N_PLUS_ONE_THRESHOLD;
	}

	/**
	 * Returns the shapes that ran at least once with exactly the same SQL and parameters
	 * as before.
	 * @return the shapes with duplicates, most executed first
	 */
	public List<FingerprintCount> duplicates() {
		if (this.shapes.duplicates == 0) {
			return List.of();
		}
		List<FingerprintCount> duplicates = new ArrayList<>();
		for (FingerprintCount count : fingerprints()) {
			if (count.duplicates() > 0) {
				duplicates.add(count);
			}
		}
		return List.copyOf(duplicates);
	}

	/**
	 * Renders the report for a log line or a test failure: a summary line, the broken
	 * rules, then every N+1 suspect and duplicated shape with its call site and how to
	 * fix it.
	 * @return the multi-line text
	 */
	public String format() {
		StringBuilder text = new StringBuilder(256);
		text.append("Scope '").append(this.name).append("' executed ");
		plural(text, this.statementCount, "statement");
		if (this.rejectedStatementCount > 0) {
			text.append(" and rejected ").append(this.rejectedStatementCount);
		}
		if (this.budget.maxStatements() != Budget.UNLIMITED) {
			text.append(", budget is ").append(this.budget.maxStatements());
			if (this.budget.critical() != Budget.UNLIMITED) {
				text.append(" (critical ").append(this.budget.critical()).append(')');
			}
		}
		else {
			text.append(", no statement limit");
		}
		text.append(": ").append(this.verdict);
		appendFigures(text);
		for (BudgetViolation violation : this.violations) {
			text.append("\n  violated: ");
			appendViolation(text, violation);
		}
		List<FingerprintCount> suspects = nPlusOneSuspects();
		for (FingerprintCount suspect : suspects) {
			text.append("\n  N+1 suspect: ");
			appendShape(text, suspect);
			text.append(" with ");
			if (suspect.parameterSetsCapped()) {
				text.append("at least ");
			}
			plural(text, suspect.nPlusOneParameterSets(), "distinct parameter set");
			appendCallSite(text, suspect);
			Fixes.nPlusOne(text, suspect);
		}
		for (FingerprintCount exempt : exemptRepetitions()) {
			for (OriginCount origin : exempt.origins()) {
				if (isExemptRepetition(origin)) {
					appendExempt(text, exempt, origin);
				}
			}
		}
		for (FingerprintCount duplicate : duplicates()) {
			text.append("\n  duplicate: ");
			appendShape(text, duplicate);
			text.append(" with ");
			if (duplicate.parameterSetsCapped()) {
				text.append("at least ");
			}
			plural(text, duplicate.duplicates(), "exact duplicate");
			for (CallSite site : duplicate.callSites()) {
				text.append("\n    at ").append(site);
			}
			text.append("\n    fix: ").append(DUPLICATE_FIX);
		}
		if (this.overflowCount > 0) {
			text.append("\n  overflow: ");
			plural(text, this.overflowCount, "statement");
			text.append(" of shapes beyond the per-scope cap were counted but not analysed");
		}
		if (this.incomplete) {
			text.append(
					"\n  incomplete: counting stopped after an internal error (see the log); figures are lower bounds");
		}
		return text.toString();
	}

	private void appendFigures(StringBuilder text) {
		text.append("\n  ");
		boolean first = true;
		for (Map.Entry<StatementKind, Long> entry : statementsByKind().entrySet()) {
			if (entry.getValue() > 0) {
				text.append((!first) ? ", " : "").append(entry.getValue()).append(' ').append(entry.getKey());
				first = false;
			}
		}
		if (first) {
			text.append("no statement");
		}
		if (this.batchCount > 0) {
			text.append("; ");
			plural(text, this.batchCount, "batch");
			text.append(" of ");
			plural(text, this.batchedStatementCount, "statement");
		}
		if (this.rowCount > 0) {
			text.append("; ");
			plural(text, this.rowCount, "row");
			text.append(" changed");
		}
		if (this.failedStatementCount > 0) {
			text.append("; ").append(this.failedStatementCount).append(" failed");
		}
		long slow = slowExecutionCount();
		if (slow > 0) {
			text.append("; ").append(slow).append(" slow");
		}
		text.append("; db time ");
		appendMillis(text, this.dbTime.toNanos());
	}

	private static void appendViolation(StringBuilder text, BudgetViolation violation) {
		switch (violation.rule()) {
			case N_PLUS_ONE -> text.append("N+1: one shape ran with ")
				.append(violation.actual())
				.append(" distinct parameter sets, threshold is ")
				.append(violation.limit());
			case DB_TIME -> {
				text.append("db time ");
				appendMillis(text, violation.actual());
				text.append(" > ");
				appendMillis(text, violation.limit());
			}
			default -> text.append(ruleName(violation.rule()))
				.append(' ')
				.append(violation.actual())
				.append(" > ")
				.append(violation.limit());
		}
		text.append(" (").append(violation.level()).append(')');
	}

	private static String ruleName(ViolationKind rule) {
		return switch (rule) {
			case STATEMENTS -> "statements";
			case SELECTS -> "selects";
			case INSERTS -> "inserts";
			case UPDATES -> "updates";
			case DELETES -> "deletes";
			case DUPLICATES -> "exact duplicates";
			case N_PLUS_ONE -> "N+1";
			case DB_TIME -> "db time";
		};
	}

	private static void appendShape(StringBuilder text, FingerprintCount count) {
		plural(text, count.executions(), "execution");
		text.append(" of [").append(abbreviated(count)).append(']');
	}

	private static String abbreviated(FingerprintCount count) {
		String sql = count.fingerprint().normalizedSql();
		return (sql.length() > MAX_SQL_IN_TEXT) ? sql.substring(0, MAX_SQL_IN_TEXT) + "..." : sql;
	}

	private static void appendExempt(StringBuilder text, FingerprintCount count, OriginCount origin) {
		boolean batched = origin.origin().batched();
		text.append((batched) ? "\n  batch fetch of " : "\n  allowed repetition: ");
		text.append(origin.origin().role()).append(": ");
		plural(text, origin.executions(), "execution");
		text.append(" of [").append(abbreviated(count)).append(']');
		text.append((batched) ? ", bounded by N / batch size: not an N+1" : ", declared deliberate");
	}

	private static void appendCallSite(StringBuilder text, FingerprintCount count) {
		CallSite site = count.callSite();
		if (site != null) {
			text.append("\n    at ").append(site);
		}
	}

	private static void appendMillis(StringBuilder text, long nanos) {
		long tenths = (nanos + 50_000) / 100_000;
		text.append(tenths / 10).append('.').append(tenths % 10).append(" ms");
	}

	private static void plural(StringBuilder text, long count, String noun) {
		text.append(count).append(' ').append(noun);
		if (count != 1) {
			text.append(noun.endsWith("ch") ? "es" : "s");
		}
	}

	@Override
	public String toString() {
		return format();
	}

	/**
	 * Returns whether the other object is a report with the same figures, shapes, verdict
	 * and violations.
	 * @param other the object to compare with
	 * @return {@code true} when equal
	 */
	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof ScopeReport that)) {
			return false;
		}
		return this.kind == that.kind && this.name.equals(that.name) && this.budget.equals(that.budget)
				&& this.statementCount == that.statementCount && Arrays.equals(this.byKind, that.byKind)
				&& this.batchCount == that.batchCount && this.batchedStatementCount == that.batchedStatementCount
				&& this.rowCount == that.rowCount && this.failedStatementCount == that.failedStatementCount
				&& this.rejectedStatementCount == that.rejectedStatementCount && this.dbTime.equals(that.dbTime)
				&& this.overflowCount == that.overflowCount && this.incomplete == that.incomplete
				&& this.verdict == that.verdict && this.violations.equals(that.violations)
				&& fingerprints().equals(that.fingerprints());
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.kind, this.name, this.budget, this.statementCount, Arrays.hashCode(this.byKind),
				this.dbTime, this.verdict, this.violations);
	}

	/**
	 * The statement shapes of a report, shared by the reports that judge the same
	 * figures: the totals the verdict and the meters read, and the list of
	 * {@link FingerprintCount counts}, copied from a closed scope on first use.
	 */
	static final class Shapes {

		private final long duplicates;

		private final long slowExecutions;

		private final long worstNPlusOne;

		private @Nullable Supplier<List<FingerprintCount>> source;

		private volatile @Nullable List<FingerprintCount> counts;

		private Shapes(long duplicates, long slowExecutions, long worstNPlusOne,
				@Nullable Supplier<List<FingerprintCount>> source, @Nullable List<FingerprintCount> counts) {
			this.duplicates = duplicates;
			this.slowExecutions = slowExecutions;
			this.worstNPlusOne = worstNPlusOne;
			this.source = source;
			this.counts = counts;
		}

		static Shapes of(List<FingerprintCount> counts) {
			long duplicates = 0;
			long slow = 0;
			long worst = 0;
			for (FingerprintCount count : counts) {
				duplicates += count.duplicates();
				slow += count.slowExecutions();
				worst = Math.max(worst, count.nPlusOneParameterSets());
			}
			return new Shapes(duplicates, slow, worst, null, List.copyOf(counts));
		}

		/**
		 * Shapes whose counts are read from the source on first use: the source is called
		 * at most once, and must return an immutable list.
		 */
		static Shapes deferred(long duplicates, long slowExecutions, long worstNPlusOne,
				Supplier<List<FingerprintCount>> source) {
			return new Shapes(duplicates, slowExecutions, worstNPlusOne, source, null);
		}

		List<FingerprintCount> counts() {
			List<FingerprintCount> counts = this.counts;
			if (counts == null) {
				synchronized (this) {
					counts = this.counts;
					if (counts == null) {
						counts = Objects.requireNonNull(this.source).get();
						this.counts = counts;
						// Frees the scope once its shapes are copied
						this.source = null;
					}
				}
			}
			return counts;
		}

	}

}
