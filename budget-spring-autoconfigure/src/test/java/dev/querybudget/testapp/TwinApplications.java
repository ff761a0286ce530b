package dev.querybudget.testapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.querybudget.testing.TestDatabase;
import dev.querybudget.testing.TestDatabases;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test application started twice on real ports over real PostgreSQL, each in its own
 * schema: once with Query Budget and once with {@code query-budget.enabled=false}, so
 * that a test can send both the same request and compare what the client gets. Tomcat
 * runs one request thread, so that consecutive requests share their container thread.
 */
final class TwinApplications implements AutoCloseable {

	private final Running withLibrary;

	private final Running withoutLibrary;

	private TwinApplications(Running withLibrary, Running withoutLibrary) {
		this.withLibrary = withLibrary;
		this.withoutLibrary = withoutLibrary;
	}

	/**
	 * Starts both applications from the given sources, in the schemas {@code <schema>_on}
	 * and {@code <schema>_off}, recreated empty, after running {@code setupSql} in each.
	 */
	static TwinApplications start(String schema, List<Class<?>> sources, String... setupSql) throws SQLException {
		TestDatabase database = TestDatabases.postgresql();
		Running off = Running.start(database, schema + "_off", false, sources, setupSql);
		try {
			return new TwinApplications(Running.start(database, schema + "_on", true, sources, setupSql), off);
		}
		catch (SQLException | RuntimeException ex) {
			off.close();
			throw ex;
		}
	}

	Running withLibrary() {
		return this.withLibrary;
	}

	Running withoutLibrary() {
		return this.withoutLibrary;
	}

	@Override
	public void close() {
		try {
			this.withLibrary.close();
		}
		finally {
			this.withoutLibrary.close();
		}
	}

	/**
	 * What a client gets.
	 */
	record Answer(int status, String body) {
	}

	/**
	 * One running application.
	 */
	static final class Running implements AutoCloseable {

		private final HttpClient client = HttpClient.newHttpClient();

		private final ConfigurableApplicationContext context;

		private final int port;

		private Running(ConfigurableApplicationContext context) {
			this.context = context;
			this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		}

		static Running start(TestDatabase database, String schema, boolean withLibrary, List<Class<?>> sources,
				String... setupSql) throws SQLException {
			try (Connection connection = database.dataSource().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("drop schema if exists " + schema + " cascade");
				statement.execute("create schema " + schema);
				statement.execute("set search_path to " + schema);
				for (String sql : setupSql) {
					statement.execute(sql);
				}
			}
			String url = database.url() + (database.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
			List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
					"--spring.datasource.username=" + database.user(),
					"--spring.datasource.password=" + database.password(), "--server.tomcat.threads.max=1",
					"--server.tomcat.threads.min-spare=1", "--query-budget.enabled=" + withLibrary));
			return new Running(new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
				.run(arguments.toArray(String[]::new)));
		}

		Answer get(String path) throws Exception {
			HttpResponse<String> response = this.client.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}

		<T> T bean(Class<T> type) {
			return this.context.getBean(type);
		}

		boolean hasBean(Class<?> type) {
			return this.context.getBeanProvider(type).getIfAvailable() != null;
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

}
