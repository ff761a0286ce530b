package dev.querybudget.integration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import dev.querybudget.FingerprintCount;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.sql.SqlDialect;
import dev.querybudget.testing.TestDatabase;
import dev.querybudget.testing.TestDatabases;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresqlListenerIT extends AbstractListenerIT {

	@Override
	TestDatabase database() {
		return TestDatabases.postgresql();
	}

	@Override
	String tablePrefix() {
		return "qb_listener_pg_";
	}

	@Override
	SqlDialect expectedDialect() {
		return SqlDialect.POSTGRESQL;
	}

	@Test
	void arraysBoundAnewForEachStatementAreDuplicatesWhenTheirElementsAre() throws SQLException {
		// As Hibernate binds "id = any(?)" on PostgreSQL: a new PgArray per statement
		QueryBudgetTracker tracker = QueryBudgetTracker.create();
		DataSource proxied = ProxyDataSourceBuilder.create(database().dataSource())
			.listener(new QueryBudgetExecutionListener(tracker))
			.build();
		try (QueryScope scope = tracker.open(ScopeKind.REQUEST, "GET /owners/some")) {
			for (Integer[] ids : List.of(new Integer[] { 1, 2 }, new Integer[] { 1, 2 }, new Integer[] { 1, 2 },
					new Integer[] { 3 })) {
				try (Connection connection = proxied.getConnection();
						PreparedStatement statement = connection
							.prepareStatement("select name from " + tablePrefix() + "owner where id = any(?)")) {
					statement.setArray(1, connection.createArrayOf("int4", ids));
					statement.executeQuery().close();
				}
			}
			FingerprintCount count = scope.report().fingerprints().get(0);
			assertThat(count.distinctParameterSets()).isEqualTo(2);
			assertThat(count.duplicates()).isEqualTo(2);
		}
	}

}
