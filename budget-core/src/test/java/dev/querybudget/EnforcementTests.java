package dev.querybudget;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Enforcement modes, listeners and internal failures, through a real ProxyDataSource over
 * H2.
 */
@SuppressWarnings("try")
class EnforcementTests {

	private final List<ScopeReport> closed = new ArrayList<>();

	private final H2Fixture db = new H2Fixture(TrackerSettings.builder().addListener(new BudgetViolationListener() {

		@Override
		public void scopeClosed(ScopeReport report) {
			EnforcementTests.this.closed.add(report);
		}

	}).build());

	private final QueryBudgetTracker tracker = this.db.tracker;

	@Test
	void failModeThrowsFromCloseWithTheReport() throws SQLException {
		QueryScope scope = this.tracker.open(ScopeKind.TEST, "loads owners", Budget.ofMaxStatements(1),
				EnforcementMode.FAIL);
		this.db.ownerName(1);
		this.db.ownerName(2);
		assertThatExceptionOfType(QueryBudgetExceededException.class).isThrownBy(scope::close)
			.withMessageStartingWith("Scope 'loads owners' executed 2 statements, budget is 1: OVER")
			.satisfies((ex) -> assertThat(ex.report().statementCount()).isEqualTo(2));
		assertThat(this.tracker.current()).isNull();
		assertThatNoException().isThrownBy(scope::close);
	}

	@Test
	void failModeWithinBudgetClosesQuietly() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.TEST, "loads owners", Budget.ofMaxStatements(2),
				EnforcementMode.FAIL)) {
			this.db.ownerName(1);
			this.db.ownerName(2);
		}
		assertThat(this.closed).singleElement().extracting(ScopeReport::verdict).isEqualTo(Verdict.WITHIN);
	}

	@Test
	void failFastRejectsTheStatementThatWouldExceedTheMaximumBeforeItRuns() throws SQLException {
		QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "POST /owners", Budget.ofMaxStatements(2),
				EnforcementMode.FAIL_FAST);
		this.db.ownerName(1);
		this.db.ownerName(2);
		assertThatExceptionOfType(QueryBudgetExceededException.class)
			.isThrownBy(() -> this.db.execute("insert into owner values (99, 'never')"))
			.withMessageStartingWith("Scope 'POST /owners' executed 2 statements and rejected 1, budget is 2: OVER")
			.satisfies((ex) -> assertThat(ex.getStackTrace()).anySatisfy((frame) -> assertThat(frame.getMethodName())
				.isEqualTo("failFastRejectsTheStatementThatWouldExceedTheMaximumBeforeItRuns")));
		assertThat(this.db.count("owner")).isEqualTo(10);
		assertThatExceptionOfType(QueryBudgetExceededException.class).isThrownBy(scope::close)
			.satisfies((ex) -> assertThat(ex.report().rejectedStatementCount()).isEqualTo(1));
	}

	@Test
	void failFastIgnoresTheCriticalLevelAndOtherScopesKeepCounting() throws SQLException {
		try (QueryScope request = this.tracker.open(ScopeKind.REQUEST, "GET /owners")) {
			QueryScope method = this.tracker.open(ScopeKind.METHOD, "OwnerService#list",
					Budget.builder().maxStatements(1).critical(5).build(), EnforcementMode.FAIL_FAST);
			this.db.ownerName(1);
			assertThatExceptionOfType(QueryBudgetExceededException.class).isThrownBy(() -> this.db.ownerName(2));
			assertThatExceptionOfType(QueryBudgetExceededException.class).isThrownBy(method::close);
			this.db.ownerName(3);
			assertThat(request.report().statementCount()).isEqualTo(2);
		}
	}

	@Test
	void logModeLogsOneWarningWithTheReportWhenBreached() throws SQLException {
		try (LogCapture log = new LogCapture(QueryScope.class)) {
			try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners", Budget.ofMaxStatements(1),
					EnforcementMode.LOG)) {
				this.db.ownerName(1);
				this.db.ownerName(2);
			}
			try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners/1", Budget.ofMaxStatements(1),
					EnforcementMode.LOG)) {
				this.db.ownerName(1);
			}
			assertThat(log.warnings()).singleElement()
				.satisfies((record) -> assertThat(record.getMessage())
					.startsWith("Scope 'GET /owners' executed 2 statements, budget is 1: OVER"));
		}
	}

	@Test
	void recordModeNeverLogsOrThrowsButNotifiesListeners() throws SQLException {
		try (LogCapture log = new LogCapture(QueryScope.class)) {
			try (QueryScope scope = this.tracker.open(ScopeKind.JOB, "nightly", Budget.ofMaxStatements(0),
					EnforcementMode.RECORD)) {
				this.db.ownerName(1);
			}
			assertThat(log.warnings()).isEmpty();
		}
		assertThat(this.closed).singleElement().satisfies((report) -> {
			assertThat(report.name()).isEqualTo("nightly");
			assertThat(report.verdict()).isEqualTo(Verdict.OVER);
		});
	}

	@Test
	void failingListenerIsLoggedAndNeverSurfaced() throws SQLException {
		QueryBudgetTracker failing = QueryBudgetTracker
			.create(TrackerSettings.builder().addListener(new BudgetViolationListener() {

				@Override
				public void scopeClosed(ScopeReport report) {
					throw new IllegalStateException("metrics are down");
				}

			}).addListener(BudgetViolationListener.NO_OP).build());
		try (LogCapture log = new LogCapture(QueryScope.class)) {
			assertThatNoException().isThrownBy(() -> failing.open(ScopeKind.JOB, "job").close());
			assertThat(log.warnings()).singleElement()
				.satisfies((record) -> assertThat(record.getThrown()).hasMessage("metrics are down"));
		}
	}

	@Test
	void throwingInternalComponentIsLoggedOnceMarksScopesIncompleteAndTheStatementRuns() throws SQLException {
		try (LogCapture log = new LogCapture(QueryScope.class);
				QueryScope request = this.tracker.open(ScopeKind.REQUEST, "POST /owners");
				QueryScope method = this.tracker.open(ScopeKind.METHOD, "OwnerService#save")) {
			this.db.ownerName(1);
			try (Connection connection = this.db.proxied.getConnection();
					PreparedStatement statement = connection.prepareStatement("insert into pet values (?, 1, ?)")) {
				statement.setInt(1, 100);
				statement.setCharacterStream(2, new UnhashableReader("x"));
				assertThat(statement.executeUpdate()).isEqualTo(1);
				statement.setInt(1, 101);
				statement.setCharacterStream(2, new UnhashableReader("y"));
				assertThat(statement.executeUpdate()).isEqualTo(1);
			}
			this.db.ownerName(2);
			assertThat(this.db.count("pet")).isEqualTo(12);
			assertThat(request.report().incomplete()).isTrue();
			assertThat(request.report().statementCount()).isEqualTo(1);
			assertThat(method.report().incomplete()).isTrue();
			assertThat(request.report().format()).contains("incomplete: counting stopped after an internal error");
			assertThat(log.warnings()).singleElement()
				.satisfies((record) -> assertThat(record.getThrown()).hasMessage("cannot hash"));
			assertThat(log.debugs()).singleElement()
				.satisfies((record) -> assertThat(record.getThrown()).hasMessage("cannot hash"));
			assertThat(this.tracker.internalErrorCount()).isEqualTo(2);
		}
	}

	/**
	 * A parameter value whose {@code hashCode()} throws, standing for any internal
	 * failure while recording a statement.
	 */
	static final class UnhashableReader extends StringReader {

		UnhashableReader(String value) {
			super(value);
		}

		@Override
		public int hashCode() {
			throw new IllegalStateException("cannot hash");
		}

		@Override
		public boolean equals(Object other) {
			return this == other;
		}

	}

}
