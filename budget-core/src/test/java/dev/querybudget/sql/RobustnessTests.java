package dev.querybudget.sql;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests that fingerprinting never throws and copes with huge statements.
 */
class RobustnessTests {

	private static final String[] FRAGMENTS = { "'", "''", "\"", "`", "$", "$$", "$a$", "$1", "/*", "*/", "--", "#",
			"\n", "\\", "?", "??", "?|", ":", "::", ":x", "(", ")", "[", "]", "{", "}", ",", ";", ".", "-", "+", "e",
			"E'", "N'", "x'", "0x", "1", ".5", "1e", "in", "IN (", "values", "VALUES (", "array[", "with", "select",
			"true", "null", " ", "\uD800", "\uDC00", "\u0000", "\uFFFF", "é", "ओ" };

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 })
	void neverThrowsOnRandomFragments(long seed) {
		Random random = new Random(seed);
		for (int i = 0; i < 300; i++) {
			StringBuilder sql = new StringBuilder();
			int count = random.nextInt(40);
			for (int j = 0; j < count; j++) {
				sql.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
			}
			assertFingerprintsWithoutThrowing(sql.toString(), seed);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })
	void neverThrowsOnRandomCharacters(long seed) {
		Random random = new Random(seed);
		for (int i = 0; i < 300; i++) {
			char[] chars = new char[random.nextInt(200)];
			for (int j = 0; j < chars.length; j++) {
				chars[j] = (random.nextInt(4) == 0) ? (char) random.nextInt(Character.MAX_VALUE + 1)
						: (char) random.nextInt(128);
			}
			assertFingerprintsWithoutThrowing(new String(chars), seed);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void neverThrowsOnRandomBytes(long seed) {
		Random random = new Random(seed);
		for (int i = 0; i < 300; i++) {
			byte[] bytes = new byte[random.nextInt(300)];
			random.nextBytes(bytes);
			assertFingerprintsWithoutThrowing(new String(bytes, StandardCharsets.ISO_8859_1), seed);
			assertFingerprintsWithoutThrowing(new String(bytes, StandardCharsets.UTF_8), seed);
		}
	}

	@Test
	void neverThrowsWhenTruncatingInsideATokenAtEveryLength() {
		String sql = "select 'a''b', $t$x$t$, /* c */ \"d\", E'\\'', 0x1F, 1e-3, ?? from t where a in (1, 2) -- e";
		for (SqlDialect dialect : SqlDialect.values()) {
			for (int max = 1; max <= sql.length(); max++) {
				SqlFingerprinter fingerprinter = SqlFingerprinter.create(new FingerprintSettings(max, 0, 0));
				StatementFingerprint fingerprint = fingerprinter.fingerprint(sql, dialect);
				assertThat(fingerprint.normalizedSql()).isNotNull();
				assertThat(fingerprint.truncated()).isEqualTo(max < sql.length());
			}
		}
	}

	@Test
	void fingerprintsATenMegabyteStatementOnItsPrefixAndLength() {
		StringBuilder sql = new StringBuilder("insert into t (a, b) values (1, 'x')");
		while (sql.length() < 10 * 1024 * 1024) {
			sql.append(", (1, 'x')");
		}
		String huge = sql.toString();
		String longer = huge + ", (2, 'y')";
		String samePrefixAndLength = huge.substring(0, huge.length() - 10) + ", (3, 'z')";
		SqlFingerprinter fingerprinter = SqlFingerprinter.create();
		StatementFingerprint fingerprint = fingerprinter.fingerprint(huge, SqlDialect.POSTGRESQL);
		assertThat(fingerprint.truncated()).isTrue();
		assertThat(fingerprint.sqlLength()).isEqualTo(huge.length());
		assertThat(fingerprint.kind()).isEqualTo(StatementKind.INSERT);
		assertThat(fingerprint.normalizedSql()).isEqualTo("insert into t(a, b) values (?, ?)");
		assertThat(fingerprinter.fingerprint(longer, SqlDialect.POSTGRESQL)).isNotEqualTo(fingerprint);
		assertThat(fingerprinter.fingerprint(samePrefixAndLength, SqlDialect.POSTGRESQL)).isEqualTo(fingerprint);
		assertThat(fingerprinter.fingerprint(huge.substring(0, 1000), SqlDialect.POSTGRESQL)).isNotEqualTo(fingerprint);
	}

	@Test
	void retainsOnlyThePrefixOfATruncatedStatement() throws Exception {
		SqlFingerprinter fingerprinter = SqlFingerprinter.create(new FingerprintSettings(100, 16, 1000));
		String sql = "select " + "a, ".repeat(10_000) + "b from t";
		StatementFingerprint fingerprint = fingerprinter.fingerprint(sql, SqlDialect.H2);
		java.lang.reflect.Field source = StatementFingerprint.class.getDeclaredField("source");
		source.setAccessible(true);
		assertThat((String) source.get(fingerprint)).hasSize(100);
		assertThat(fingerprinter.cachedCount(SqlDialect.H2)).isZero();
	}

	@Test
	void neverThrowsOnDeeplyNestedInput() {
		assertFingerprintsWithoutThrowing("select " + "(".repeat(100_000) + "1" + ")".repeat(100_000), 0);
		assertFingerprintsWithoutThrowing("a in " + "(".repeat(100_000), 0);
		assertFingerprintsWithoutThrowing("'".repeat(100_000), 0);
		assertFingerprintsWithoutThrowing("?,".repeat(1_000_000), 0);
	}

	private void assertFingerprintsWithoutThrowing(String sql, long seed) {
		for (SqlDialect dialect : SqlDialect.values()) {
			assertThatNoException().as("seed %d, dialect %s, input %s", seed, dialect, sql).isThrownBy(() -> {
				// The lexer itself, so that the fingerprinter's safety net cannot hide a
				// bug
				StatementFingerprint fingerprint = FingerprintLexer.fingerprint(sql, dialect, 64 * 1024);
				fingerprint.normalizedSql();
			});
		}
	}

}
