package dev.querybudget.sample;

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

	@DynamicPropertySource
	static void postgresql(DynamicPropertyRegistry registry) {
		TestDatabase database = TestDatabases.postgresql();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
		registry.add("spring.jpa.properties.hibernate.default_schema", () -> "budget_sample_it");
		registry.add("spring.jpa.properties.hibernate.hbm2ddl.create_namespaces", () -> "true");
	}

}
