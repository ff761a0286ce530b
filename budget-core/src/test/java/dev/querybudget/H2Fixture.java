package dev.querybudget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.testing.TestDatabases;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * An in-memory H2 database behind a real datasource-proxy {@code ProxyDataSource} that
 * feeds a tracker, with ten owners and a pet each.
 */
final class H2Fixture {

	final QueryBudgetTracker tracker;

	final DataSource raw;

	final DataSource proxied;

	H2Fixture(TrackerSettings settings) {
		this(QueryBudgetTracker.create(settings));
	}

	H2Fixture(QueryBudgetTracker tracker) {
		this.tracker = tracker;
		this.raw = TestDatabases.h2().dataSource();
		this.proxied = ProxyDataSourceBuilder.create(this.raw)
			.listener(new QueryBudgetExecutionListener(this.tracker))
			.build();
		try (Connection connection = this.raw.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create table owner (id int primary key, name varchar(100))");
			statement.execute("create table pet (id int primary key, owner_id int, name varchar(100))");
			for (int i = 1; i <= 10; i++) {
				statement.execute("insert into owner values (" + i + ", 'owner-secret-" + i + "')");
				statement.execute("insert into pet values (" + i + ", " + i + ", 'pet-secret-" + i + "')");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	H2Fixture() {
		this(TrackerSettings.ofDefaults());
	}

	/**
	 * Runs {@code select name from owner where id = ?} through the proxy.
	 */
	String ownerName(int id) throws SQLException {
		try (Connection connection = this.proxied.getConnection();
				PreparedStatement statement = connection.prepareStatement("select name from owner where id = ?")) {
			statement.setInt(1, id);
			try (ResultSet resultSet = statement.executeQuery()) {
				return resultSet.next() ? resultSet.getString(1) : "";
			}
		}
	}

	/**
	 * Runs {@code select id from pet where owner_id = ?} through the proxy.
	 */
	void petsOf(int ownerId) throws SQLException {
		query("select id from pet where owner_id = ?", ownerId);
	}

	/**
	 * Runs {@code select count(*) from pet where owner_id = ?} through the proxy.
	 */
	void countPetsOf(int ownerId) throws SQLException {
		query("select count(*) from pet where owner_id = ?", ownerId);
	}

	private void query(String sql, int key) throws SQLException {
		try (Connection connection = this.proxied.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, key);
			statement.executeQuery().close();
		}
	}

	/**
	 * Runs statements through the proxy.
	 */
	void execute(String... sql) throws SQLException {
		try (Connection connection = this.proxied.getConnection(); Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

	/**
	 * Counts rows without going through the proxy.
	 */
	long count(String table) throws SQLException {
		try (Connection connection = this.raw.getConnection();
				Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery("select count(*) from " + table)) {
			resultSet.next();
			return resultSet.getLong(1);
		}
	}

}
