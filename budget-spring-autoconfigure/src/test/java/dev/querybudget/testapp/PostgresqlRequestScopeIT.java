package dev.querybudget.testapp;

import dev.querybudget.testing.TestDatabase;
import dev.querybudget.testing.TestDatabases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The test application over real PostgreSQL (from {@code QB_TEST_POSTGRES_URL}, else
 * Testcontainers, else a loud failure).
 */
@SpringBootTest(classes = TestApplication.class)
@AutoConfigureMockMvc
class PostgresqlRequestScopeIT extends AbstractRequestScopeTests {

	@DynamicPropertySource
	static void postgresql(DynamicPropertyRegistry registry) {
		TestDatabase database = TestDatabases.postgresql();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

}
