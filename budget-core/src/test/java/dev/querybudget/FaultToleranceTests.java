package dev.querybudget;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.jdbc.WrapperJdbcProxyFactory;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The library's own failures: each is survived, logged once per source at WARNING (the
 * repeats at DEBUG) and counted; a scope its opener never closed is abandoned when the
 * unit of work around it leaves the thread, and can then be collected.
 */
@SuppressWarnings("try")
class FaultToleranceTests {

	private final List<ScopeReport> closed = new ArrayList<>();

	private final BudgetViolationListener recorder = new BudgetViolationListener() {

		@Override
		public void scopeClosed(ScopeReport report) {
			FaultToleranceTests.this.closed.add(report);
		}

	};

	private final H2Fixture db = new H2Fixture(TrackerSettings.builder().addListener(this.recorder).build());

	private final QueryBudgetTracker tracker = this.db.tracker;

	@Test
	void failingListenersAreLoggedOnceEachAndTheListenersAfterThemSeeEveryScope() {
		QueryBudgetTracker tracker = QueryBudgetTracker.create(TrackerSettings.builder()
			.addListener(new FailingListener())
			.addListener(new SecondFailingListener())
			.addListener(this.recorder)
			.build());
		try (LogCapture log = new LogCapture(QueryScope.class)) {
			for (int i = 0; i < 3; i++) {
				assertThatNoException().isThrownBy(() -> tracker.open(ScopeKind.JOB, "job").close());
			}
			assertThat(log.warnings()).hasSize(2)
				.anySatisfy((record) -> assertThat(record.getMessage()).startsWith(
						"BudgetViolationListener " + FailingListener.class.getName() + " failed for scope 'job'"))
				.anySatisfy((record) -> assertThat(record.getMessage())
					.startsWith("BudgetViolationListener " + SecondFailingListener.class.getName()))
				.allSatisfy((record) -> assertThat(record.getThrown()).hasMessage("registry is down"));
			assertThat(log.debugs()).hasSize(4);
		}
		assertThat(this.closed).hasSize(3);
		assertThat(tracker.internalErrorCount()).isEqualTo(6);
	}

	@Test
	void engineFailureRepeatedInEveryScopeIsLoggedOnceAndCountedInEach() throws SQLException {
		try (LogCapture log = new LogCapture(QueryScope.class)) {
			for (int i = 0; i < 3; i++) {
				try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "POST /pets")) {
					insertPetWithUnhashableName(100 + i);
					this.db.ownerName(1);
					assertThat(scope.report().incomplete()).isTrue();
					assertThat(scope.report().statementCount()).isZero();
				}
			}
			assertThat(this.db.count("pet")).isEqualTo(13);
			assertThat(log.warnings()).singleElement().satisfies((record) -> {
				assertThat(record.getMessage()).startsWith("Query budget scope 'POST /pets' stopped counting")
					.endsWith("counted by QueryBudgetTracker.internalErrorCount().");
				assertThat(record.getThrown()).hasMessage("cannot hash");
			});
			assertThat(log.debugs()).hasSize(2);
		}
		assertThat(this.closed).hasSize(3).allSatisfy((report) -> assertThat(report.incomplete()).isTrue());
		assertThat(this.tracker.internalErrorCount()).isEqualTo(3);
	}

	@Test
	void engineFailureWhileBindingOnTheWrappersIsLoggedOnceAndTheStatementRuns() throws SQLException {
		// the starter's way: the statements hash each parameter as it is bound
		DataSource wrapped = WrapperJdbcProxyFactory
			.build(ProxyDataSourceBuilder.create(this.db.raw).listener(new QueryBudgetExecutionListener(this.tracker)));
		try (LogCapture log = new LogCapture(QueryScope.class)) {
			for (int i = 0; i < 3; i++) {
				try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "POST /pets")) {
					insertPetWithUnhashableName(wrapped, 100 + i);
					assertThat(scope.report().incomplete()).isTrue();
					assertThat(scope.report().statementCount()).isZero();
				}
			}
			assertThat(this.db.count("pet")).isEqualTo(13);
			assertThat(log.warnings()).singleElement().satisfies((record) -> {
				assertThat(record.getMessage()).startsWith("Query budget scope 'POST /pets' stopped counting");
				assertThat(record.getThrown()).hasMessage("cannot hash");
			});
		}
		assertThat(this.closed).hasSize(3).allSatisfy((report) -> assertThat(report.incomplete()).isTrue());
		assertThat(this.tracker.internalErrorCount()).isEqualTo(3);
	}

	@Test
	void breachReportThatCannotBeLoggedIsAFaultLoggedOnceAndTheRequestGoesOn() throws SQLException {
		// The broken backend first: the library's records reach the capture only if it
		// lets them through
		try (RejectingHandler rejecting = new RejectingHandler(QueryScope.class, "Scope 'GET /owners'");
				LogCapture log = new LogCapture(QueryScope.class)) {
			for (int i = 0; i < 3; i++) {
				try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners", Budget.ofMaxStatements(1),
						EnforcementMode.LOG)) {
					this.db.ownerName(1);
					this.db.ownerName(2);
				}
			}
			assertThat(rejecting.rejected()).isEqualTo(3);
			assertThat(log.warnings()).singleElement().satisfies((record) -> {
				assertThat(record.getMessage())
					.startsWith("Query budget scope 'GET /owners' closed without its report after an internal error");
				assertThat(record.getThrown()).hasMessage("appender is down");
			});
			assertThat(log.debugs()).hasSize(2);
		}
		assertThat(this.closed).hasSize(3).allSatisfy((report) -> assertThat(report.statementCount()).isEqualTo(2));
		assertThat(this.tracker.internalErrorCount()).isEqualTo(3);
	}

	@Test
	void scopeLeftOpenInsideAnAttachmentIsAbandonedWhenTheAttachmentEnds() throws SQLException {
		try (LogCapture log = new LogCapture(QueryScope.class)) {
			QueryScope leaked = leakAScopeInRequest("GET /leaky", 1);
			assertThat(leaked.isClosed()).isTrue();
			assertThat(this.tracker.current()).isNull();
			assertThat(this.tracker.activeScopes()).isNull();
			QueryScope later = runRequest("GET /owners");
			assertThat(later.report().statementCount()).isEqualTo(1);
			assertThat(leaked.report().statementCount()).isEqualTo(1);
			assertThat(leaked.report().incomplete()).isTrue();
			leakAScopeInRequest("GET /leaky", 1);
			assertThat(log.warnings()).singleElement()
				.satisfies((record) -> assertThat(record.getMessage())
					.startsWith("Query budget scope 'leaky' was opened on thread '" + Thread.currentThread().getName()
							+ "' and never closed; it was abandoned when 'GET /leaky' left the thread"));
			assertThat(log.debugs()).hasSize(1);
		}
		assertThat(this.closed).extracting(ScopeReport::name)
			.containsExactly("GET /leaky", "GET /owners", "GET /leaky");
		assertThat(this.tracker.internalErrorCount()).isEqualTo(2);
	}

	@Test
	void scopeOpenedBeforeTheAttachmentStaysCurrentAfterIt() throws SQLException {
		try (QueryScope job = this.tracker.open(ScopeKind.JOB, "job")) {
			runRequest("GET /owners");
			assertThat(this.tracker.current()).isSameAs(job);
			this.db.ownerName(2);
			assertThat(job.report().statementCount()).isEqualTo(2);
		}
		assertThat(this.tracker.activeScopes()).isNull();
	}

	@Test
	void restoreAbandonsScopesOpenedInsideTheScopesItDetaches() throws SQLException {
		try (QueryScope job = this.tracker.open(ScopeKind.JOB, "job")) {
			QueryScope request = this.tracker.openDetached(ScopeKind.REQUEST, "GET /task", Budget.unlimited(),
					EnforcementMode.RECORD);
			request.attach();
			QueryScope leaked = this.tracker.open(ScopeKind.METHOD, "leaky");
			this.tracker.restore(job);
			assertThat(leaked.isClosed()).isTrue();
			assertThat(this.tracker.current()).isSameAs(job);
			this.db.ownerName(1);
			assertThat(job.report().statementCount()).isEqualTo(1);
			request.close();
		}
		assertThat(this.tracker.activeScopes()).isNull();
	}

	@Test
	void scopeNeverClosedOnAPooledThreadBecomesUnreachable() throws Exception {
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			WeakReference<QueryScope> leaked = pool
				.submit(() -> new WeakReference<>(leakAScopeInRequest("GET /leaky", 1)))
				.get(60, TimeUnit.SECONDS);
			// The next request on the same pooled thread
			assertThat(pool.submit(() -> runRequest("GET /owners").report().statementCount()).get(60, TimeUnit.SECONDS))
				.isEqualTo(1);
			for (int i = 0; i < 100 && leaked.get() != null; i++) {
				System.gc();
				Thread.sleep(10);
			}
			assertThat(leaked.get()).as("scope that was never closed, after GC").isNull();
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void sourcesBeyondTheCapAreLoggedAtDebugOnlyButStillCounted() {
		QueryScope request = this.tracker.openDetached(ScopeKind.REQUEST, "GET /owners", Budget.unlimited(),
				EnforcementMode.RECORD);
		try (LogCapture log = new LogCapture(QueryScope.class)) {
			for (int i = 0; i < FaultLog.MAX_SOURCES + 2; i++) {
				QueryScope leaked = this.tracker.openDetached(ScopeKind.METHOD, "leaky-" + i, Budget.unlimited(),
						EnforcementMode.RECORD);
				this.tracker.faults().scopeAbandoned(leaked, request, Thread.currentThread());
			}
			assertThat(log.warnings()).hasSize(FaultLog.MAX_SOURCES);
			assertThat(log.debugs()).hasSize(2);
		}
		assertThat(this.tracker.internalErrorCount()).isEqualTo(FaultLog.MAX_SOURCES + 2);
	}

	/**
	 * A request scope attached to this thread, as the servlet filter does, whose handler
	 * opens a scope and never closes it.
	 */
	private QueryScope leakAScopeInRequest(String name, int owner) throws SQLException {
		QueryScope request = this.tracker.openDetached(ScopeKind.REQUEST, name, Budget.unlimited(),
				EnforcementMode.RECORD);
		QueryScope leaked;
		try (QueryScope.Attachment attachment = request.attach()) {
			leaked = this.tracker.open(ScopeKind.METHOD, "leaky");
			this.db.ownerName(owner);
		}
		request.close();
		return leaked;
	}

	private QueryScope runRequest(String name) throws SQLException {
		QueryScope request = this.tracker.openDetached(ScopeKind.REQUEST, name, Budget.unlimited(),
				EnforcementMode.RECORD);
		try (QueryScope.Attachment attachment = request.attach()) {
			this.db.ownerName(1);
		}
		request.close();
		return request;
	}

	private void insertPetWithUnhashableName(int id) throws SQLException {
		insertPetWithUnhashableName(this.db.proxied, id);
	}

	private static void insertPetWithUnhashableName(DataSource dataSource, int id) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("insert into pet values (?, 1, ?)")) {
			statement.setInt(1, id);
			statement.setCharacterStream(2, new EnforcementTests.UnhashableReader("x"));
			statement.executeUpdate();
		}
	}

	/**
	 * A logging backend that throws on the records whose message starts with a prefix, as
	 * a broken appender would.
	 */
	private static final class RejectingHandler extends Handler implements AutoCloseable {

		private final Logger logger;

		private final String prefix;

		private int rejected;

		RejectingHandler(Class<?> source, String prefix) {
			this.logger = Logger.getLogger(source.getName());
			this.prefix = prefix;
			this.logger.addHandler(this);
		}

		int rejected() {
			return this.rejected;
		}

		@Override
		public void publish(LogRecord record) {
			if (record.getMessage().startsWith(this.prefix)) {
				this.rejected++;
				throw new IllegalStateException("appender is down");
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
			this.logger.removeHandler(this);
		}

	}

	static class FailingListener implements BudgetViolationListener {

		@Override
		public void scopeClosed(ScopeReport report) {
			throw new IllegalStateException("registry is down");
		}

	}

	static final class SecondFailingListener extends FailingListener {

	}

}
