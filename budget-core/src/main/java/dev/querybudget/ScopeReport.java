package dev.querybudget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.querybudget.sql.StatementKind;

/**
 * The immutable result of a scope judged against a budget, so that logs, tests and
 * metrics read the same figures. {@link #format()} (and {@link #toString()}) renders it
 * for a log line or a test failure: statement shapes appear normalised, never with
 * literal or parameter values.
 *
 * @param kind the kind of the scope
 * @param name the name of the scope
 * @param budget the budget the scope was evaluated against
 * @param statementCount statements executed (round trips: a JDBC batch counts once)
 * @param statementsByKind statements executed per kind, a batch counting once under the
 * kind of its first statement
 * @param batchCount JDBC batches executed
 * @param batchedStatementCount statements sent inside those batches
 * @param rowCount rows changed, as far as drivers report update counts (queries add
 * nothing)
 * @param failedStatementCount statements that threw
 * @param rejectedStatementCount statements rejected before running by
 * {@link EnforcementMode#FAIL_FAST}
 * @param dbTime database time measured around the JDBC calls
 * @param fingerprints every analysed statement shape, most executed first
 * @param overflowCount statements counted but not analysed because the scope reached its
 * cap of distinct shapes
 * @param incomplete whether counting stopped after an internal error, making every figure
 * a lower bound
 * @param verdict the verdict
 * @param violations every broken rule
 * @since 0.1.0
 */
public record ScopeReport(ScopeKind kind, String name, Budget budget, long statementCount,
		Map<StatementKind, Long> statementsByKind, long batchCount, long batchedStatementCount, long rowCount,
		long failedStatementCount, long rejectedStatementCount, Duration dbTime, List<FingerprintCount> fingerprints,
		long overflowCount, boolean incomplete, Verdict verdict, List<BudgetViolation> violations) {

	private static final String DUPLICATE_FIX = "reuse the loaded value (pass it down, or cache it for the scope)";

	private static final int MAX_SQL_IN_TEXT = 300;

	/**
	 * Validates the report and copies its collections.
	 */
	public ScopeReport {
		Objects.requireNonNull(kind, "'kind' must not be null");
		Objects.requireNonNull(name, "'name' must not be null");
		Objects.requireNonNull(budget, "'budget' must not be null");
		Map<StatementKind, Long> byKind = new EnumMap<>(StatementKind.class);
		byKind.putAll(Objects.requireNonNull(statementsByKind, "'statementsByKind' must not be null"));
		statementsByKind = Collections.unmodifiableMap(byKind);
		Objects.requireNonNull(dbTime, "'dbTime' must not be null");
		fingerprints = List.copyOf(Objects.requireNonNull(fingerprints, "'fingerprints' must not be null"));
		Objects.requireNonNull(verdict, "'verdict' must not be null");
		violations = List.copyOf(Objects.requireNonNull(violations, "'violations' must not be null"));
	}

	/**
	 * Creates a report whose verdict and violations are computed from the budget.
	 */
	static ScopeReport evaluated(ScopeKind kind, String name, Budget budget, long statementCount,
			Map<StatementKind, Long> statementsByKind, long batchCount, long batchedStatementCount, long rowCount,
			long failedStatementCount, long rejectedStatementCount, Duration dbTime,
			List<FingerprintCount> fingerprints, long overflowCount, boolean incomplete) {
		ScopeReport figures = new ScopeReport(kind, name, Budget.unlimited(), statementCount, statementsByKind,
				batchCount, batchedStatementCount, rowCount, failedStatementCount, rejectedStatementCount, dbTime,
				fingerprints, overflowCount, incomplete, Verdict.WITHIN, List.of());
		return figures.evaluate(budget);
	}

	/**
	 * Evaluates the same figures against another budget.
	 * @param budget the budget to judge the figures by
	 * @return a new report with that budget, its verdict and its violations
	 */
	public ScopeReport evaluate(Budget budget) {
		Objects.requireNonNull(budget, "'budget' must not be null");
		List<BudgetViolation> found = new ArrayList<>();
		long worst = 0;
		for (FingerprintCount count : this.fingerprints) {
			worst = Math.max(worst, count.nPlusOneParameterSets());
		}
		budget.judge(this.statementCount + this.rejectedStatementCount, statementCount(StatementKind.SELECT),
				statementCount(StatementKind.INSERT), statementCount(StatementKind.UPDATE),
				statementCount(StatementKind.DELETE), duplicateCount(), worst, this.dbTime.toNanos(), found);
		Verdict verdict = Verdict.WITHIN;
		for (BudgetViolation violation : found) {
			if (violation.level().compareTo(verdict) > 0) {
				verdict = violation.level();
			}
		}
		return new ScopeReport(this.kind, this.name, budget, this.statementCount, this.statementsByKind,
				this.batchCount, this.batchedStatementCount, this.rowCount, this.failedStatementCount,
				this.rejectedStatementCount, this.dbTime, this.fingerprints, this.overflowCount, this.incomplete,
				verdict, found);
	}

	/**
	 * Returns the number of statements of one kind.
	 * @param kind the kind
	 * @return the count, {@code 0} when none ran
	 */
	public long statementCount(StatementKind kind) {
		Long count = this.statementsByKind.get(kind);
		return (count != null) ? count : 0;
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
		long total = 0;
		for (FingerprintCount count : this.fingerprints) {
			total += count.duplicates();
		}
		return total;
	}

	/**
	 * Returns the total number of slow executions over all shapes.
	 * @return executions slower than the tracker's slow threshold
	 */
	public long slowExecutionCount() {
		long total = 0;
		for (FingerprintCount count : this.fingerprints) {
			total += count.slowExecutions();
		}
		return total;
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
		List<FingerprintCount> suspects = new ArrayList<>();
		for (FingerprintCount count : this.fingerprints) {
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
		for (FingerprintCount count : this.fingerprints) {
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
		List<FingerprintCount> duplicates = new ArrayList<>();
		for (FingerprintCount count : this.fingerprints) {
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
		for (Map.Entry<StatementKind, Long> entry : this.statementsByKind.entrySet()) {
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

}
