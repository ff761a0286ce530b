package dev.querybudget.integration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.querybudget.CallSite;
import dev.querybudget.FingerprintCount;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.sql.SqlDialect;
import dev.querybudget.sql.SqlFingerprinter;
import dev.querybudget.sql.StatementKind;
import dev.querybudget.testing.TestDatabase;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The listener over a real database with plain JDBC: one scenario, run by a subclass per
 * database, each with tables of its own.
 */
abstract class AbstractListenerIT {

	private final QueryBudgetTracker tracker = QueryBudgetTracker.create();

	private final String owner = tablePrefix() + "owner";

	private final String pet = tablePrefix() + "pet";

	private DataSource raw;

	private DataSource proxied;

	abstract TestDatabase database();

	abstract String tablePrefix();

	abstract SqlDialect expectedDialect();

	@BeforeEach
	void createTables() throws SQLException {
		this.raw = database().dataSource();
		this.proxied = ProxyDataSourceBuilder.create(this.raw)
			.listener(new QueryBudgetExecutionListener(this.tracker))
			.build();
		try (Connection connection = this.raw.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("drop table if exists " + this.pet);
			statement.execute("drop table if exists " + this.owner);
			statement.execute("create table " + this.owner + " (id int primary key, name varchar(100))");
			statement.execute("create table " + this.pet + " (id int primary key, owner_id int, name varchar(100))");
			for (int i = 1; i <= 10; i++) {
				statement.execute("insert into " + this.owner + " values (" + i + ", 'owner-" + i + "')");
				statement.execute("insert into " + this.pet + " values (" + i + ", " + i + ", 'pet-" + i + "')");
			}
		}
	}

	@Test
	void countsPreparedAndPlainStatementsByKind() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "POST /owners");
				Connection connection = this.proxied.getConnection()) {
			try (PreparedStatement insert = connection
				.prepareStatement("insert into " + this.owner + " (id, name) values (?, ?)")) {
				insert.setInt(1, 11);
				insert.setString(2, "new");
				assertThat(insert.executeUpdate()).isEqualTo(1);
			}
			try (Statement statement = connection.createStatement()) {
				statement.executeQuery("select count(*) from " + this.owner).close();
				assertThat(statement.executeUpdate("update " + this.owner + " set name = 'renamed' where id > 8"))
					.isEqualTo(3);
				assertThat(statement.executeUpdate("delete from " + this.owner + " where id = 11")).isEqualTo(1);
			}
			ScopeReport report = scope.report();
			assertThat(report.statementCount()).isEqualTo(4);
			assertThat(report.statementCount(StatementKind.INSERT)).isEqualTo(1);
			assertThat(report.statementCount(StatementKind.SELECT)).isEqualTo(1);
			assertThat(report.statementCount(StatementKind.UPDATE)).isEqualTo(1);
			assertThat(report.statementCount(StatementKind.DELETE)).isEqualTo(1);
			assertThat(report.rowCount()).isEqualTo(5);
			assertThat(report.fingerprints()).hasSize(4);
			assertThat(report.batchCount()).isZero();
			assertThat(report.dbTime()).isPositive();
		}
	}

	@Test
	void preparedStatementBatchIsOneRoundTrip() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.JOB, "import");
				Connection connection = this.proxied.getConnection();
				PreparedStatement insert = connection
					.prepareStatement("insert into " + this.pet + " values (?, ?, ?)")) {
			for (int i = 100; i < 120; i++) {
				insert.setInt(1, i);
				insert.setInt(2, 1);
				insert.setString(3, "batched");
				insert.addBatch();
			}
			insert.executeBatch();
			ScopeReport report = scope.report();
			assertThat(report.statementCount()).isEqualTo(1);
			assertThat(report.batchCount()).isEqualTo(1);
			assertThat(report.batchedStatementCount()).isEqualTo(20);
			assertThat(report.fingerprints()).singleElement().satisfies((count) -> {
				assertThat(count.executions()).isEqualTo(1);
				assertThat(count.distinctParameterSets()).isEqualTo(1);
			});
			assertThat(report.nPlusOneSuspects()).isEmpty();
		}
		assertThat(count(this.pet)).isEqualTo(30);
	}

	@Test
	void plainStatementBatchIsOneRoundTrip() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.JOB, "cleanup");
				Connection connection = this.proxied.getConnection();
				Statement statement = connection.createStatement()) {
			statement.addBatch("update " + this.owner + " set name = 'a' where id = 1");
			statement.addBatch("update " + this.pet + " set name = 'b' where id = 2");
			statement.addBatch("delete from " + this.pet + " where id = 3");
			statement.executeBatch();
			ScopeReport report = scope.report();
			assertThat(report.statementCount()).isEqualTo(1);
			assertThat(report.statementCount(StatementKind.UPDATE)).isEqualTo(1);
			assertThat(report.batchCount()).isEqualTo(1);
			assertThat(report.batchedStatementCount()).isEqualTo(3);
			assertThat(report.fingerprints()).hasSize(3);
		}
		assertThat(count(this.pet)).isEqualTo(9);
	}

	@Test
	void nPlusOneLoopIsReportedAtItsCallSite() throws SQLException {
		StackTraceElement loop = null;
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners");
				Connection connection = this.proxied.getConnection();
				PreparedStatement pets = connection
					.prepareStatement("select id, name from " + this.pet + " where owner_id = ?")) {
			connection.createStatement().executeQuery("select id from " + this.owner).close();
			for (int id = 1; id <= 10; id++) {
				pets.setInt(1, id);
				StackTraceElement here = callerOf(pets.executeQuery());
				loop = (loop != null) ? loop : here;
			}
			ScopeReport report = scope.report();
			assertThat(report.statementCount()).isEqualTo(11);
			assertThat(report.fingerprints()).hasSize(2);
			FingerprintCount suspect = report.nPlusOneSuspects().get(0);
			assertThat(suspect.executions()).isEqualTo(10);
			assertThat(suspect.distinctParameterSets()).isEqualTo(10);
			assertThat(suspect.duplicates()).isZero();
			assertThat(suspect.fingerprint()).isEqualTo(SqlFingerprinter.create()
				.fingerprint("select id, name from " + this.pet + " where owner_id = ?", expectedDialect()));
			assertThat(suspect.callSite()).isEqualTo(new CallSite(AbstractListenerIT.class.getName(),
					"nPlusOneLoopIsReportedAtItsCallSite", "AbstractListenerIT.java", loop.getLineNumber()));
			assertThat(loop.getLineNumber()).isPositive();
		}
	}

	@Test
	void exactDuplicatesAreToldFromDistinctParameterSets() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners/1")) {
			assertThat(ownerName(1)).isEqualTo("owner-1");
			assertThat(ownerName(1)).isEqualTo("owner-1");
			assertThat(ownerName(1)).isEqualTo("owner-1");
			assertThat(ownerName(2)).isEqualTo("owner-2");
			ScopeReport report = scope.report();
			assertThat(report.statementCount()).isEqualTo(4);
			assertThat(report.duplicateCount()).isEqualTo(2);
			assertThat(report.duplicates()).singleElement().satisfies((count) -> {
				assertThat(count.executions()).isEqualTo(4);
				assertThat(count.distinctParameterSets()).isEqualTo(2);
				assertThat(count.callSite()).extracting(CallSite::methodName).isEqualTo("ownerName");
			});
		}
	}

	@Test
	void failingStatementIsCountedAsFailed() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /missing");
				Connection connection = this.proxied.getConnection();
				Statement statement = connection.createStatement()) {
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.executeQuery("select * from " + tablePrefix() + "missing"));
			ScopeReport report = scope.report();
			assertThat(report.statementCount()).isEqualTo(1);
			assertThat(report.failedStatementCount()).isEqualTo(1);
		}
	}

	private String ownerName(int id) throws SQLException {
		try (Connection connection = this.proxied.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("select name from " + this.owner + " where id = ?")) {
			statement.setInt(1, id);
			try (ResultSet resultSet = statement.executeQuery()) {
				return resultSet.next() ? resultSet.getString(1) : "";
			}
		}
	}

	private long count(String table) throws SQLException {
		try (Connection connection = this.raw.getConnection();
				Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery("select count(*) from " + table)) {
			resultSet.next();
			return resultSet.getLong(1);
		}
	}

	private static StackTraceElement callerOf(AutoCloseable resource) {
		try {
			resource.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return new Throwable().getStackTrace()[1];
	}

}
