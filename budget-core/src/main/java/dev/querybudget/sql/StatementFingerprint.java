package dev.querybudget.sql;

/**
 * The shape of a SQL statement: literals replaced, lists collapsed, comments dropped.
 * <p>
 * INTERIM CONTRACT (replaced by the fingerprinter work): equality is by {@link #hash()}.
 *
 * @since 0.1.0
 */
public final class StatementFingerprint {

	private final long hash;

	private final StatementKind kind;

	private final String normalizedSql;

	private final int sqlLength;

	private final boolean truncated;

	StatementFingerprint(long hash, StatementKind kind, String normalizedSql, int sqlLength, boolean truncated) {
		this.hash = hash;
		this.kind = kind;
		this.normalizedSql = normalizedSql;
		this.sqlLength = sqlLength;
		this.truncated = truncated;
	}

	/**
	 * Returns the 64-bit hash of the normalised shape.
	 * @return the hash
	 */
	public long hash() {
		return this.hash;
	}

	/**
	 * Returns what the statement does.
	 * @return the kind
	 */
	public StatementKind kind() {
		return this.kind;
	}

	/**
	 * Returns the normalised text: no literal values, no comments.
	 * @return the normalised SQL
	 */
	public String normalizedSql() {
		return this.normalizedSql;
	}

	/**
	 * Returns the length of the original statement.
	 * @return the number of characters
	 */
	public int sqlLength() {
		return this.sqlLength;
	}

	/**
	 * Returns whether only a prefix of the statement was read.
	 * @return {@code true} when the statement exceeded the configured maximum length
	 */
	public boolean truncated() {
		return this.truncated;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof StatementFingerprint that) && this.hash == that.hash;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.hash);
	}

	@Override
	public String toString() {
		return normalizedSql();
	}

}
