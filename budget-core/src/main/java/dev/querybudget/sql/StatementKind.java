package dev.querybudget.sql;

/**
 * What a SQL statement does, read from its leading keywords.
 *
 * @since 0.1.0
 */
public enum StatementKind {

	/**
	 * A query: {@code SELECT}, {@code WITH ... SELECT}, {@code VALUES}, {@code TABLE}.
	 */
	SELECT,

	/** An {@code INSERT} or {@code REPLACE}. */
	INSERT,

	/** An {@code UPDATE}. */
	UPDATE,

	/** A {@code DELETE}. */
	DELETE,

	/** A {@code MERGE} or upsert. */
	MERGE,

	/**
	 * A stored procedure call: {@code CALL}, {@code EXEC} or JDBC escape {@code {call
	 * ...}}.
	 */
	CALL,

	/**
	 * Schema definition: {@code CREATE}, {@code ALTER}, {@code DROP}, {@code TRUNCATE}
	 * and similar.
	 */
	DDL,

	/**
	 * Anything else: transaction control, {@code SET}, {@code SHOW}, unreadable input.
	 */
	OTHER

}
