package dev.querybudget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.testing.TestDatabases;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "In 30 seconds" example of the README, so that the front door cannot drift from the
 * code.
 */
class ReadmeExampleTests {

	@Test
	void readmeExampleFindsTheNPlusOneAndTheDuplicate() throws SQLException {
		DataSource pool = TestDatabases.h2().dataSource();
		createProfiles(pool);
		ScopeReport seen;
		// README: begin
		QueryBudgetTracker tracker = QueryBudgetTracker.create();
		DataSource dataSource = ProxyDataSourceBuilder.create(pool)
			.listener(new QueryBudgetExecutionListener(tracker))
			.build();
		// README: wiring ends
		Profiles profiles = new Profiles(dataSource);
		String username = "alice";
		Budget budget = Budget.builder().maxStatements(20).critical(25).maxDuplicates(0).build();
		try (QueryScope scope = tracker.open(ScopeKind.REQUEST, "GET /profiles/{username}", budget,
				EnforcementMode.LOG)) {
			profiles.load(username);
			ScopeReport report = scope.report();
			report.statementCount();
			seen = report;
		}
		// README: end
		assertThat(seen.statementCount()).isEqualTo(2 + 1 + 6);
		assertThat(seen.verdict()).isEqualTo(Verdict.OVER);
		assertThat(seen.duplicateCount()).isEqualTo(1);
		assertThat(seen.nPlusOneSuspects()).singleElement()
			.satisfies((shape) -> assertThat(shape.distinctParameterSets()).isEqualTo(6));
		assertThat(seen.format()).contains("ReadmeExampleTests$Profiles.gameName(ReadmeExampleTests.java:")
			.doesNotContain("alice")
			.doesNotContain("valorant");
	}

	private static void createProfiles(DataSource pool) throws SQLException {
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create table users (id int primary key, username varchar(50))");
			statement.execute("create table game_passports (id int primary key, user_id int, game_id int)");
			statement.execute("create table games (id int primary key, name varchar(50))");
			statement.execute("insert into users values (1, 'alice')");
			for (int i = 1; i <= 6; i++) {
				statement.execute("insert into games values (" + i + ", 'valorant-" + i + "')");
				statement.execute("insert into game_passports values (" + i + ", 1, " + i + ")");
			}
		}
	}

	/**
	 * A profile page written the naive way: the user twice, then one game lookup per
	 * passport.
	 */
	static final class Profiles {

		private final DataSource dataSource;

		Profiles(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		void load(String username) throws SQLException {
			try (Connection connection = this.dataSource.getConnection()) {
				int userId = userId(connection, username);
				userId(connection, username);
				try (PreparedStatement passports = connection
					.prepareStatement("select game_id from game_passports where user_id = ?")) {
					passports.setInt(1, userId);
					try (ResultSet rows = passports.executeQuery()) {
						while (rows.next()) {
							gameName(connection, rows.getInt(1));
						}
					}
				}
			}
		}

		private int userId(Connection connection, String username) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement("select id from users where username = ?")) {
				statement.setString(1, username);
				try (ResultSet rows = statement.executeQuery()) {
					rows.next();
					return rows.getInt(1);
				}
			}
		}

		private String gameName(Connection connection, int gameId) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement("select name from games where id = ?")) {
				statement.setInt(1, gameId);
				try (ResultSet rows = statement.executeQuery()) {
					rows.next();
					return rows.getString(1);
				}
			}
		}

	}

}
