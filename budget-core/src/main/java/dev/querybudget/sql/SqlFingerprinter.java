package dev.querybudget.sql;

import java.util.Objects;

/**
 * Turns SQL statements into {@link StatementFingerprint}s: their shape and a 64-bit hash,
 * so that statements differing only in literal values, parameters, comments, whitespace,
 * case or list length count as the same statement.
 * <p>
 * Fingerprinting is one pass of a lexer over the characters, with no regular expression,
 * no parser and no {@code String} built: a miss allocates the lexer's state and the
 * result. Results are cached per dialect in a bounded map keyed by the SQL string, so a
 * PreparedStatement executed again costs one map lookup. Instances are thread-safe, and
 * {@link #fingerprint(String, SqlDialect)} never throws.
 *
 * @since 0.1.0
 */
public final class SqlFingerprinter {

	private final FingerprintSettings settings;

	private final FingerprintCache[] caches;

	private final int maxCachedSqlLength;

	private SqlFingerprinter(FingerprintSettings settings) {
		this.settings = settings;
		this.maxCachedSqlLength = settings.maxCachedSqlLength();
		SqlDialect[] dialects = SqlDialect.values();
		this.caches = new FingerprintCache[(settings.cacheCapacity() > 0) ? dialects.length : 0];
		for (int i = 0; i < this.caches.length; i++) {
			this.caches[i] = new FingerprintCache(settings.cacheCapacity());
		}
	}

	/**
	 * Creates a fingerprinter with default settings.
	 * @return a new fingerprinter
	 */
	public static SqlFingerprinter create() {
		return create(FingerprintSettings.ofDefaults());
	}

	/**
	 * Creates a fingerprinter.
	 * @param settings its limits
	 * @return a new fingerprinter
	 */
	public static SqlFingerprinter create(FingerprintSettings settings) {
		return new SqlFingerprinter(Objects.requireNonNull(settings, "'settings' must not be null"));
	}

	/**
	 * Fingerprints a statement. Never throws.
	 * @param sql the statement text
	 * @param dialect the lexical rules to read it with
	 * @return its fingerprint
	 */
	public StatementFingerprint fingerprint(String sql, SqlDialect dialect) {
		FingerprintCache cache = null;
		if (this.caches.length > 0 && sql.length() <= this.maxCachedSqlLength) {
			cache = this.caches[dialect.ordinal()];
			StatementFingerprint cached = cache.get(sql);
			if (cached != null) {
				return cached;
			}
		}
		StatementFingerprint fingerprint = compute(sql, dialect);
		return (cache != null) ? cache.put(sql, fingerprint) : fingerprint;
	}

	private StatementFingerprint compute(String sql, SqlDialect dialect) {
		try {
			return FingerprintLexer.fingerprint(sql, dialect, this.settings.maxSqlLength());
		}
		catch (RuntimeException ex) {
			// Not expected (the tests feed the lexer random input), but a bug here must
			// never fail the caller's statement: fall back to an opaque shape of the raw
			// text
			return fallback(sql, dialect);
		}
	}

	private StatementFingerprint fallback(String sql, SqlDialect dialect) {
		int length = sql.length();
		long hash = 0x6a09e667f3bcc909L;
		for (int i = 0; i < length; i++) {
			hash = (hash ^ sql.charAt(i)) * 0x100000001b3L;
		}
		return new StatementFingerprint(hash, StatementKind.OTHER, false, "", dialect, length, false);
	}

	/**
	 * Returns how many fingerprints are cached for a dialect.
	 * @param dialect the dialect
	 * @return the number of cached fingerprints
	 */
	int cachedCount(SqlDialect dialect) {
		return (this.caches.length > 0) ? this.caches[dialect.ordinal()].size() : 0;
	}

	/**
	 * Returns how many fingerprints can be cached per dialect.
	 * @return the bound on the entry count of each dialect's cache
	 */
	int cacheBound() {
		return (this.caches.length > 0) ? this.caches[0].capacity() : 0;
	}

}
