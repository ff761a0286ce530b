package dev.querybudget.sql;

/**
 * Limits of a {@link SqlFingerprinter}.
 *
 * @param maxSqlLength statements longer than this are fingerprinted on this many leading
 * characters plus their total length
 * @param cacheCapacity how many fingerprints are cached per dialect, {@code 0} disables
 * the cache
 * @param maxCachedSqlLength statements longer than this are never cached
 * @since 0.1.0
 */
public record FingerprintSettings(int maxSqlLength, int cacheCapacity, int maxCachedSqlLength) {

	/**
	 * Default of {@link #maxSqlLength()}: 64 Ki characters.
	 */
	public static final int DEFAULT_MAX_SQL_LENGTH = 64 * 1024;

	/**
	 * Default of {@link #cacheCapacity()}.
	 */
	public static final int DEFAULT_CACHE_CAPACITY = 2048;

	/**
	 * Default of {@link #maxCachedSqlLength()}: 4 Ki characters.
	 */
	public static final int DEFAULT_MAX_CACHED_SQL_LENGTH = 4 * 1024;

	/**
	 * Validates the settings.
	 */
	public FingerprintSettings {
		if (maxSqlLength < 1) {
			throw new IllegalArgumentException("'maxSqlLength' must be at least 1, but was " + maxSqlLength);
		}
		if (cacheCapacity < 0) {
			throw new IllegalArgumentException("'cacheCapacity' must not be negative, but was " + cacheCapacity);
		}
		if (maxCachedSqlLength < 0) {
			throw new IllegalArgumentException(
					"'maxCachedSqlLength' must not be negative, but was " + maxCachedSqlLength);
		}
	}

	/**
	 * Returns the default settings.
	 * @return 64 Ki character statements, 2048 cached fingerprints per dialect,
	 * statements up to 4 Ki characters cached (docs/performance.md measures the memory
	 * this bounds)
	 */
	public static FingerprintSettings ofDefaults() {
		return new FingerprintSettings(DEFAULT_MAX_SQL_LENGTH, DEFAULT_CACHE_CAPACITY, DEFAULT_MAX_CACHED_SQL_LENGTH);
	}

}
