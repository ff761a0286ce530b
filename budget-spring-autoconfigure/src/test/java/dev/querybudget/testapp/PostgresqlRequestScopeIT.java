package dev.querybudget.testapp;

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
		PostgresqlProperties.register(registry);
	}

}
