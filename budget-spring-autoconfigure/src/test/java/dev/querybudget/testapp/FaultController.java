package dev.querybudget.testapp;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import javax.sql.DataSource;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.testing.UnhashableParameter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Handlers that meet database faults, or that are broken themselves, on PostgreSQL. Each
 * answers the same with and without Query Budget; an exception is answered with its whole
 * cause chain, so that a test sees exactly what the application saw.
 */
@RestController
public class FaultController {

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final Environment environment;

	private final ObjectProvider<QueryBudgetTracker> tracker;

	private volatile WeakReference<@Nullable QueryScope> leaked = new WeakReference<>(null);

	public FaultController(DataSource dataSource, JdbcTemplate jdbc, Environment environment,
			ObjectProvider<QueryBudgetTracker> tracker) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.environment = environment;
		this.tracker = tracker;
	}

	/**
	 * Reads its connection's backend pid, has another connection (plain JDBC, outside the
	 * application's DataSource) terminate that backend, then runs a further statement on
	 * the dead connection.
	 */
	@GetMapping("/faults/terminated")
	public String terminated() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			int pid = backendPid(connection);
			terminate(pid);
			try (PreparedStatement statement = connection.prepareStatement("select count(*) from qb_owner")) {
				statement.executeQuery().close();
			}
			return "survived " + pid;
		}
	}

	@GetMapping("/faults/backend")
	public int backend() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			return backendPid(connection);
		}
	}

	@GetMapping("/faults/syntax")
	public Long syntax() {
		return this.jdbc.queryForObject("selec count(*) from qb_owner", Long.class);
	}

	@GetMapping("/faults/duplicate")
	public int duplicate() {
		return this.jdbc.update("insert into qb_owner (id, name) values (?, ?)", 1L, "again");
	}

	/**
	 * Binds a parameter whose {@code hashCode()} throws: the statement is fine, Query
	 * Budget's recording of it fails.
	 */
	@GetMapping("/faults/unhashable")
	public int unhashable() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("insert into qb_fault_probe (v) values (?)")) {
			// The driver binds an OTHER value as its toString(), which the parameter
			// supports
			statement.setObject(1, new UnhashableParameter("exploding-hash"), Types.OTHER);
			return statement.executeUpdate();
		}
	}

	/**
	 * Broken user code: opens a scope and never closes it.
	 */
	@GetMapping("/faults/leak")
	public long leak() {
		QueryBudgetTracker tracker = this.tracker.getIfAvailable();
		if (tracker != null) {
			this.leaked = new WeakReference<>(tracker.open(ScopeKind.METHOD, "FaultController#leak"));
		}
		return this.jdbc.queryForObject("select count(*) from qb_pet", Long.class);
	}

	@Nullable QueryScope leaked() {
		return this.leaked.get();
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<String> failure(Exception ex) {
		StringBuilder chain = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			chain.append(cause.getClass().getName()).append(": ").append(cause.getMessage());
			if (cause instanceof SQLException sql) {
				chain.append(" [SQLState ").append(sql.getSQLState()).append(']');
			}
			chain.append('\n');
		}
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(chain.toString());
	}

	private static int backendPid(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select pg_backend_pid()");
				ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getInt(1);
		}
	}

	private void terminate(int pid) throws SQLException {
		try (Connection admin = DriverManager.getConnection(
				this.environment.getRequiredProperty("spring.datasource.url"),
				this.environment.getRequiredProperty("spring.datasource.username"),
				this.environment.getProperty("spring.datasource.password", ""));
				PreparedStatement statement = admin.prepareStatement("select pg_terminate_backend(?, 10000)")) {
			statement.setInt(1, pid);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				if (!result.getBoolean(1)) {
					throw new IllegalStateException("Backend " + pid + " was not terminated");
				}
			}
		}
	}

}
