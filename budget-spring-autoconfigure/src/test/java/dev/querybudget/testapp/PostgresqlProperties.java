package dev.querybudget.testapp;

import dev.querybudget.testing.TestDatabase;
import dev.querybudget.testing.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points the test application at real PostgreSQL (from {@code QB_TEST_POSTGRES_URL}, else
 * Testcontainers, else a loud failure).
 */
final class PostgresqlProperties {

	private PostgresqlProperties() {
	}

	static void register(DynamicPropertyRegistry registry) {
		TestDatabase database = TestDatabases.postgresql();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

}
