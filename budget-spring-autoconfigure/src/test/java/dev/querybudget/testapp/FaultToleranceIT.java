package dev.querybudget.testapp;

import java.lang.ref.WeakReference;
import java.util.List;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeReport;
import dev.querybudget.testapp.TwinApplications.Answer;
import dev.querybudget.testapp.TwinApplications.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults of the database, of the meter registry, of the engine and of user code, on a
 * running server over real PostgreSQL: every request answers exactly as it does with
 * Query Budget switched off, each internal error is logged once, and a scope the
 * application never closed is let go.
 */
@ExtendWith(OutputCaptureExtension.class)
class FaultToleranceIT {

	private static TwinApplications applications;

	private static Running on;

	private static Running off;

	@BeforeAll
	static void start() throws Exception {
		applications = TwinApplications.start("qb_faults", List.of(TestApplication.class, FaultInjection.class),
				"create table qb_fault_probe (v text)");
		on = applications.withLibrary();
		off = applications.withoutLibrary();
		assertThat(off.hasBean(QueryBudgetTracker.class)).isFalse();
	}

	@AfterAll
	static void stop() {
		applications.close();
	}

	@BeforeEach
	void clearReports() {
		reports().clear();
		on.bean(FaultInjection.class).lastListener().clear();
	}

	@Test
	void connectionKilledMidRequestFailsExactlyAsWithoutTheLibraryAndThePoolRecovers() throws Exception {
		Answer expected = off.get("/faults/terminated");
		assertThat(expected.status()).isEqualTo(500);
		assertThat(expected.body()).startsWith("org.postgresql.util.PSQLException: ").contains("[SQLState 57P01]");
		assertThat(on.get("/faults/terminated")).isEqualTo(expected);
		ScopeReport report = reports().only("GET /faults/terminated");
		assertThat(report.statementCount()).isEqualTo(2);
		assertThat(report.failedStatementCount()).isEqualTo(1);
		assertThat(report.incomplete()).isFalse();
		for (int i = 0; i < 3; i++) {
			assertThat(on.get("/faults/backend").status()).isEqualTo(200);
		}
		assertThat(reports().named("GET /faults/backend", 3))
			.allSatisfy((closed) -> assertThat(closed.failedStatementCount()).isZero());
	}

	@Test
	void failingStatementsFailExactlyAsWithoutTheLibraryAndCountAsFailed() throws Exception {
		Answer syntax = off.get("/faults/syntax");
		assertThat(syntax.status()).isEqualTo(500);
		assertThat(syntax.body()).startsWith("org.springframework.jdbc.BadSqlGrammarException: ")
			.contains("org.postgresql.util.PSQLException: ERROR: syntax error at or near \"selec\"");
		assertThat(on.get("/faults/syntax")).isEqualTo(syntax);
		Answer duplicate = off.get("/faults/duplicate");
		assertThat(duplicate.status()).isEqualTo(500);
		assertThat(duplicate.body()).startsWith("org.springframework.dao.DuplicateKeyException: ")
			.contains("[SQLState 23505]");
		assertThat(on.get("/faults/duplicate")).isEqualTo(duplicate);
		assertThat(List.of(reports().only("GET /faults/syntax"), reports().only("GET /faults/duplicate")))
			.allSatisfy((report) -> {
				assertThat(report.statementCount()).isEqualTo(1);
				assertThat(report.failedStatementCount()).isEqualTo(1);
			});
	}

	@Test
	void unhandledStatementFailureReachesTheErrorPageExactlyAsWithoutTheLibrary() throws Exception {
		Answer expected = withoutTimestamp(off.get("/faults/unhandled/syntax"));
		assertThat(expected).isEqualTo(new Answer(500,
				"{\"status\":500,\"error\":\"Internal Server Error\",\"path\":\"/faults/unhandled/syntax\"}"));
		assertThat(withoutTimestamp(on.get("/faults/unhandled/syntax"))).isEqualTo(expected);
		ScopeReport report = reports().only("GET /faults/unhandled/syntax");
		assertThat(report.failedStatementCount()).isEqualTo(1);
	}

	@Test
	void failingMeterRegistryLeavesRequestsAloneAndOtherListenersSeeEveryScope(CapturedOutput output) throws Exception {
		FaultyMeterRegistry registry = on.bean(FaultyMeterRegistry.class);
		long errors = tracker().internalErrorCount();
		// A path no other test requests, so that its meters are not registered yet
		Answer expected = off.get("/owners/2");
		assertThat(expected).isEqualTo(new Answer(200, "owner-2"));
		try {
			registry.fail(FaultyMeterRegistry.Fault.REGISTER);
			for (int i = 0; i < 3; i++) {
				assertThat(on.get("/owners/2")).isEqualTo(expected);
			}
			registry.fail(FaultyMeterRegistry.Fault.RECORD);
			for (int i = 0; i < 3; i++) {
				assertThat(on.get("/owners/2")).isEqualTo(expected);
			}
		}
		finally {
			registry.fail(FaultyMeterRegistry.Fault.NONE);
		}
		assertThat(on.bean(FaultInjection.class).lastListener().named("GET /owners/{id}", 6))
			.allSatisfy((report) -> assertThat(report.statementCount()).isEqualTo(1));
		// Three refused registrations, then three failed records
		assertThat(tracker().internalErrorCount() - errors).isEqualTo(6);
		assertThat(warnings(output,
				"BudgetViolationListener dev.querybudget.autoconfigure.metrics.QueryBudgetMetrics failed"))
			.hasSize(1);
		assertThat(output.getAll()).contains("java.lang.IllegalStateException: Registry refused query.budget.");
	}

	@Test
	void engineFailureInsideTheListenerLeavesTheStatementAndRequestAloneAndIsLoggedOnce(CapturedOutput output)
			throws Exception {
		long errors = tracker().internalErrorCount();
		for (int i = 0; i < 3; i++) {
			Answer expected = off.get("/faults/unhashable");
			assertThat(expected).isEqualTo(new Answer(200, "1"));
			assertThat(on.get("/faults/unhashable")).isEqualTo(expected);
		}
		assertThat(on.bean(JdbcTemplate.class).queryForObject("select count(*) from qb_fault_probe", Long.class))
			.isEqualTo(3);
		assertThat(reports().named("GET /faults/unhashable", 3))
			.allSatisfy((report) -> assertThat(report.incomplete()).isTrue());
		assertThat(tracker().internalErrorCount() - errors).isEqualTo(3);
		assertThat(warnings(output,
				"Query budget scope 'GET /faults/unhashable' stopped counting after an internal error"))
			.hasSize(1);
		assertThat(output.getAll()).contains("java.lang.IllegalStateException: hashCode exploded");
	}

	@Test
	void scopeTheHandlerNeverClosedIsAbandonedLoggedOnceAndCollected(CapturedOutput output) throws Exception {
		Answer expected = off.get("/faults/leak");
		assertThat(expected).isEqualTo(new Answer(200, "6"));
		assertThat(on.get("/faults/leak")).isEqualTo(expected);
		// Held until its checks are done: once abandoned, the scope may be collected at
		// any
		// collection
		QueryScope first = on.bean(FaultController.class).leaked();
		assertThat(first).isNotNull();
		WeakReference<QueryScope> leaked = new WeakReference<>(first);
		// Tomcat has one request thread: these run where the scope was left open
		for (int i = 0; i < 3; i++) {
			assertThat(on.get("/pets/count")).isEqualTo(off.get("/pets/count"));
		}
		assertThat(first.isClosed()).isTrue();
		assertThat(first.report().statementCount()).isEqualTo(1);
		first = null;
		assertThat(reports().named("GET /pets/count", 3))
			.allSatisfy((report) -> assertThat(report.statementCount()).isEqualTo(1));
		assertThat(on.get("/faults/leak")).isEqualTo(expected);
		reports().named("GET /faults/leak", 2);
		assertThat(warnings(output, "Query budget scope 'FaultController#leak' was opened on thread")).hasSize(1);
		assertThat(output.getAll()).contains("it was abandoned when 'GET /faults/leak' left the thread");
		for (int i = 0; i < 100 && (leaked.get() != null || on.bean(FaultController.class).leaked() != null); i++) {
			System.gc();
			Thread.sleep(10);
		}
		assertThat(leaked.get()).as("first scope never closed, after GC").isNull();
		assertThat(on.bean(FaultController.class).leaked()).as("second scope never closed, after GC").isNull();
	}

	private static Answer withoutTimestamp(Answer answer) {
		return new Answer(answer.status(), answer.body().replaceFirst("\"timestamp\":\"[^\"]*\",", ""));
	}

	private static CapturedReports reports() {
		return on.bean(CapturedReports.class);
	}

	private static QueryBudgetTracker tracker() {
		return on.bean(QueryBudgetTracker.class);
	}

	/**
	 * The WARN lines that carry a message: repeats go to DEBUG, which another test of
	 * this JVM may have switched on for the library's loggers.
	 */
	private static List<String> warnings(CapturedOutput output, String message) {
		return output.getAll().lines().filter((line) -> line.contains(" WARN ") && line.contains(message)).toList();
	}

}
