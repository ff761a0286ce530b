package dev.querybudget.test.app;

import javax.sql.DataSource;

import dev.querybudget.testing.TestDatabases;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Authors and their books, with endpoints and service methods that load them well and
 * badly, over the real PostgreSQL of the integration tests ({@code QB_TEST_POSTGRES_URL},
 * else Testcontainers, else a loud failure).
 */
@SpringBootApplication
public class LibraryApplication {

	@Bean
	DataSource dataSource() {
		return TestDatabases.postgresql().dataSource();
	}

}
