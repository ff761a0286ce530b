package dev.querybudget.testing;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The databases of integration tests. Each database is found in this order:
 * <ol>
 * <li>the environment variable {@code QB_TEST_POSTGRES_URL} or the system property
 * {@code qb.test.postgres.url} (with {@code _USER}/{@code .user} and
 * {@code _PASSWORD}/{@code .password}, defaulting to {@code postgres} and an empty
 * password), likewise {@code QB_TEST_MARIADB_URL} (defaulting to {@code root});</li>
 * <li>one container per JVM when Docker is available;</li>
 * <li>otherwise an {@link IllegalStateException}: a test that needs a database fails
 * loudly, it is never skipped.</li>
 * </ol>
 *
 * @since 0.1.0
 */
public final class TestDatabases {

	private static final AtomicInteger h2Counter = new AtomicInteger();

	private static @Nullable TestDatabase postgresql;

	private static @Nullable TestDatabase mariadb;

	private TestDatabases() {
	}

	/**
	 * Returns the PostgreSQL database of the tests.
	 * @return its coordinates
	 * @throws IllegalStateException when neither {@code QB_TEST_POSTGRES_URL} nor Docker
	 * is available
	 */
	public static synchronized TestDatabase postgresql() {
		TestDatabase database = postgresql;
		if (database == null) {
			database = configured("postgres", "postgres");
			if (database == null) {
				requireDocker("PostgreSQL", "QB_TEST_POSTGRES_URL");
				PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
				container.start();
				database = new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
			}
			postgresql = database;
		}
		return database;
	}

	/**
	 * Returns the MariaDB database of the tests.
	 * @return its coordinates
	 * @throws IllegalStateException when neither {@code QB_TEST_MARIADB_URL} nor Docker
	 * is available
	 */
	public static synchronized TestDatabase mariadb() {
		TestDatabase database = mariadb;
		if (database == null) {
			database = configured("mariadb", "root");
			if (database == null) {
				requireDocker("MariaDB", "QB_TEST_MARIADB_URL");
				MariaDBContainer container = new MariaDBContainer("mariadb:11");
				container.start();
				database = new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
			}
			mariadb = database;
		}
		return database;
	}

	/**
	 * Returns a new, empty in-memory H2 database that lives until the JVM exits.
	 * @return its coordinates
	 */
	public static TestDatabase h2() {
		return new TestDatabase("jdbc:h2:mem:qb" + h2Counter.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
	}

	private static @Nullable TestDatabase configured(String name, String defaultUser) {
		String prefix = "QB_TEST_" + name.toUpperCase(Locale.ROOT) + "_URL";
		String url = setting(prefix, "qb.test." + name + ".url");
		if (url == null) {
			return null;
		}
		String upper = name.toUpperCase(Locale.ROOT);
		String user = setting("QB_TEST_" + upper + "_USER", "qb.test." + name + ".user");
		String password = setting("QB_TEST_" + upper + "_PASSWORD", "qb.test." + name + ".password");
		return new TestDatabase(url, (user != null) ? user : defaultUser, (password != null) ? password : "");
	}

	private static @Nullable String setting(String environmentVariable, String systemProperty) {
		String value = System.getProperty(systemProperty);
		if (value == null || value.isBlank()) {
			value = System.getenv(environmentVariable);
		}
		return (value == null || value.isBlank()) ? null : value;
	}

	private static void requireDocker(String database, String variable) {
		boolean docker;
		try {
			docker = DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			docker = false;
		}
		if (!docker) {
			throw new IllegalStateException("This test needs " + database + ": start Docker, or set " + variable
					+ " (and optionally " + variable.replace("_URL", "_USER") + " and "
					+ variable.replace("_URL", "_PASSWORD") + ") to the JDBC URL of a database it may write to.");
		}
	}

}
