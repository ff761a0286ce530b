package dev.querybudget.sql;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the fingerprint cache of {@link SqlFingerprinter}.
 */
class FingerprintCacheTests {

	@Test
	void returnsTheSameInstanceOnAHit() {
		SqlFingerprinter fingerprinter = SqlFingerprinter.create();
		String sql = "select * from t where id = ?";
		StatementFingerprint first = fingerprinter.fingerprint(sql, SqlDialect.POSTGRESQL);
		assertThat(fingerprinter.fingerprint(sql, SqlDialect.POSTGRESQL)).isSameAs(first);
		assertThat(fingerprinter.fingerprint(new String(sql), SqlDialect.POSTGRESQL)).isSameAs(first);
		assertThat(fingerprinter.cachedCount(SqlDialect.POSTGRESQL)).isOne();
	}

	@Test
	void cachesEachDialectSeparately() {
		SqlFingerprinter fingerprinter = SqlFingerprinter.create();
		String sql = "select \"a\" from t";
		StatementFingerprint postgresql = fingerprinter.fingerprint(sql, SqlDialect.POSTGRESQL);
		StatementFingerprint mysql = fingerprinter.fingerprint(sql, SqlDialect.MYSQL);
		assertThat(mysql).isNotEqualTo(postgresql);
		assertThat(mysql.normalizedSql()).isEqualTo("select ? from t");
		assertThat(fingerprinter.cachedCount(SqlDialect.POSTGRESQL)).isOne();
		assertThat(fingerprinter.cachedCount(SqlDialect.MYSQL)).isOne();
	}

	@Test
	void neverHoldsMoreThanItsCapacity() {
		SqlFingerprinter fingerprinter = SqlFingerprinter.create(new FingerprintSettings(1024, 100, 1024));
		assertThat(fingerprinter.cacheBound()).isLessThanOrEqualTo(100).isGreaterThanOrEqualTo(90);
		for (int i = 0; i < 10_000; i++) {
			fingerprinter.fingerprint("select * from t" + i + " where id = ?", SqlDialect.H2);
			assertThat(fingerprinter.cachedCount(SqlDialect.H2)).isLessThanOrEqualTo(100);
		}
		assertThat(fingerprinter.cachedCount(SqlDialect.H2)).isPositive();
	}

	@Test
	void retainsAtMostItsCapacityInEntriesAndBytesAfterAMillionDistinctStatements() {
		SqlFingerprinter fingerprinter = SqlFingerprinter.create();
		int capacity = fingerprinter.cacheBound();
		long empty = GraphLayout.parseInstance(fingerprinter).totalSize();
		// a quarter full, no segment has been cleared yet: the cost of an entry
		int quarter = capacity / 4;
		for (int i = 0; i < quarter; i++) {
			fingerprinter.fingerprint("select c" + i + " from item where id = ?", SqlDialect.POSTGRESQL);
		}
		long perEntry = (GraphLayout.parseInstance(fingerprinter).totalSize() - empty) / quarter;
		for (int i = quarter; i < 1_000_000; i++) {
			fingerprinter.fingerprint("select c" + i + " from item where id = ?", SqlDialect.POSTGRESQL);
			assertThat(fingerprinter.cachedCount(SqlDialect.POSTGRESQL)).isLessThanOrEqualTo(capacity);
		}
		// the statements grew by up to four digits since the quarter was measured
		assertThat(GraphLayout.parseInstance(fingerprinter).totalSize())
			.isLessThanOrEqualTo(empty + capacity * (perEntry + 8));
	}

	@Test
	void keepsCachingAfterASegmentIsCleared() {
		SqlFingerprinter fingerprinter = SqlFingerprinter.create(new FingerprintSettings(1024, 16, 1024));
		for (int i = 0; i < 1000; i++) {
			fingerprinter.fingerprint("select " + i, SqlDialect.H2);
		}
		String sql = "select * from owners";
		StatementFingerprint first = fingerprinter.fingerprint(sql, SqlDialect.H2);
		assertThat(fingerprinter.fingerprint(sql, SqlDialect.H2)).isSameAs(first);
	}

	@Test
	void doesNotCacheLongStatements() {
		SqlFingerprinter fingerprinter = SqlFingerprinter.create(new FingerprintSettings(1024, 100, 20));
		String sql = "select * from a_long_table_name where id = ?";
		StatementFingerprint first = fingerprinter.fingerprint(sql, SqlDialect.H2);
		StatementFingerprint second = fingerprinter.fingerprint(sql, SqlDialect.H2);
		assertThat(second).isEqualTo(first).isNotSameAs(first);
		assertThat(fingerprinter.cachedCount(SqlDialect.H2)).isZero();
	}

	@Test
	void cachesNothingWhenCapacityIsZero() {
		SqlFingerprinter fingerprinter = SqlFingerprinter.create(new FingerprintSettings(1024, 0, 1024));
		String sql = "select 1";
		assertThat(fingerprinter.fingerprint(sql, SqlDialect.H2))
			.isNotSameAs(fingerprinter.fingerprint(sql, SqlDialect.H2));
		assertThat(fingerprinter.cachedCount(SqlDialect.H2)).isZero();
		assertThat(fingerprinter.cacheBound()).isZero();
	}

	@Test
	void allocatesNothingOnAHit() {
		java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
		if (!(bean instanceof com.sun.management.ThreadMXBean threads) || !threads.isThreadAllocatedMemorySupported()) {
			return;
		}
		SqlFingerprinter fingerprinter = SqlFingerprinter.create();
		String sql = "select p1_0.owner_id,p1_0.id,p1_0.name from pets p1_0 where p1_0.owner_id=?";
		StatementFingerprint expected = fingerprinter.fingerprint(sql, SqlDialect.POSTGRESQL);
		long threadId = Thread.currentThread().getId();
		long hits = 0;
		for (int i = 0; i < 20_000; i++) {
			hits += (fingerprinter.fingerprint(sql, SqlDialect.POSTGRESQL) == expected) ? 1 : 0;
		}
		long before = threads.getThreadAllocatedBytes(threadId);
		for (int i = 0; i < 100_000; i++) {
			hits += (fingerprinter.fingerprint(sql, SqlDialect.POSTGRESQL) == expected) ? 1 : 0;
		}
		long allocated = threads.getThreadAllocatedBytes(threadId) - before;
		assertThat(hits).isEqualTo(120_000);
		// 100,000 hits: any allocation per hit would show as megabytes
		assertThat(allocated).isLessThan(10_000);
	}

	@Test
	void isSafeToUseFromSeveralThreads() throws Exception {
		SqlFingerprinter fingerprinter = SqlFingerprinter.create(new FingerprintSettings(1024, 64, 1024));
		SqlFingerprinter reference = SqlFingerprinter.create(new FingerprintSettings(1024, 0, 1024));
		int threads = 4;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int offset = t;
				results.add(executor.submit(() -> {
					start.await();
					int checked = 0;
					for (int i = 0; i < 20_000; i++) {
						String sql = "select * from t" + ((i * 7 + offset) % 200) + " where a in (1, 2) and b = 'x'";
						SqlDialect dialect = SqlDialect.values()[i % SqlDialect.values().length];
						StatementFingerprint fingerprint = fingerprinter.fingerprint(sql, dialect);
						if (i % 100 == 0) {
							assertThat(fingerprint).isEqualTo(reference.fingerprint(sql, dialect));
							assertThat(fingerprint.normalizedSql())
								.isEqualTo(reference.fingerprint(sql, dialect).normalizedSql());
						}
						checked++;
					}
					return checked;
				}));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(20_000);
			}
		}
		finally {
			executor.shutdownNow();
		}
		for (SqlDialect dialect : SqlDialect.values()) {
			assertThat(fingerprinter.cachedCount(dialect)).isLessThanOrEqualTo(64);
		}
	}

}
