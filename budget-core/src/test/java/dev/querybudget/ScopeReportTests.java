package dev.querybudget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.querybudget.sql.SqlDialect;
import dev.querybudget.sql.SqlFingerprinter;
import dev.querybudget.sql.StatementKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluating figures against budgets, and the text of a report.
 */
class ScopeReportTests {

	private static final SqlFingerprinter fingerprinter = SqlFingerprinter.create();

	@Test
	void withinWhenNoRuleIsBroken() {
		ScopeReport report = figures(20, 0, 0, Duration.ofMillis(5)).evaluate(Budget.ofMaxStatements(20));
		assertThat(report.verdict()).isEqualTo(Verdict.WITHIN);
		assertThat(report.violations()).isEmpty();
		assertThat(report.isBreached()).isFalse();
	}

	@Test
	void overWhenAboveTheMaximumAndCriticalAboveTheCriticalLevel() {
		Budget budget = Budget.builder().maxStatements(20).critical(25).build();
		assertThat(figures(25, 0, 0, Duration.ZERO).evaluate(budget).violations())
			.containsExactly(new BudgetViolation(ViolationKind.STATEMENTS, 20, 25, Verdict.OVER));
		ScopeReport critical = figures(27, 0, 0, Duration.ZERO).evaluate(budget);
		assertThat(critical.verdict()).isEqualTo(Verdict.CRITICAL);
		assertThat(critical.violations())
			.containsExactly(new BudgetViolation(ViolationKind.STATEMENTS, 20, 27, Verdict.CRITICAL));
		assertThat(critical.format())
			.startsWith("Scope 'GET /owners' executed 27 statements, budget is 20 (critical 25): CRITICAL\n");
	}

	@Test
	void everyRuleIsEvaluated() {
		Budget budget = Budget.builder()
			.maxSelects(3)
			.maxInserts(0)
			.maxUpdates(0)
			.maxDeletes(0)
			.maxDuplicates(1)
			.nPlusOneThreshold(4)
			.maxDbTime(Duration.ofMillis(10))
			.build();
		ScopeReport report = figures(8, 4, 2, Duration.ofMillis(12)).evaluate(budget);
		assertThat(report.verdict()).isEqualTo(Verdict.OVER);
		assertThat(report.violations()).containsExactly(new BudgetViolation(ViolationKind.SELECTS, 3, 5, Verdict.OVER),
				new BudgetViolation(ViolationKind.INSERTS, 0, 1, Verdict.OVER),
				new BudgetViolation(ViolationKind.UPDATES, 0, 1, Verdict.OVER),
				new BudgetViolation(ViolationKind.DELETES, 0, 1, Verdict.OVER),
				new BudgetViolation(ViolationKind.DUPLICATES, 1, 2, Verdict.OVER),
				new BudgetViolation(ViolationKind.N_PLUS_ONE, 4, 4, Verdict.OVER),
				new BudgetViolation(ViolationKind.DB_TIME, 10_000_000, 12_000_000, Verdict.OVER));
		assertThat(report.format()).contains("violated: selects 5 > 3 (OVER)")
			.contains("violated: exact duplicates 2 > 1 (OVER)")
			.contains("violated: N+1: one shape ran with 4 distinct parameter sets, threshold is 4 (OVER)")
			.contains("violated: db time 12.0 ms > 10.0 ms (OVER)");
	}

	@Test
	void evaluateJudgesTheSameFiguresAgainstAnotherBudget() {
		ScopeReport lenient = figures(8, 4, 2, Duration.ofMillis(12)).evaluate(Budget.ofMaxStatements(10));
		ScopeReport strict = lenient.evaluate(Budget.ofMaxStatements(5));
		assertThat(lenient.verdict()).isEqualTo(Verdict.WITHIN);
		assertThat(strict.verdict()).isEqualTo(Verdict.OVER);
		assertThat(strict.budget()).isEqualTo(Budget.ofMaxStatements(5));
		assertThat(strict.statementCount()).isEqualTo(lenient.statementCount());
		assertThat(strict.fingerprints()).isEqualTo(lenient.fingerprints());
	}

	@Test
	void nPlusOneSuspectsUseTheDefaultThresholdWithoutABudgetThreshold() {
		ScopeReport report = figures(8, 3, 0, Duration.ZERO);
		assertThat(report.nPlusOneSuspects()).hasSize(1);
		assertThat(report.evaluate(Budget.builder().nPlusOneThreshold(4).build()).nPlusOneSuspects()).isEmpty();
	}

	@Test
	void reportTextNamesEachOffendingShapeItsCallSiteAndTheFixButNoValue() throws SQLException {
		H2Fixture db = new H2Fixture();
		Budget budget = Budget.builder().maxStatements(5).critical(8).maxDuplicates(0).nPlusOneThreshold(3).build();
		ScopeReport report;
		try (QueryScope scope = db.tracker.open(ScopeKind.REQUEST, "GET /owners", budget, EnforcementMode.RECORD)) {
			loadPetsOneByOne(db);
			db.ownerName(1);
			db.ownerName(1);
			db.ownerName(1);
			report = scope.report();
		}
		String text = report.format();
		System.out.println(text);
		assertThat(text).startsWith("Scope 'GET /owners' executed 13 statements, budget is 5 (critical 8): CRITICAL\n")
			.contains("  13 SELECT; db time ")
			.contains("  violated: statements 13 > 5 (CRITICAL)")
			.contains("  violated: exact duplicates 2 > 0 (OVER)")
			.contains("  N+1 suspect: 10 executions of [" + normalized("select id from pet where name = ?")
					+ "] with 10 distinct parameter sets\n    at dev.querybudget.ScopeReportTests.loadPetsOneByOne(ScopeReportTests.java:")
			.contains(
					"    fix: batch or join-fetch: JOIN FETCH / @EntityGraph / @BatchSize / default_batch_fetch_size, "
							+ "or load all rows in one query with IN (...)")
			.contains("  duplicate: 3 executions of [" + normalized("select name from owner where id = ?")
					+ "] with 2 exact duplicates\n    at dev.querybudget.H2Fixture.ownerName(H2Fixture.java:")
			.contains("    fix: reuse the loaded value (pass it down, or cache it for the scope)")
			.doesNotContain("secret");
		assertThat(report).hasToString(text);
	}

	private static void loadPetsOneByOne(H2Fixture db) throws SQLException {
		try (Connection connection = db.proxied.getConnection();
				PreparedStatement statement = connection.prepareStatement("select id from pet where name = ?")) {
			for (int i = 1; i <= 10; i++) {
				statement.setString(1, "pet-secret-" + i);
				statement.executeQuery().close();
			}
		}
	}

	private static String normalized(String sql) {
		return fingerprinter.fingerprint(sql, SqlDialect.H2).normalizedSql();
	}

	@Test
	void healthyReportIsReadWithoutCopyingItsShapes() {
		AtomicInteger copies = new AtomicInteger();
		ScopeReport report = deferred(copies, 0, 2, 1, figures(3, 1, 0, Duration.ZERO).fingerprints())
			.evaluate(Budget.ofMaxStatements(5));
		assertThat(report.isBreached()).isFalse();
		assertThat(report.violations()).isEmpty();
		assertThat(report.duplicateCount()).isZero();
		assertThat(report.slowExecutionCount()).isEqualTo(2);
		assertThat(report.nPlusOneSuspects()).isEmpty();
		assertThat(report.duplicates()).isEmpty();
		assertThat(report.statementsByKind()).containsEntry(StatementKind.SELECT, 2L);
		assertThat(copies).hasValue(0);
	}

	@Test
	void shapesAreCopiedOnceForEveryReportOfTheSameFigures() throws Exception {
		AtomicInteger copies = new AtomicInteger();
		List<FingerprintCount> counts = figures(8, 4, 2, Duration.ZERO).fingerprints();
		ScopeReport report = deferred(copies, 2, 0, 4, counts);
		ScopeReport strict = report.evaluate(Budget.builder().nPlusOneThreshold(4).maxDuplicates(0).build());
		assertThat(strict.violations()).extracting(BudgetViolation::rule)
			.containsExactly(ViolationKind.DUPLICATES, ViolationKind.N_PLUS_ONE);
		assertThat(copies).hasValue(0);
		ExecutorService readers = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<FingerprintCount>>> read = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				read.add(readers.submit((i % 2 == 0) ? report::fingerprints : strict::fingerprints));
			}
			for (Future<List<FingerprintCount>> each : read) {
				assertThat(each.get()).isSameAs(counts);
			}
		}
		finally {
			readers.shutdownNow();
		}
		assertThat(strict.nPlusOneSuspects()).containsExactly(counts.get(0));
		assertThat(strict.duplicates()).containsExactly(counts.get(1));
		assertThat(copies).hasValue(1);
	}

	/**
	 * The report of a closed scope with these shapes and the totals its scope counted,
	 * counting how often the shapes are copied.
	 */
	private static ScopeReport deferred(AtomicInteger copies, long duplicates, long slow, long worstNPlusOne,
			List<FingerprintCount> counts) {
		ScopeReport.Shapes shapes = ScopeReport.Shapes.deferred(duplicates, slow, worstNPlusOne, () -> {
			copies.incrementAndGet();
			return counts;
		});
		long[] byKind = new long[StatementKind.values().length];
		byKind[StatementKind.SELECT.ordinal()] = counts.stream().mapToLong(FingerprintCount::executions).sum();
		return ScopeReport.judged(ScopeKind.REQUEST, "GET /owners", Budget.unlimited(),
				byKind[StatementKind.SELECT.ordinal()], byKind, 0, 0, 0, 0, 0, Duration.ZERO, shapes, 0, false);
	}

	/**
	 * Figures of a scope: {@code statements} round trips, one of each write kind, the
	 * rest selects, one shape with {@code distinct} parameter sets and another with
	 * {@code duplicates} exact duplicates.
	 */
	private static ScopeReport figures(long statements, long distinct, long duplicates, Duration dbTime) {
		FingerprintCount loop = new FingerprintCount(
				fingerprinter.fingerprint("select id from pet where owner_id = ?", SqlDialect.H2), distinct, distinct,
				false, 0, Duration.ofMillis(1), Duration.ofMillis(1), 0, null);
		FingerprintCount repeated = new FingerprintCount(
				fingerprinter.fingerprint("select name from owner where id = ?", SqlDialect.H2), duplicates + 1, 1,
				false, duplicates, Duration.ofMillis(1), Duration.ofMillis(1), 0, null);
		Map<StatementKind, Long> byKind = Map.of(StatementKind.SELECT, statements - 3, StatementKind.INSERT, 1L,
				StatementKind.UPDATE, 1L, StatementKind.DELETE, 1L);
		return new ScopeReport(ScopeKind.REQUEST, "GET /owners", Budget.unlimited(), statements, byKind, 0, 0, 0, 0, 0,
				dbTime, List.of(loop, repeated), 0, false, Verdict.WITHIN, List.of());
	}

}
