package dev.querybudget.sample;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.querybudget.testing.TestDatabase;
import dev.querybudget.testing.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample on real PostgreSQL (from {@code QB_TEST_POSTGRES_URL}, else Testcontainers,
 * else a loud failure), in a schema of its own so that it never touches the tables of
 * other tests sharing the database.
 */
class PostgresqlSampleIT extends AbstractSampleTests {

	private static final String SCHEMA = "budget_sample_it";

	@DynamicPropertySource
	static void postgresql(DynamicPropertyRegistry registry) throws SQLException {
		TestDatabase database = TestDatabases.postgresql();
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create schema if not exists " + SCHEMA);
		}
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
		registry.add("spring.jpa.properties.hibernate.default_schema", () -> SCHEMA);
	}

}
