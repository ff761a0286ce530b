package dev.querybudget.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.querybudget.Budget;
import dev.querybudget.CallSite;
import dev.querybudget.FingerprintCount;
import dev.querybudget.ScopeReport;
import dev.querybudget.sql.StatementKind;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the statements of a scope, for example of a block run by
 * {@link QueryBudgetAssertions#assertThatQueries}. Every failure message lists the
 * statement shapes with their counts and call sites, never literal or parameter values.
 *
 * @since 0.1.0
 */
public final class ScopeReportAssert extends AbstractAssert<ScopeReportAssert, ScopeReport> {

	private static final Comparator<FingerprintCount> MOST_EXECUTED_THEN_BY_SHAPE = Comparator
		.comparingLong(FingerprintCount::executions)
		.reversed()
		.thenComparing((count) -> count.fingerprint().normalizedSql());

	ScopeReportAssert(ScopeReport actual) {
		super(actual, ScopeReportAssert.class);
	}

	/**
	 * Verifies that the scope executed exactly this many statements (a JDBC batch counts
	 * once).
	 * @param expected the expected number of statements
	 * @return this assertion
	 */
	public ScopeReportAssert hasTotal(long expected) {
		isNotNull();
		if (this.actual.statementCount() != expected) {
			failWithMessage(
					"%nExpecting scope:%n  <%s>%nto execute exactly:%n  <%d> statements%nbut executed:%n  <%d>%n%s",
					this.actual.name(), expected, this.actual.statementCount(), shapes(this.actual));
		}
		return this;
	}

	/**
	 * Verifies that the scope executed at most this many statements.
	 * @param max the maximum number of statements
	 * @return this assertion
	 */
	public ScopeReportAssert hasAtMost(long max) {
		isNotNull();
		if (this.actual.statementCount() > max) {
			failWithMessage(
					"%nExpecting scope:%n  <%s>%nto execute at most:%n  <%d> statements%nbut executed:%n  <%d>%n%s",
					this.actual.name(), max, this.actual.statementCount(), shapes(this.actual));
		}
		return this;
	}

	/**
	 * Verifies that the scope executed exactly this many {@code SELECT} statements.
	 * @param expected the expected number
	 * @return this assertion
	 */
	public ScopeReportAssert hasSelects(long expected) {
		return hasStatementsOfKind(StatementKind.SELECT, expected);
	}

	/**
	 * Verifies that the scope executed exactly this many {@code INSERT} statements.
	 * @param expected the expected number
	 * @return this assertion
	 */
	public ScopeReportAssert hasInserts(long expected) {
		return hasStatementsOfKind(StatementKind.INSERT, expected);
	}

	/**
	 * Verifies that the scope executed exactly this many {@code UPDATE} statements.
	 * @param expected the expected number
	 * @return this assertion
	 */
	public ScopeReportAssert hasUpdates(long expected) {
		return hasStatementsOfKind(StatementKind.UPDATE, expected);
	}

	/**
	 * Verifies that the scope executed exactly this many {@code DELETE} statements.
	 * @param expected the expected number
	 * @return this assertion
	 */
	public ScopeReportAssert hasDeletes(long expected) {
		return hasStatementsOfKind(StatementKind.DELETE, expected);
	}

	private ScopeReportAssert hasStatementsOfKind(StatementKind kind, long expected) {
		isNotNull();
		long actualCount = this.actual.statementCount(kind);
		if (actualCount != expected) {
			failWithMessage(
					"%nExpecting scope:%n  <%s>%nto execute exactly:%n  <%d> %s statements%nbut executed:%n  <%d>%n%s",
					this.actual.name(), expected, kind, actualCount, shapes(this.actual));
		}
		return this;
	}

	/**
	 * Verifies that no statement ran twice with the same SQL and the same parameters.
	 * @return this assertion
	 */
	public ScopeReportAssert hasNoDuplicates() {
		isNotNull();
		if (!this.actual.duplicates().isEmpty()) {
			failWithMessage("%nExpecting scope:%n  <%s>%nto execute no exact duplicate%nbut executed:%n  <%d>%n%s",
					this.actual.name(), this.actual.duplicateCount(), this.actual.format());
		}
		return this;
	}

	/**
	 * Verifies that no statement shape ran with {@link Budget#nPlusOneThreshold()} or
	 * more distinct parameter sets ({@link Budget#DEFAULT_N_PLUS_ONE_THRESHOLD} when the
	 * scope's budget sets no threshold).
	 * @return this assertion
	 */
	public ScopeReportAssert hasNoNPlusOne() {
		isNotNull();
		List<FingerprintCount> suspects = this.actual.nPlusOneSuspects();
		if (!suspects.isEmpty()) {
			failWithMessage("%nExpecting scope:%n  <%s>%nto execute no N+1 pattern%nbut found:%n  <%d> shapes%n%s",
					this.actual.name(), suspects.size(), this.actual.format());
		}
		return this;
	}

	/**
	 * Verifies that the scope's figures are within a budget, judged by the budget's own
	 * rules.
	 * @param budget the budget
	 * @return this assertion
	 */
	public ScopeReportAssert isWithin(Budget budget) {
		isNotNull();
		Objects.requireNonNull(budget, "'budget' must not be null");
		ScopeReport judged = this.actual.evaluate(budget);
		if (judged.isBreached()) {
			failWithMessage("%nExpecting scope:%n  <%s>%nto be within its budget%nbut it was:%n  <%s>%n%s%n%s",
					this.actual.name(), judged.verdict(), judged.format(), shapes(judged));
		}
		return this;
	}

	/**
	 * Verifies that the scope's statement shapes and their counts match the snapshot of
	 * this name exactly; see {@link #matchesSnapshot(String, int)}.
	 * @param name the snapshot name, a relative path such as {@code owners/list}
	 * @return this assertion
	 */
	public ScopeReportAssert matchesSnapshot(String name) {
		return matchesSnapshot(name, 0);
	}

	/**
	 * Verifies that the scope's statement shapes and their execution counts match the
	 * snapshot file {@code src/test/resources/query-snapshots/<name>.txt}. The set of
	 * shapes must be equal; each count may differ by at most {@code tolerance}. A missing
	 * file is written and the assertion fails, asking for a review; with
	 * {@code -Dquery-budget.snapshot.update=true} every snapshot is rewritten and the
	 * assertion passes.
	 * @param name the snapshot name, a relative path such as {@code owners/list}
	 * @param tolerance how much an execution count may differ from the snapshot
	 * @return this assertion
	 */
	public ScopeReportAssert matchesSnapshot(String name, int tolerance) {
		isNotNull();
		String difference = QuerySnapshot.of(name).compare(this.actual, tolerance);
		if (difference != null) {
			failWithMessage("%s", difference);
		}
		return this;
	}

	/**
	 * Lists every shape of a report with its count and call site, most executed first,
	 * then by shape, so that the message does not depend on timings.
	 */
	static String shapes(ScopeReport report) {
		StringBuilder text = new StringBuilder("statements by shape:");
		if (report.fingerprints().isEmpty()) {
			text.append("\n  none");
		}
		List<FingerprintCount> counts = new ArrayList<>(report.fingerprints());
		counts.sort(MOST_EXECUTED_THEN_BY_SHAPE);
		for (FingerprintCount count : counts) {
			text.append("\n  ")
				.append(count.executions())
				.append(" x [")
				.append(count.fingerprint().normalizedSql())
				.append(']');
			CallSite site = count.callSite();
			if (site != null) {
				text.append("\n      at ").append(site);
			}
		}
		return text.toString();
	}

}
