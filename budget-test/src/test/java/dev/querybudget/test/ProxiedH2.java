package dev.querybudget.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.testing.TestDatabases;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * A fresh in-memory H2 database behind a DataSource proxied for a tracker of its own: the
 * plain, Spring-free set-up of the fast tests.
 */
final class ProxiedH2 {

	final QueryBudgetTracker tracker = QueryBudgetTracker.create();

	final DataSource dataSource = ProxyDataSourceBuilder.create(TestDatabases.h2().dataSource())
		.listener(new QueryBudgetExecutionListener(this.tracker))
		.build();

	/**
	 * Runs statements without parameters.
	 */
	void execute(String... sql) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs one query per id.
	 */
	void selectEach(String sql, int ids) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int id = 1; id <= ids; id++) {
				statement.setInt(1, id);
				statement.executeQuery().close();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
