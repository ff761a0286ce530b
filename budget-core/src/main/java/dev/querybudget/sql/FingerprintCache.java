package dev.querybudget.sql;

import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * A bounded cache of fingerprints keyed by the SQL string.
 * <p>
 * A hit is one {@link ConcurrentHashMap#get(Object)}: no lock, no allocation, and since
 * datasource-proxy passes the PreparedStatement's own String on every execution, its hash
 * code is already cached and {@code equals} succeeds on identity. The entries are spread
 * over up to 16 segments by the high bits of the string hash; a segment that is full is
 * cleared before the next insert. Clearing a segment costs the next few statements a miss
 * (about a microsecond each) but needs no bookkeeping on the hit path, unlike LRU.
 * Inserts take the monitor of the segment's map, so the bound is exact: never more than
 * {@link #capacity()} entries.
 */
final class FingerprintCache {

	private static final int MAX_SEGMENTS = 16;

	// The segments, each a map of its own and the monitor of its inserts: no wrapper
	// object between the array and the map on the lookup path
	private final ConcurrentHashMap<String, StatementFingerprint>[] segments;

	private final int shift;

	private final int segmentCapacity;

	FingerprintCache(int capacity) {
		int count = 1;
		while (count < MAX_SEGMENTS && count * 2 <= capacity) {
			count *= 2;
		}
		this.segmentCapacity = capacity / count;
		this.segments = newSegments(count, this.segmentCapacity);
		this.shift = 32 - Integer.numberOfTrailingZeros(count);
	}

	/**
	 * Returns the cached fingerprint of a statement.
	 * @param sql the statement
	 * @return the fingerprint, or {@code null} on a miss
	 */
	@Nullable StatementFingerprint get(String sql) {
		return segment(sql).get(sql);
	}

	/**
	 * Caches a fingerprint, unless another thread cached one first.
	 * @param sql the statement
	 * @param fingerprint its fingerprint
	 * @return the cached fingerprint, which callers should use
	 */
	StatementFingerprint put(String sql, StatementFingerprint fingerprint) {
		ConcurrentHashMap<String, StatementFingerprint> segment = segment(sql);
		synchronized (segment) {
			StatementFingerprint existing = segment.get(sql);
			if (existing != null) {
				return existing;
			}
			if (segment.size() >= this.segmentCapacity) {
				segment.clear();
			}
			segment.put(sql, fingerprint);
			return fingerprint;
		}
	}

	/**
	 * Returns the most entries this cache holds: the capacity it was created with,
	 * rounded down to a multiple of its segment count.
	 * @return the bound on the entry count
	 */
	int capacity() {
		return this.segmentCapacity * this.segments.length;
	}

	/**
	 * Returns how many entries are cached now.
	 * @return the entry count
	 */
	int size() {
		int size = 0;
		for (ConcurrentHashMap<String, StatementFingerprint> segment : this.segments) {
			size += segment.size();
		}
		return size;
	}

	private ConcurrentHashMap<String, StatementFingerprint> segment(String sql) {
		// The high bits pick the segment; ConcurrentHashMap indexes its table with the
		// low bits, so the two stay independent
		int index = (this.shift == 32) ? 0 : ((sql.hashCode() * 0x9E3779B9) >>> this.shift);
		return this.segments[index];
	}

	@SuppressWarnings("unchecked")
	private static ConcurrentHashMap<String, StatementFingerprint>[] newSegments(int count, int capacity) {
		ConcurrentHashMap<String, StatementFingerprint>[] segments = new ConcurrentHashMap[count];
		for (int i = 0; i < count; i++) {
			segments[i] = new ConcurrentHashMap<>(Math.max(16, capacity + capacity / 3 + 1));
		}
		return segments;
	}

}
