package dev.querybudget.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.querybudget.Budget;
import dev.querybudget.EnforcementMode;
import dev.querybudget.FingerprintCount;
import dev.querybudget.QueryBudgetExceededException;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.sql.SqlDialect;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The wrappers count an execution directly when the Query Budget listener is their only
 * query listener, and through datasource-proxy's {@code ExecutionInfo} and
 * {@code QueryInfo} otherwise: both ways must record the same figures.
 */
final class DirectCountingTests {

	private static final AtomicInteger databases = new AtomicInteger();

	private final QueryBudgetTracker tracker = QueryBudgetTracker.create();

	private final JdbcDataSource h2 = new JdbcDataSource();

	private final List<String> seenByOtherListener = new ArrayList<>();

	DirectCountingTests() throws SQLException {
		this.h2.setURL("jdbc:h2:mem:direct-counting-" + databases.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
		try (Connection connection = this.h2.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create table item (id int primary key, name varchar(40), seen timestamp)");
			statement.execute("insert into item values (1, 'one', null), (2, 'two', null), (3, 'three', null)");
		}
	}

	@Test
	void directCountingRecordsWhatTheListenerRecordsThroughDatasourceProxysExecutionData() throws SQLException {
		ScopeReport direct = run(wrapped());
		ScopeReport throughExecutionData = run(wrapped(new OtherListener()));
		ScopeReport jdkProxies = run(ProxyDataSourceBuilder.create(this.h2)
			.listener(new QueryBudgetExecutionListener(this.tracker))
			.build());
		assertThat(this.seenByOtherListener).isNotEmpty();
		assertThat(direct.statementCount()).isEqualTo(14);
		assertThat(direct.failedStatementCount()).isEqualTo(1);
		assertThat(direct.rowCount()).isEqualTo(9);
		assertThat(direct.duplicateCount()).isEqualTo(5);
		assertThat(figures(direct)).containsExactlyElementsOf(figures(throughExecutionData))
			.containsExactlyElementsOf(figures(jdkProxies));
		assertThat(shapes(direct)).containsExactlyInAnyOrderElementsOf(shapes(throughExecutionData))
			.containsExactlyInAnyOrderElementsOf(shapes(jdkProxies))
			.contains("select name from item where id = ? x4, 2 sets, 2 duplicates",
					"update item set seen = ? where id = ? x2, 1 sets, 1 duplicates",
					"select count(*) from item x2, 1 sets, 1 duplicates",
					"update item set name = ? where id = ? x3, 2 sets, 1 duplicates");
	}

	@Test
	void statementGoesTheWayItsListenersGaveWhenItWasCreated() throws SQLException {
		ProxyDataSource dataSource = wrapped();
		try (QueryScope scope = this.tracker.open(ScopeKind.TEST, "test");
				Connection connection = dataSource.getConnection();
				PreparedStatement before = connection.prepareStatement("select name from item where id = ?")) {
			dataSource.getProxyConfig().getQueryListener().addListener(new OtherListener());
			before.setInt(1, 1);
			before.executeQuery().close();
			try (PreparedStatement after = connection.prepareStatement("select name from item where id = ?")) {
				after.setInt(1, 1);
				after.executeQuery().close();
			}
			assertThat(this.seenByOtherListener).hasSize(1);
			assertThat(scope.report().statementCount()).isEqualTo(2);
			assertThat(scope.report().duplicateCount()).isOne();
		}
	}

	@Test
	void statementsWithoutAScopeRunUncounted() throws SQLException {
		DataSource dataSource = wrapped();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("update item set name = ? where id = ?")) {
			statement.setString(1, "uno");
			statement.setInt(2, 1);
			assertThat(statement.executeUpdate()).isEqualTo(1);
		}
		assertThat(this.tracker.activeScopes()).isNull();
	}

	@Test
	void failFastScopeStopsTheStatementBeforeItRuns() throws SQLException {
		DataSource dataSource = wrapped();
		try (QueryScope scope = this.tracker.open(ScopeKind.TEST, "test", Budget.ofMaxStatements(1),
				EnforcementMode.FAIL_FAST); Connection connection = dataSource.getConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("update item set name = 'uno' where id = 1");
				assertThatExceptionOfType(QueryBudgetExceededException.class)
					.isThrownBy(() -> statement.executeUpdate("update item set name = 'dos' where id = 2"));
			}
			assertThat(scope.report().statementCount()).isEqualTo(1);
			assertThat(scope.report().rejectedStatementCount()).isEqualTo(1);
		}
		catch (QueryBudgetExceededException ex) {
			// closing the broken scope throws again
		}
		try (Connection connection = this.h2.getConnection(); Statement statement = connection.createStatement()) {
			var names = statement.executeQuery("select name from item where id = 2");
			names.next();
			assertThat(names.getString(1)).isEqualTo("two");
		}
	}

	private ProxyDataSource wrapped(QueryExecutionListener... others) {
		ProxyDataSourceBuilder builder = ProxyDataSourceBuilder.create(this.h2)
			.connectionIdManager(new SequentialConnectionIdManager())
			.listener(new QueryBudgetExecutionListener(this.tracker, SqlDialect.H2));
		for (QueryExecutionListener other : others) {
			builder.listener(other);
		}
		return WrapperJdbcProxyFactory.build(builder);
	}

	private ScopeReport run(DataSource dataSource) throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.TEST, "test");
				Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement select = connection.prepareStatement("select name from item where id = ?")) {
				for (int id : new int[] { 1, 2, 1, 2 }) {
					select.setInt(1, id);
					select.executeQuery().close();
				}
			}
			try (PreparedStatement update = connection.prepareStatement("update item set seen = ? where id = ?")) {
				Timestamp seen = Timestamp.valueOf("2026-11-23 10:00:00");
				for (int i = 0; i < 2; i++) {
					// a new calendar each time, as Hibernate binds an Instant
					update.setTimestamp(1, seen, Calendar.getInstance(TimeZone.getTimeZone("UTC")));
					update.setInt(2, 3);
					update.executeUpdate();
				}
			}
			try (PreparedStatement rename = connection.prepareStatement("update item set name = ? where id = ?")) {
				// the same batch twice, then another one
				for (String[] names : new String[][] { { "uno", "dos" }, { "uno", "dos" }, { "eins", "zwei" } }) {
					for (int id = 1; id <= 2; id++) {
						rename.setString(1, names[id - 1]);
						rename.setLong(2, id);
						rename.addBatch();
					}
					rename.executeBatch();
				}
			}
			try (Statement statement = connection.createStatement()) {
				statement.executeQuery("select count(*) from item").close();
				statement.executeQuery("select count(*) from item").close();
				statement.execute("select 1");
				statement.executeLargeUpdate("update item set name = name where id = 1");
				try {
					statement.execute("select * from no_such_table");
				}
				catch (SQLException expected) {
					// counted as a failed statement
				}
			}
			connection.rollback();
			return scope.report();
		}
	}

	private static List<Object> figures(ScopeReport report) {
		return List.of(report.statementCount(), report.statementsByKind(), report.rowCount(),
				report.failedStatementCount(), report.duplicateCount(), report.incomplete());
	}

	private static List<String> shapes(ScopeReport report) {
		List<String> shapes = new ArrayList<>();
		for (FingerprintCount count : report.fingerprints()) {
			shapes.add(count.fingerprint().normalizedSql() + " x" + count.executions() + ", "
					+ count.distinctParameterSets() + " sets, " + count.duplicates() + " duplicates");
		}
		return shapes;
	}

	private final class OtherListener implements QueryExecutionListener {

		@Override
		public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		}

		@Override
		public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
			DirectCountingTests.this.seenByOtherListener.add(queryInfoList.get(0).getQuery());
		}

	}

}
