package dev.querybudget.sql;

import org.jspecify.annotations.Nullable;

/**
 * The shape of a SQL statement: literals and parameters replaced by {@code ?}, lists
 * collapsed, comments dropped, whitespace and case folded. Statements with the same shape
 * have equal fingerprints, which is how repeated (N+1) and duplicate statements are
 * found.
 * <p>
 * Equality and {@link #hashCode()} use only the 64-bit {@link #hash()} of the shape; the
 * kind is read from the same text, so equal hashes have equal kinds. The normalised text
 * is rendered on first use, because only the shapes that end up in a report need it.
 *
 * @since 0.1.0
 */
public final class StatementFingerprint {

	private final long hash;

	private final StatementKind kind;

	private final boolean drawsFromSequence;

	private final String source;

	private final SqlDialect dialect;

	private final int sqlLength;

	private final boolean truncated;

	private @Nullable String normalizedSql;

	StatementFingerprint(long hash, StatementKind kind, boolean drawsFromSequence, String source, SqlDialect dialect,
			int sqlLength, boolean truncated) {
		this.hash = hash;
		this.kind = kind;
		this.drawsFromSequence = drawsFromSequence;
		this.source = source;
		this.dialect = dialect;
		this.sqlLength = sqlLength;
		this.truncated = truncated;
	}

	/**
	 * Returns the 64-bit hash of the normalised shape. For a truncated statement the
	 * total length is mixed in.
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
	 * Returns whether the statement draws from a sequence ({@code nextval('seq')},
	 * {@code NEXT VALUE FOR seq}): running it again with the same text returns a new
	 * value, so a repeat is never an exact duplicate.
	 * @return whether the statement calls a sequence
	 */
	public boolean drawsFromSequence() {
		return this.drawsFromSequence;
	}

	/**
	 * Returns the normalised text: no literal values, no comments. For a truncated
	 * statement, the text of the prefix that was read.
	 * @return the normalised SQL
	 */
	public String normalizedSql() {
		String normalized = this.normalizedSql;
		if (normalized == null) {
			// Racy but safe: String is immutable and every thread renders the same text
			normalized = FingerprintLexer.render(this.source, this.dialect);
			this.normalizedSql = normalized;
		}
		return normalized;
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

	/**
	 * Returns the dialect the statement was read with.
	 * @return the dialect
	 */
	public SqlDialect dialect() {
		return this.dialect;
	}

	@Override
	public boolean equals(@Nullable Object other) {
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
