package dev.querybudget.testing;

import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where a test database is and how to log in to it.
 *
 * @param url the JDBC URL
 * @param user the user name
 * @param password the password, possibly empty
 * @since 0.1.0
 */
public record TestDatabase(String url, String user, String password) {

	/**
	 * Validates the coordinates.
	 */
	public TestDatabase {
		Objects.requireNonNull(url, "'url' must not be null");
		Objects.requireNonNull(user, "'user' must not be null");
		Objects.requireNonNull(password, "'password' must not be null");
	}

	/**
	 * Returns a non-pooling DataSource of the database's own driver.
	 * @return a new DataSource
	 */
	public DataSource dataSource() {
		if (this.url.startsWith("jdbc:postgresql:")) {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setURL(this.url);
			dataSource.setUser(this.user);
			dataSource.setPassword(this.password);
			return dataSource;
		}
		if (this.url.startsWith("jdbc:mariadb:") || this.url.startsWith("jdbc:mysql:")) {
			try {
				MariaDbDataSource dataSource = new MariaDbDataSource(this.url);
				dataSource.setUser(this.user);
				dataSource.setPassword(this.password);
				return dataSource;
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Invalid MariaDB URL '" + this.url + "'", ex);
			}
		}
		if (this.url.startsWith("jdbc:h2:")) {
			JdbcDataSource dataSource = new JdbcDataSource();
			dataSource.setURL(this.url);
			dataSource.setUser(this.user);
			dataSource.setPassword(this.password);
			return dataSource;
		}
		throw new IllegalStateException("No DataSource for URL '" + this.url + "'; use PostgreSQL, MariaDB or H2");
	}

}
