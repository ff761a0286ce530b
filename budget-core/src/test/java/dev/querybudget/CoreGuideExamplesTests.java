package dev.querybudget;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.jdbc.SequentialConnectionIdManager;
import dev.querybudget.jdbc.WrapperJdbcProxyFactory;
import dev.querybudget.sql.SqlDialect;
import dev.querybudget.testing.TestDatabases;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The examples of {@code docs/core.md}, so that the guide cannot drift from the code.
 */
@SuppressWarnings("try")
class CoreGuideExamplesTests {

	@Test
	void wiringTheListenerByHand() throws SQLException {
		DataSource dataSource = TestDatabases.h2().dataSource();
		// tag::wiring[]
		QueryBudgetTracker tracker = QueryBudgetTracker.create();
		DataSource proxied = WrapperJdbcProxyFactory.build(ProxyDataSourceBuilder.create(dataSource)
			.name("main")
			.connectionIdManager(new SequentialConnectionIdManager())
			.listener(new QueryBudgetExecutionListener(tracker)));
		// end::wiring[]
		DataSource explicit = ProxyDataSourceBuilder.create(dataSource)
			// tag::dialect[]
			.listener(new QueryBudgetExecutionListener(tracker, SqlDialect.POSTGRESQL))
			// end::dialect[]
			.build();
		try (QueryScope scope = tracker.open(ScopeKind.JOB, "wiring");
				Connection connection = proxied.getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeQuery("select 1").close();
			assertThat(scope.report().statementCount()).isEqualTo(1);
		}
		assertThat(explicit).isNotNull();
	}

	@Test
	void openingAndNestingScopes() throws SQLException {
		H2Fixture db = new H2Fixture();
		QueryBudgetTracker tracker = db.tracker;
		OwnerService ownerService = new OwnerService(db);
		// tag::nesting[]
		try (QueryScope request = tracker.open(ScopeKind.REQUEST, "GET /owners")) {
			ownerService.findOwner(1); // counts in the request
			try (QueryScope method = tracker.open(ScopeKind.METHOD, "OwnerService#findOwner")) {
				ownerService.findOwner(2); // counts in the method and in the request
				assertThat(method.report().statementCount()).isEqualTo(1);
			}
			assertThat(request.report().statementCount()).isEqualTo(2);
		}
		// end::nesting[]
	}

	@Test
	void attachingAScopeToAnotherThread() throws Exception {
		H2Fixture db = new H2Fixture();
		QueryBudgetTracker tracker = db.tracker;
		OwnerService ownerService = new OwnerService(db);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			// tag::attach[]
			try (QueryScope job = tracker.open(ScopeKind.JOB, "nightly-import")) {
				Future<?> done = executor.submit(() -> {
					try (QueryScope.Attachment attachment = job.attach()) {
						ownerService.findOwner(1); // counts in the job
					}
					return null;
				});
				done.get();
				assertThat(job.report().statementCount()).isEqualTo(1);
			}
			// end::attach[]
		}
		finally {
			executor.shutdown();
		}
	}

	@Test
	void contextPropagationAccessorRecipe() throws Exception {
		H2Fixture db = new H2Fixture();
		QueryBudgetTracker tracker = db.tracker;
		ScopeAccessor accessor = new ScopeAccessor(tracker);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try (QueryScope request = tracker.open(ScopeKind.REQUEST, "GET /owners")) {
			QueryScope captured = accessor.getValue();
			executor.submit(() -> {
				// what ContextSnapshot.setThreadLocals() and its Scope.close() do
				QueryScope previous = accessor.getValue();
				accessor.setValue(captured);
				db.ownerName(1);
				if (previous != null) {
					accessor.restore(previous);
				}
				else {
					accessor.restore();
				}
				assertThat(tracker.current()).isNull();
				return null;
			}).get(60, TimeUnit.SECONDS);
			assertThat(request.report().statementCount()).isEqualTo(1);
		}
		finally {
			executor.shutdown();
		}
	}

	@Test
	void enforcingABudget() throws SQLException {
		H2Fixture db = new H2Fixture();
		QueryBudgetTracker tracker = db.tracker;
		OwnerService ownerService = new OwnerService(db);
		// tag::budget[]
		Budget budget = Budget.builder()
			.maxStatements(20)
			.critical(25)
			.maxDuplicates(0)
			.nPlusOneThreshold(5)
			.maxDbTime(java.time.Duration.ofMillis(500))
			.build();
		// end::budget[]
		assertThatExceptionOfType(QueryBudgetExceededException.class).isThrownBy(() -> {
			// tag::fail[]
			try (QueryScope scope = tracker.open(ScopeKind.TEST, "owner page", budget, EnforcementMode.FAIL)) {
				ownerService.findOwner(1);
				ownerService.findOwner(1); // an exact duplicate: close() throws
			}
			// end::fail[]
		}).satisfies((ex) -> assertThat(ex.report().duplicateCount()).isEqualTo(1));
	}

	@Test
	void listeningToClosedScopes() {
		// tag::listener[]
		BudgetViolationListener alerting = new BudgetViolationListener() {

			@Override
			public void scopeClosed(ScopeReport report) {
				if (report.isBreached()) {
					System.out.println(report.name() + " is " + report.verdict());
				}
			}

		};
		QueryBudgetTracker tracker = QueryBudgetTracker.create(TrackerSettings.builder()
			.addListener(alerting)
			.addExcludedPackages("com.example.dao.")
			.maxFingerprintsPerScope(512)
			.build());
		// end::listener[]
		try (QueryScope scope = tracker.open(ScopeKind.CUSTOM, "listened")) {
			assertThat(scope.report().statementCount()).isZero();
		}
	}

	static final class OwnerService {

		private final H2Fixture db;

		OwnerService(H2Fixture db) {
			this.db = db;
		}

		String findOwner(int id) throws SQLException {
			return this.db.ownerName(id);
		}

	}

	/**
	 * The shape of a Micrometer context-propagation {@code ThreadLocalAccessor} over a
	 * tracker, without the dependency.
	 */
	// tag::accessor[]
	static final class ScopeAccessor /* implements ThreadLocalAccessor<QueryScope> */ {

		private final QueryBudgetTracker tracker;

		ScopeAccessor(QueryBudgetTracker tracker) {
			this.tracker = tracker;
		}

		public Object key() {
			return "query-budget.scope";
		}

		public @Nullable QueryScope getValue() {
			return this.tracker.current();
		}

		public void setValue(QueryScope scope) {
			scope.attach(); // the handle is not kept: restore() detaches
		}

		public void setValue() {
			// nothing to attach
		}

		public void restore(QueryScope previous) {
			this.tracker.restore(previous);
		}

		public void restore() {
			this.tracker.restore(null);
		}

	}
	// end::accessor[]

}
