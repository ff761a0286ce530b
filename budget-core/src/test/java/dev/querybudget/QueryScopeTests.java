package dev.querybudget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.querybudget.sql.StatementKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Scopes, nesting and threads, through a real ProxyDataSource over H2.
 */
@SuppressWarnings("try")
class QueryScopeTests {

	private final RecordingThreadLocal threadLocal = new RecordingThreadLocal();

	private final H2Fixture db = new H2Fixture(new QueryBudgetTracker(TrackerSettings.ofDefaults(), this.threadLocal));

	private final QueryBudgetTracker tracker = this.db.tracker;

	@AfterEach
	void noScopeIsLeftOnTheTestThread() {
		assertThat(this.tracker.current()).isNull();
		assertThat(this.tracker.activeScopes()).isNull();
	}

	@Test
	void scopeCountsStatementsByKind() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners")) {
			this.db.ownerName(1);
			this.db.ownerName(2);
			this.db.execute("insert into owner values (11, 'x')", "update owner set name = 'y' where id = 11",
					"delete from owner where id = 11");
			ScopeReport report = scope.report();
			assertThat(report.statementCount()).isEqualTo(5);
			assertThat(report.statementCount(StatementKind.SELECT)).isEqualTo(2);
			assertThat(report.statementCount(StatementKind.INSERT)).isEqualTo(1);
			assertThat(report.statementCount(StatementKind.UPDATE)).isEqualTo(1);
			assertThat(report.statementCount(StatementKind.DELETE)).isEqualTo(1);
			assertThat(report.failedStatementCount()).isZero();
			assertThat(report.kind()).isEqualTo(ScopeKind.REQUEST);
			assertThat(report.name()).isEqualTo("GET /owners");
		}
	}

	@Test
	void listenersReceiveTheFiguresAndShapesOfTheLastSnapshot() throws SQLException {
		List<ScopeReport> closed = new ArrayList<>();
		H2Fixture db = new H2Fixture(TrackerSettings.builder().addListener(new BudgetViolationListener() {

			@Override
			public void scopeClosed(ScopeReport report) {
				closed.add(report);
			}

		}).build());
		ScopeReport snapshot;
		try (QueryScope scope = db.tracker.open(ScopeKind.REQUEST, "GET /owners", Budget.ofMaxStatements(20),
				EnforcementMode.RECORD)) {
			for (int id = 1; id <= 4; id++) {
				db.petsOf(id);
			}
			db.ownerName(1);
			db.ownerName(1);
			db.execute("update owner set name = 'y' where id = 11");
			snapshot = scope.report();
		}
		assertThat(closed).singleElement().isEqualTo(snapshot);
		ScopeReport report = closed.get(0);
		assertThat(report.fingerprints()).isEqualTo(snapshot.fingerprints()).hasSize(3);
		assertThat(report.nPlusOneSuspects()).isEqualTo(snapshot.nPlusOneSuspects()).hasSize(1);
		assertThat(report.duplicates()).isEqualTo(snapshot.duplicates()).hasSize(1);
		assertThat(report.format()).isEqualTo(snapshot.format());
	}

	@Test
	void statementsOutsideAnyScopeAreNotCounted() throws SQLException {
		this.db.ownerName(1);
		try (QueryScope scope = this.tracker.open(ScopeKind.JOB, "job")) {
			assertThat(scope.report().statementCount()).isZero();
		}
		this.db.ownerName(1);
		assertThat(this.threadLocal.sets).hasValue(1);
	}

	@Test
	void nestedMethodScopeCountsInBothScopes() throws SQLException {
		try (QueryScope request = this.tracker.open(ScopeKind.REQUEST, "GET /owners")) {
			this.db.ownerName(1);
			try (QueryScope method = this.tracker.open(ScopeKind.METHOD, "OwnerService#list")) {
				assertThat(this.tracker.current()).isSameAs(method);
				this.db.ownerName(2);
				this.db.ownerName(3);
				assertThat(method.report().statementCount()).isEqualTo(2);
			}
			assertThat(this.tracker.current()).isSameAs(request);
			this.db.ownerName(4);
			assertThat(request.report().statementCount()).isEqualTo(4);
		}
	}

	@Test
	void closingTheOuterScopeFirstKeepsTheInnerScopeCurrent() throws SQLException {
		QueryScope outer = this.tracker.open(ScopeKind.REQUEST, "outer");
		QueryScope inner = this.tracker.open(ScopeKind.METHOD, "inner");
		this.db.ownerName(1);
		outer.close();
		assertThat(this.tracker.current()).isSameAs(inner);
		this.db.ownerName(2);
		assertThat(outer.report().statementCount()).isEqualTo(1);
		assertThat(inner.report().statementCount()).isEqualTo(2);
		inner.close();
		assertThat(this.threadLocal.clears).hasValue(1);
	}

	@Test
	void threadLocalIsClearedWithoutRemovingItsEntryWhenTheLastScopeCloses() {
		try (QueryScope outer = this.tracker.open(ScopeKind.REQUEST, "outer")) {
			try (QueryScope inner = this.tracker.open(ScopeKind.METHOD, "inner")) {
				assertThat(this.tracker.current()).isSameAs(inner);
			}
			assertThat(this.threadLocal.clears).hasValue(0);
			assertThat(this.tracker.current()).isSameAs(outer);
		}
		assertThat(this.threadLocal.get()).isNull();
		assertThat(this.threadLocal.sets).hasValue(1);
		assertThat(this.threadLocal.clears).hasValue(1);
		assertThat(this.threadLocal.removes).hasValue(0);
	}

	@Test
	void closeIsIdempotent() throws SQLException {
		QueryScope scope = this.tracker.open(ScopeKind.TEST, "test");
		this.db.ownerName(1);
		scope.close();
		scope.close();
		this.db.ownerName(2);
		assertThat(scope.isClosed()).isTrue();
		assertThat(scope.report().statementCount()).isEqualTo(1);
		assertThat(this.threadLocal.clears).hasValue(1);
	}

	@Test
	void offScopeIsNotCountedButItsEnclosingScopeIs() throws SQLException {
		try (QueryScope request = this.tracker.open(ScopeKind.REQUEST, "GET /owners")) {
			try (QueryScope off = this.tracker.open(ScopeKind.METHOD, "ignored", Budget.ofMaxStatements(0),
					EnforcementMode.OFF)) {
				this.db.ownerName(1);
				assertThat(this.tracker.current()).isSameAs(request);
				assertThat(off.report().statementCount()).isZero();
			}
			assertThat(request.report().statementCount()).isEqualTo(1);
		}
	}

	@Test
	void twoTrackersDoNotSeeEachOthersScopes() throws SQLException {
		H2Fixture other = new H2Fixture();
		try (QueryScope scope = this.tracker.open(ScopeKind.TEST, "first")) {
			assertThat(other.tracker.current()).isNull();
			other.ownerName(1);
			assertThat(scope.report().statementCount()).isZero();
		}
	}

	@Test
	void attachedScopeCountsEveryStatementOfEveryThreadExactly() throws Exception {
		int threads = 8;
		int statementsPerThread = 1000;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try (QueryScope scope = this.tracker.open(ScopeKind.JOB, "import")) {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> {
					try (QueryScope.Attachment attachment = scope.attach();
							Connection connection = this.db.proxied.getConnection();
							PreparedStatement statement = connection
								.prepareStatement("select name from owner where id = ?")) {
						assertThat(this.tracker.current()).isSameAs(scope);
						start.await();
						for (int i = 0; i < statementsPerThread; i++) {
							statement.setInt(1, (i % 10) + 1);
							statement.executeQuery().close();
						}
					}
					assertThat(this.tracker.current()).isNull();
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
			ScopeReport report = scope.report();
			assertThat(report.statementCount()).isEqualTo(threads * statementsPerThread);
			assertThat(report.fingerprints()).singleElement().satisfies((count) -> {
				assertThat(count.executions()).isEqualTo(threads * statementsPerThread);
				assertThat(count.distinctParameterSets()).isEqualTo(10);
				assertThat(count.duplicates()).isEqualTo(threads * statementsPerThread - 10);
			});
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.threadLocal.clears.get()).isEqualTo(this.threadLocal.sets.get()).isEqualTo(threads + 1);
	}

	@Test
	void attachingAScopeAlreadyCurrentOnTheThreadCountsItOnce() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners")) {
			try (QueryScope.Attachment attachment = scope.attach()) {
				this.db.ownerName(1);
			}
			assertThat(this.tracker.current()).isSameAs(scope);
			assertThat(scope.report().statementCount()).isEqualTo(1);
		}
	}

	@Test
	void restoreDetachesAttachedScopesButNeverOpenedOnes() throws Exception {
		try (QueryScope request = this.tracker.open(ScopeKind.REQUEST, "GET /owners")) {
			ExecutorService pool = Executors.newSingleThreadExecutor();
			try {
				pool.submit(() -> {
					try (QueryScope method = this.tracker.open(ScopeKind.METHOD, "worker")) {
						QueryScope previous = this.tracker.current();
						request.attach();
						assertThat(this.tracker.current()).isSameAs(request);
						this.db.ownerName(1);
						this.tracker.restore(previous);
						assertThat(this.tracker.current()).isSameAs(method);
						this.tracker.restore(null);
						assertThat(this.tracker.current()).isSameAs(method);
						assertThat(method.report().statementCount()).isEqualTo(1);
					}
					assertThat(this.tracker.current()).isNull();
					return null;
				}).get(60, TimeUnit.SECONDS);
			}
			finally {
				pool.shutdown();
			}
			assertThat(request.report().statementCount()).isEqualTo(1);
		}
	}

	@Test
	void detachedScopeCountsOnlyWhereItIsAttachedAndLeavesNoThreadLocal() throws SQLException {
		QueryScope request = this.tracker.openDetached(ScopeKind.REQUEST, "GET /owners", Budget.unlimited(),
				EnforcementMode.RECORD);
		assertThat(this.tracker.current()).isNull();
		this.db.ownerName(1);
		try (QueryScope.Attachment attachment = request.attach()) {
			assertThat(this.tracker.current()).isSameAs(request);
			this.db.ownerName(2);
		}
		assertThat(this.tracker.current()).isNull();
		this.db.ownerName(3);
		request.close();
		assertThat(request.report().statementCount()).isEqualTo(1);
		assertThat(this.threadLocal.clears).hasValue(1);
	}

	@Test
	void assignedNameBudgetAndModeApplyToTheFiguresSoFar() throws SQLException {
		QueryScope request = this.tracker.open(ScopeKind.REQUEST, "GET");
		this.db.ownerName(1);
		this.db.ownerName(2);
		request.assign("GET /owners/{id}", Budget.ofMaxStatements(1), EnforcementMode.FAIL);
		assertThat(request.name()).isEqualTo("GET /owners/{id}");
		assertThat(request.mode()).isEqualTo(EnforcementMode.FAIL);
		assertThatExceptionOfType(QueryBudgetExceededException.class).isThrownBy(request::close)
			.satisfies((ex) -> assertThat(ex.report().name()).isEqualTo("GET /owners/{id}"))
			.satisfies((ex) -> assertThat(ex.report().budget().maxStatements()).isEqualTo(1));
		assertThatIllegalStateException().isThrownBy(() -> request.assign("x", Budget.unlimited(), EnforcementMode.LOG))
			.withMessageContaining("is closed");
	}

	@Test
	void scopeAssignedOffStopsCountingAndLeavesTheThreadOnClose() throws SQLException {
		QueryScope request = this.tracker.open(ScopeKind.REQUEST, "GET /health");
		this.db.ownerName(1);
		request.assign("GET /health", Budget.ofMaxStatements(0), EnforcementMode.OFF);
		this.db.ownerName(2);
		request.close();
		assertThat(request.report().statementCount()).isEqualTo(1);
		assertThat(this.tracker.current()).isNull();
	}

	@Test
	void preparedStatementBatchIsOneRoundTripWithItsStatements() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.JOB, "import");
				Connection connection = this.db.proxied.getConnection();
				PreparedStatement statement = connection.prepareStatement("insert into pet values (?, ?, ?)")) {
			for (int i = 100; i < 140; i++) {
				statement.setInt(1, i);
				statement.setInt(2, 1);
				statement.setString(3, "pet");
				statement.addBatch();
			}
			statement.executeBatch();
			ScopeReport report = scope.report();
			assertThat(report.statementCount()).isEqualTo(1);
			assertThat(report.statementCount(StatementKind.INSERT)).isEqualTo(1);
			assertThat(report.batchCount()).isEqualTo(1);
			assertThat(report.batchedStatementCount()).isEqualTo(40);
			assertThat(report.rowCount()).isEqualTo(40);
			assertThat(report.nPlusOneSuspects()).isEmpty();
		}
	}

	@Test
	void plainStatementBatchIsOneRoundTripWithItsStatements() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.JOB, "cleanup");
				Connection connection = this.db.proxied.getConnection();
				Statement statement = connection.createStatement()) {
			statement.addBatch("update owner set name = 'a' where id = 1");
			statement.addBatch("update owner set name = 'b' where id > 5");
			statement.addBatch("delete from pet where id = 2");
			statement.executeBatch();
			ScopeReport report = scope.report();
			assertThat(report.statementCount()).isEqualTo(1);
			assertThat(report.batchCount()).isEqualTo(1);
			assertThat(report.batchedStatementCount()).isEqualTo(3);
			assertThat(report.rowCount()).isEqualTo(1 + 5 + 1);
			assertThat(report.fingerprints()).extracting(FingerprintCount::executions).containsOnly(1L);
		}
	}

	@Test
	void updateCountsAreSummedAsRowsAndQueriesAddNone() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.JOB, "rename")) {
			this.db.ownerName(1);
			try (Connection connection = this.db.proxied.getConnection();
					PreparedStatement statement = connection
						.prepareStatement("update owner set name = ? where id > ?")) {
				statement.setString(1, "renamed");
				statement.setInt(2, 7);
				assertThat(statement.executeUpdate()).isEqualTo(3);
				statement.setInt(2, 8);
				assertThat(statement.executeLargeUpdate()).isEqualTo(2);
			}
			assertThat(scope.report().rowCount()).isEqualTo(5);
		}
	}

	@Test
	void failedStatementIsCountedAndStillThrows() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "POST /owners")) {
			try {
				this.db.execute("insert into owner values (1, 'duplicate key')");
			}
			catch (SQLException ex) {
				assertThat(ex.getMessage()).isNotEmpty();
			}
			ScopeReport report = scope.report();
			assertThat(report.statementCount()).isEqualTo(1);
			assertThat(report.failedStatementCount()).isEqualTo(1);
		}
	}

	@Test
	void exactDuplicatesAreSameSqlAndSameParameters() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners/1")) {
			this.db.ownerName(1);
			this.db.ownerName(1);
			this.db.ownerName(1);
			this.db.ownerName(2);
			FingerprintCount count = scope.report().fingerprints().get(0);
			assertThat(count.executions()).isEqualTo(4);
			assertThat(count.distinctParameterSets()).isEqualTo(2);
			assertThat(count.duplicates()).isEqualTo(2);
			assertThat(count.parameterSetsCapped()).isFalse();
			assertThat(scope.report().duplicateCount()).isEqualTo(2);
		}
	}

	@Test
	void timestampsBoundWithANewCalendarEachTimeAreStillDuplicates() throws SQLException {
		Timestamp noon = Timestamp.valueOf("2026-11-23 12:00:00");
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners/since")) {
			for (int i = 0; i < 3; i++) {
				// As Hibernate binds an Instant: a Calendar made for the statement
				Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
				utc.setTimeInMillis(utc.getTimeInMillis() + i * 60_000L);
				try (Connection connection = this.db.proxied.getConnection();
						PreparedStatement statement = connection
							.prepareStatement("select count(*) from owner where ? > timestamp '2000-01-01 00:00:00'")) {
					statement.setTimestamp(1, noon, utc);
					statement.executeQuery().close();
				}
			}
			FingerprintCount count = scope.report().fingerprints().get(0);
			assertThat(count.distinctParameterSets()).isOne();
			assertThat(count.duplicates()).isEqualTo(2);
		}
	}

	@Test
	void arraysBoundAnewForEachStatementAreDuplicatesWhenTheirElementsAre() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners/some")) {
			for (Integer[] ids : List.of(new Integer[] { 1, 2 }, new Integer[] { 1, 2 }, new Integer[] { 1, 2 },
					new Integer[] { 3 })) {
				try (Connection connection = this.db.proxied.getConnection();
						PreparedStatement statement = connection
							.prepareStatement("select count(*) from owner where array_contains(?, id)")) {
					statement.setArray(1, connection.createArrayOf("integer", ids));
					statement.executeQuery().close();
				}
			}
			FingerprintCount count = scope.report().fingerprints().get(0);
			assertThat(count.distinctParameterSets()).isEqualTo(2);
			assertThat(count.duplicates()).isEqualTo(2);
		}
	}

	@Test
	void breachJudgedFromTheCountersAgreesWithTheReportForEveryRule() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners")) {
			this.db.ownerName(1);
			this.db.ownerName(1);
			this.db.ownerName(1);
			this.db.ownerName(2);
			this.db.execute("insert into owner values (11, 'x')", "update owner set name = 'y' where id = 11",
					"delete from owner where id = 11");
			List<Budget> budgets = List.of(Budget.unlimited(), Budget.ofMaxStatements(7), Budget.ofMaxStatements(6),
					Budget.builder().maxStatements(5).critical(6).build(), Budget.builder().maxSelects(4).build(),
					Budget.builder().maxSelects(3).build(), Budget.builder().maxInserts(1).build(),
					Budget.builder().maxInserts(0).build(), Budget.builder().maxUpdates(0).build(),
					Budget.builder().maxDeletes(0).build(), Budget.builder().maxDuplicates(2).build(),
					Budget.builder().maxDuplicates(1).build(), Budget.builder().nPlusOneThreshold(3).build(),
					Budget.builder().nPlusOneThreshold(2).build(),
					Budget.builder().maxDbTime(Duration.ofHours(1)).build(),
					Budget.builder().maxDbTime(Duration.ofNanos(1)).build());
			List<Boolean> breached = new ArrayList<>();
			for (Budget budget : budgets) {
				scope.assign("GET /owners", budget, EnforcementMode.RECORD);
				assertThat(scope.isBreached()).as(budget.toString()).isEqualTo(scope.report().isBreached());
				breached.add(scope.isBreached());
			}
			assertThat(breached).containsExactly(false, false, true, true, false, true, false, true, true, true, false,
					true, false, true, false, true);
		}
	}

	@Test
	void logModeScopeWithoutListenersLogsOnlyItsBreach() throws SQLException {
		try (LogCapture log = new LogCapture(QueryScope.class)) {
			try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners", Budget.ofMaxStatements(1),
					EnforcementMode.LOG)) {
				this.db.ownerName(1);
			}
			try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners/pets", Budget.ofMaxStatements(1),
					EnforcementMode.LOG)) {
				this.db.ownerName(1);
				this.db.ownerName(2);
			}
			assertThat(log.warnings()).singleElement()
				.satisfies((record) -> assertThat(record.getMessage())
					.startsWith("Scope 'GET /owners/pets' executed 2 statements, budget is 1: OVER"));
		}
	}

	@Test
	void repeatedSequenceCallsAreNotDuplicates() throws SQLException {
		this.db.execute("create sequence if not exists owner_seq");
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "POST /owners")) {
			this.db.execute("select next value for owner_seq", "select next value for owner_seq",
					"select nextval('owner_seq')", "select nextval('owner_seq')");
			ScopeReport report = scope.report();
			assertThat(report.statementCount()).isEqualTo(4);
			assertThat(report.duplicateCount()).isZero();
			assertThat(report.format()).doesNotContain("duplicate");
		}
	}

	@Test
	void inlinedLiteralsAreParameterSetsNotDuplicates() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners")) {
			this.db.execute("select name from owner where id = 1", "select name from owner where id = 2",
					"select name from owner where id = 2");
			ScopeReport report = scope.report();
			assertThat(report.statementCount()).isEqualTo(3);
			assertThat(report.duplicateCount()).isEqualTo(1);
		}
	}

	@Test
	void nPlusOneLoopIsReportedAtTheCallSiteOfTheLoop() throws SQLException {
		StackTraceElement loop = null;
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners");
				Connection connection = this.db.proxied.getConnection();
				PreparedStatement statement = connection.prepareStatement("select name from pet where owner_id = ?")) {
			for (int id = 1; id <= 5; id++) {
				statement.setInt(1, id);
				StackTraceElement here = callerOf(statement.executeQuery());
				loop = (loop != null) ? loop : here;
			}
			FingerprintCount suspect = scope.report().nPlusOneSuspects().get(0);
			assertThat(suspect.distinctParameterSets()).isEqualTo(5);
			assertThat(suspect.callSite()).isEqualTo(new CallSite(QueryScopeTests.class.getName(),
					"nPlusOneLoopIsReportedAtTheCallSiteOfTheLoop", "QueryScopeTests.java", loop.getLineNumber()));
			assertThat(suspect.callSite()).hasToString("dev.querybudget.QueryScopeTests"
					+ ".nPlusOneLoopIsReportedAtTheCallSiteOfTheLoop(QueryScopeTests.java:" + loop.getLineNumber()
					+ ")");
		}
	}

	@Test
	void callSiteIsOnlyCapturedOnceAShapeRepeats() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners/1")) {
			this.db.ownerName(1);
			assertThat(scope.report().fingerprints().get(0).callSite()).isNull();
			this.db.ownerName(2);
			assertThat(scope.report().fingerprints().get(0).callSite()).isNotNull()
				.extracting(CallSite::className, CallSite::methodName)
				.containsExactly(H2Fixture.class.getName(), "ownerName");
		}
	}

	@Test
	void shapesBeyondThePerScopeCapAreCountedAsOverflow() throws SQLException {
		H2Fixture capped = new H2Fixture(TrackerSettings.builder().maxFingerprintsPerScope(2).build());
		try (QueryScope scope = capped.tracker.open(ScopeKind.REQUEST, "GET /everything")) {
			capped.execute("select id from owner", "select name from owner", "select id from pet",
					"select id from pet");
			ScopeReport report = scope.report();
			assertThat(report.statementCount()).isEqualTo(4);
			assertThat(report.fingerprints()).hasSize(2);
			assertThat(report.overflowCount()).isEqualTo(2);
			assertThat(report.format()).contains("overflow: 2 statements");
		}
	}

	@Test
	void parameterSetsBeyondThePerShapeCapMakeTheDistinctCountALowerBound() throws SQLException {
		H2Fixture capped = new H2Fixture(TrackerSettings.builder().maxParameterSetsPerFingerprint(3).build());
		try (QueryScope scope = capped.tracker.open(ScopeKind.REQUEST, "GET /owners")) {
			for (int id = 1; id <= 5; id++) {
				capped.ownerName(id);
			}
			FingerprintCount count = scope.report().fingerprints().get(0);
			assertThat(count.executions()).isEqualTo(5);
			assertThat(count.distinctParameterSets()).isEqualTo(3);
			assertThat(count.parameterSetsCapped()).isTrue();
			assertThat(scope.report().format()).contains("with at least 3 distinct parameter sets");
		}
	}

	@Test
	void databaseTimeIsMeasuredInNanosecondsAndSlowExecutionsAreCounted() throws SQLException {
		H2Fixture slow = new H2Fixture(TrackerSettings.builder().slowStatementThreshold(Duration.ZERO).build());
		try (QueryScope scope = slow.tracker.open(ScopeKind.REQUEST, "GET /owners")) {
			slow.ownerName(1);
			slow.ownerName(2);
			ScopeReport report = scope.report();
			FingerprintCount count = report.fingerprints().get(0);
			assertThat(report.dbTime()).isPositive().isEqualTo(count.totalTime());
			assertThat(count.maxTime()).isPositive().isLessThanOrEqualTo(count.totalTime());
			assertThat(count.slowExecutions()).isEqualTo(2);
			assertThat(report.slowExecutionCount()).isEqualTo(2);
		}
	}

	static StackTraceElement callerOf(AutoCloseable resource) {
		try {
			resource.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return new Throwable().getStackTrace()[1];
	}

}
