package dev.querybudget.sql;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The lexical rules of a database family, as far as fingerprinting needs them.
 *
 * @since 0.1.0
 */
public enum SqlDialect {

	/**
	 * PostgreSQL: {@code "..."} is an identifier, dollar quotes and {@code E'...'}
	 * strings exist.
	 */
	POSTGRESQL,

	/**
	 * MySQL and MariaDB: {@code "..."} is a string, {@code #} starts a comment, backslash
	 * escapes.
	 */
	MYSQL,

	/** H2: {@code "..."} is an identifier, {@code //} starts a comment. */
	H2,

	/** Standard SQL: {@code "..."} is an identifier. */
	GENERIC;

	/**
	 * Returns the dialect for a JDBC {@code DatabaseMetaData#getDatabaseProductName()}
	 * value.
	 * @param productName the product name reported by the driver, or {@code null}
	 * @return the matching dialect, {@link #GENERIC} when unknown
	 */
	public static SqlDialect fromProductName(@Nullable String productName) {
		if (productName == null) {
			return GENERIC;
		}
		String name = productName.toLowerCase(Locale.ROOT);
		if (name.contains("postgres")) {
			return POSTGRESQL;
		}
		if (name.contains("mysql") || name.contains("mariadb")) {
			return MYSQL;
		}
		if (name.startsWith("h2")) {
			return H2;
		}
		return GENERIC;
	}

}
