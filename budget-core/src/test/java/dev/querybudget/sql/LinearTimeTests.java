package dev.querybudget.sql;

import java.util.Random;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that fingerprinting reads each character a bounded number of times, on the
 * inputs that make other tools' regular expressions and lexers go quadratic or overflow
 * the stack. Every character is read through {@link FingerprintLexer#charAt(int)}, which
 * {@link CountingLexer} counts; no wall clock is involved.
 */
class LinearTimeTests {

	private static final int SIZE = 200_000;

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void readsAdversarialInputsInLinearTime(SqlDialect dialect) {
		assertLinear(dialect, "single quotes", (n) -> "'".repeat(n));
		assertLinear(dialect, "double quotes", (n) -> "\"".repeat(n));
		assertLinear(dialect, "backticks", (n) -> "`".repeat(n));
		assertLinear(dialect, "dollars", (n) -> "$".repeat(n));
		assertLinear(dialect, "empty dollar quotes", (n) -> "$$".repeat(n / 2));
		assertLinear(dialect, "tagged dollar quotes", (n) -> "$a$".repeat(n / 3));
		assertLinear(dialect, "unterminated tagged dollar quote", (n) -> "$abc$" + "$ab".repeat(n / 3));
		assertLinear(dialect, "comment openers", (n) -> "/*".repeat(n / 2));
		assertLinear(dialect, "comment closers", (n) -> "*/".repeat(n / 2));
		assertLinear(dialect, "line comments", (n) -> "--".repeat(n / 2));
		assertLinear(dialect, "open parentheses", (n) -> "(".repeat(n));
		assertLinear(dialect, "nested parentheses", (n) -> "(".repeat(n / 2) + ")".repeat(n / 2));
		assertLinear(dialect, "nested in lists", (n) -> "in (".repeat(n / 4));
		assertLinear(dialect, "in list of placeholders", (n) -> "select * from t where a in (" + "?,".repeat(n / 2));
		assertLinear(dialect, "closed in list", (n) -> "where a in (" + "?,".repeat(n / 2) + "?)");
		assertLinear(dialect, "in lists that fail late", (n) -> "a in (1, 2, 3, x) ".repeat(n / 18));
		assertLinear(dialect, "row in lists", (n) -> "a in (" + "(?, ?),".repeat(n / 7) + "(?, ?))");
		assertLinear(dialect, "nested rows", (n) -> "a in " + "(".repeat(n / 2) + "1" + ")".repeat(n / 2));
		assertLinear(dialect, "arrays", (n) -> "array[" + "[1,".repeat(n / 3));
		assertLinear(dialect, "values rows", (n) -> "insert into t values (1)" + ",(1, 'a')".repeat(n / 9));
		assertLinear(dialect, "values rows without end", (n) -> "values (1)" + ",(".repeat(n / 2));
		assertLinear(dialect, "signs", (n) -> "select " + "-".repeat(n));
		assertLinear(dialect, "signed numbers", (n) -> "select " + "- ".repeat(n / 2) + "1");
		assertLinear(dialect, "question marks", (n) -> "?".repeat(n));
		assertLinear(dialect, "semicolons", (n) -> ";".repeat(n));
		assertLinear(dialect, "backslashes in strings", (n) -> "E'" + "\\".repeat(n));
		assertLinear(dialect, "numbers", (n) -> "1".repeat(n));
		assertLinear(dialect, "exponents", (n) -> "1e".repeat(n / 2));
		assertLinear(dialect, "casts", (n) -> "a in (?" + "::int".repeat(n / 5));
		// found by FingerprintFuzzTests: a keyword read as the type name of a cast opened
		// a list inside the look-ahead of another
		assertLinear(dialect, "in lists cast to in", (n) -> "::IN (".repeat(n / 6));
		assertLinear(dialect, "arrays cast to array", (n) -> "array[?::array[".repeat(n / 15));
		assertLinear(dialect, "operators", (n) -> "<=>".repeat(n / 3));
		assertLinear(dialect, "with", (n) -> "with " + "x as (select 1), ".repeat(n / 19));
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void readsRandomInputsInLinearTime(SqlDialect dialect) {
		String alphabet = "'\"`$/*-#?:()[],;.eE01x\\ \nabIN inVALUES values array[";
		for (long seed = 1; seed <= 20; seed++) {
			Random random = new Random(seed);
			StringBuilder sql = new StringBuilder(SIZE);
			while (sql.length() < SIZE) {
				int from = random.nextInt(alphabet.length());
				int to = Math.min(alphabet.length(), from + 1 + random.nextInt(6));
				sql.append(alphabet, from, to);
			}
			long reads = new CountingLexer(sql.toString(), dialect).countReads();
			assertThat(reads).as("reads of random input with seed %d", seed)
				.isLessThanOrEqualTo(CountingLexer.MAX_READS_PER_CHAR * sql.length());
		}
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void readsAMillionElementInListInLinearTime(SqlDialect dialect) {
		String sql = "select * from t where id in (" + "?,".repeat(1_000_000) + "?)";
		CountingLexer lexer = new CountingLexer(sql, dialect);
		assertThat(lexer.countReads()).isLessThanOrEqualTo(CountingLexer.MAX_READS_PER_CHAR * sql.length());
		assertThat(FingerprintLexer.render(sql, dialect)).isEqualTo("select * from t where id in (?)");
	}

	@Test
	void readsTheTypicalStatementAboutTwiceInAll() {
		String sql = "select p1_0.owner_id,p1_0.id,p1_0.name from pets p1_0 where p1_0.owner_id in (?,?,?,?)";
		long reads = new CountingLexer(sql, SqlDialect.POSTGRESQL).countReads();
		assertThat(reads).isLessThanOrEqualTo(3L * sql.length());
	}

	private void assertLinear(SqlDialect dialect, String name, IntFunction<String> input) {
		String small = input.apply(SIZE / 10);
		String large = input.apply(SIZE);
		long smallReads = new CountingLexer(small, dialect).countReads();
		long largeReads = new CountingLexer(large, dialect).countReads();
		assertThat(largeReads).as("reads of %s (%d chars) in %s", name, large.length(), dialect)
			.isLessThanOrEqualTo(CountingLexer.MAX_READS_PER_CHAR * large.length());
		// ten times the input costs about ten times the reads, not a hundred
		assertThat(largeReads).as("growth of reads of %s in %s", name, dialect)
			.isLessThanOrEqualTo(11 * smallReads + 100);
	}

}
