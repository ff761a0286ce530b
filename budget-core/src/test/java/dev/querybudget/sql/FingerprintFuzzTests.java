package dev.querybudget.sql;

import java.math.BigInteger;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Fuzzes the fingerprinter with jqwik: SQL-like token soup, the same soup repeated
 * thousands of times, arbitrary strings, and real statement templates filled with hostile
 * literals and comments of every dialect. Whatever the input, fingerprinting never
 * throws, gives the same result every time, reads each character a bounded number of
 * times (counted by {@link CountingLexer}, not timed), and keeps no literal value in the
 * normalised text.
 * <p>
 * Every property runs {@code jqwik.tries.default} tries, which the build sets from
 * {@code query-budget.fuzz.tries}: a few hundred in every build, and as many as asked in
 * a longer run, such as
 * {@code ./mvnw -pl budget-core -am verify -Dtest=FingerprintFuzzTests -Dquery-budget.fuzz.tries=100000}
 * (see docs/fingerprinting.md). A failure prints its seed and shrunk input.
 */
class FingerprintFuzzTests {

	/**
	 * Marks the content of every generated literal and comment; the lexer folds words to
	 * lower case, so the check ignores case.
	 */
	private static final String MARKER = "zecret";

	private static final String[] FRAGMENTS = { "'", "''", "\"", "\"\"", "`", "$", "$$", "$a$", "$tag$", "$1", "/*",
			"*/", "/* /*", "--", "-- ", "#", "//", "\n", "\r\n", "\t", " ", "\\", "\\'", "?", "??", "?|", ":", "::",
			":name", "(", ")", "[", "]", "{", "}", "{call ", ",", ";", ".", "-", "+", "*", "<=>", "@>", "||", "e", "E'",
			"N'", "X'", "b'", "U&'", "_utf8mb4'", "0x", "0X1F", "1", ".5", "1e", "1.5e-300", "99999999999999999999999",
			"in", "IN (", "not in (", "values", "VALUES (", "array[", "nextval(", "next value for ", "with", "select",
			"insert into", "update", "delete from", "returning", "limit", "offset", "where", "from", "true", "null",
			"\u0000", "\uD800", "\uDC00", "\uD83D\uDE00", "\uFFFF", "\u00E9", "\u0913", "\u2028" };

	private static final String[] TEMPLATES = {
			"select a.id , a.name from accounts a where a.email = %L and a.status in ( %L , %L ) order by a.id limit %L",
			"insert into events ( kind , payload , created ) values ( %L , %L , %L )",
			"update accounts set name = %L , balance = balance + %L where id = %L",
			"delete from sessions where token = %L or expires < %L",
			"select count ( * ) from orders o join items i on i.order_id = o.id where o.note like %L group by o.id having sum ( i.price ) > %L",
			"select * from t where x = any ( array [ %L , %L ] ) and y between %L and %L",
			"with recent as ( select * from visits where day > %L ) select * from recent where pet in ( %L )" };

	@Property
	void neverThrowsOnTokenSoup(@ForAll("tokenSoup") String sql, @ForAll SqlDialect dialect) {
		assertFingerprintsWithoutThrowing(sql, dialect, sql.length());
	}

	@Property
	void neverThrowsOnArbitraryStrings(@ForAll("arbitraryStrings") String sql, @ForAll SqlDialect dialect) {
		assertFingerprintsWithoutThrowing(sql, dialect, sql.length());
	}

	@Property
	void neverThrowsWhenTruncatingAnywhere(@ForAll("tokenSoup") String sql, @ForAll SqlDialect dialect,
			@ForAll @IntRange(min = 1, max = 2000) int maxSqlLength) {
		assertFingerprintsWithoutThrowing(sql, dialect, maxSqlLength);
	}

	@Property
	void givesTheSameFingerprintEveryTime(@ForAll("tokenSoup") String sql, @ForAll SqlDialect dialect) {
		StatementFingerprint first = FingerprintLexer.fingerprint(sql, dialect, 64 * 1024);
		StatementFingerprint second = FingerprintLexer.fingerprint(sql, dialect, 64 * 1024);
		assertThat(second.hash()).isEqualTo(first.hash());
		assertThat(second.kind()).isEqualTo(first.kind());
		assertThat(second.drawsFromSequence()).isEqualTo(first.drawsFromSequence());
		assertThat(second.normalizedSql()).isEqualTo(first.normalizedSql());
		SqlFingerprinter cached = SqlFingerprinter.create();
		assertThat(cached.fingerprint(sql, dialect)).isEqualTo(first);
		assertThat(cached.fingerprint(new String(sql.toCharArray()), dialect)).isEqualTo(first);
	}

	@Property
	void readsTokenSoupInLinearTime(@ForAll("tokenSoup") String sql, @ForAll SqlDialect dialect) {
		assertLinear(sql, dialect);
	}

	@Property
	void readsRepeatedTokenSoupInLinearTime(@ForAll("repeatedTokenSoup") String sql, @ForAll SqlDialect dialect) {
		assertLinear(sql, dialect);
	}

	@Property
	void readsArbitraryStringsInLinearTime(@ForAll("arbitraryStrings") String sql, @ForAll SqlDialect dialect) {
		assertLinear(sql, dialect);
	}

	@Property
	void keepsNoLiteralValueInTheNormalizedText(@ForAll("hostileStatements") HostileStatement statement) {
		String normalized = FingerprintLexer.fingerprint(statement.sql(), statement.dialect(), 64 * 1024)
			.normalizedSql();
		assertThat(normalized).as("%s%n  %s", statement.dialect(), statement.sql())
			.doesNotContainIgnoringCase(MARKER)
			.doesNotContainPattern("[0-9]");
	}

	@Provide
	Arbitrary<String> tokenSoup() {
		Arbitrary<String> token = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(FRAGMENTS)),
				Tuple.of(2, Arbitraries.strings().alpha().numeric().withChars('_').ofMinLength(1).ofMaxLength(8)),
				Tuple.of(1, Arbitraries.strings().all().ofMaxLength(4)));
		return token.list().ofMaxSize(60).map((tokens) -> String.join("", tokens));
	}

	@Provide
	Arbitrary<String> repeatedTokenSoup() {
		Arbitrary<String> unit = Arbitraries.of(FRAGMENTS)
			.list()
			.ofMinSize(1)
			.ofMaxSize(6)
			.map((tokens) -> String.join("", tokens));
		return Combinators.combine(unit, Arbitraries.integers().between(100, 3000)).as(String::repeat);
	}

	@Provide
	Arbitrary<String> arbitraryStrings() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300),
				Arbitraries.strings().withCharRange('\u0000', '\u007F').ofMaxLength(300),
				Arbitraries.strings().withChars("'\"`$/*-#?:()[],;\\eE0x\u0000\uD800\uDC00 \n").ofMaxLength(300));
	}

	@Provide
	Arbitrary<HostileStatement> hostileStatements() {
		return Arbitraries.of(SqlDialect.class)
			.flatMap((dialect) -> Combinators
				.combine(Arbitraries.of(TEMPLATES), literal(dialect).list().ofSize(4),
						separator(dialect).list().ofSize(40), unterminatedTail(dialect))
				.as((template, literals, separators,
						tail) -> new HostileStatement(instantiate(template, literals, separators) + tail, dialect)));
	}

	private static String instantiate(String template, List<String> literals, List<String> separators) {
		StringBuilder sql = new StringBuilder();
		String[] parts = template.split(" ");
		int literal = 0;
		for (int i = 0; i < parts.length; i++) {
			if (i > 0) {
				sql.append(separators.get(i % separators.size()));
			}
			sql.append(parts[i].equals("%L") ? literals.get(literal++ % literals.size()) : parts[i]);
		}
		return sql.toString();
	}

	/**
	 * Literals of the dialect whose content is hostile (quotes, backslashes, comment and
	 * dollar-quote openers, NUL, lone surrogates, any character) and marked, escaped as
	 * the dialect requires so that each stays one literal.
	 */
	private static Arbitrary<String> literal(SqlDialect dialect) {
		Arbitrary<String> content = content();
		Arbitrary<String> standard = content.map((text) -> "'" + escapeQuoted(text, '\'', dialect) + "'");
		Arbitrary<String> number = Arbitraries.oneOf(
				Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(300)).map(Object::toString),
				Arbitraries.of("1.5e-300", "-7", "- 7", "+3", ".5", "5.", "1E+308", "0x7FFFFFFFFFFFFFFFFF", "0XAB",
						"9223372036854775808", "-0.0"));
		Arbitrary<String> prefixed = content.map((text) -> "N'" + escapeQuoted(text, '\'', dialect) + "'");
		Arbitrary<String> binary = Arbitraries.of("X'00FF'", "x''", "b'0101'", "B'1'");
		return switch (dialect) {
			case POSTGRESQL -> Arbitraries.oneOf(standard, number, prefixed, binary,
					content.map((text) -> "E'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"),
					content.map((text) -> "$q$" + without(text, "$q$") + " $q$"),
					content.map((text) -> "$$" + without(text, "$$") + " $$"),
					content.map((text) -> "U&'" + text.replace("'", "''") + "'"), Arbitraries.of("$1", "$42"));
			case MYSQL -> Arbitraries.oneOf(standard, number, prefixed, binary,
					content.map((text) -> "\"" + escapeQuoted(text, '"', dialect) + "\""),
					content.map((text) -> "_utf8mb4'" + escapeQuoted(text, '\'', dialect) + "'"));
			default -> Arbitraries.oneOf(standard, number, prefixed, binary, Arbitraries.of("?", ":name"));
		};
	}

	private static Arbitrary<String> content() {
		Arbitrary<String> hostile = Arbitraries.strings()
			.withChars("'\"`\\$/*-#?:;()\n\r\t \u0000\uD800\uDC00\uFFFF\u00E9\u0913")
			.ofMaxLength(12);
		Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(12);
		return Combinators.combine(Arbitraries.oneOf(hostile, any), Arbitraries.oneOf(hostile, any))
			.as((before, after) -> before + MARKER + after);
	}

	/**
	 * Whitespace and comments between tokens; the comments hold marked content, and
	 * PostgreSQL's nest.
	 */
	private static Arbitrary<String> separator(SqlDialect dialect) {
		Arbitrary<String> content = content();
		Arbitrary<String> block = content.map((text) -> " /*" + without(text, "*/", "/*") + "*/ ");
		Arbitrary<String> line = content.map((text) -> lineComment(dialect) + lineText(text) + "\n");
		Arbitrary<String> space = Arbitraries.of(" ", "  ", "\n\t", "\r\n ", "\u000B ", " ");
		Arbitrary<String> nested = (dialect == SqlDialect.POSTGRESQL)
				? content.map((text) -> " /* a /* " + without(text, "*/", "/*") + " */ b */ ") : block;
		return Arbitraries.frequencyOf(Tuple.of(6, space), Tuple.of(1, block), Tuple.of(1, line), Tuple.of(1, nested));
	}

	/**
	 * What a statement may end with: nothing, or a literal or comment that is never
	 * closed and so runs to the end.
	 */
	private static Arbitrary<String> unterminatedTail(SqlDialect dialect) {
		Arbitrary<String> content = content();
		return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("")),
				Tuple.of(1, content.map((text) -> " and z = '" + escapeQuoted(text, '\'', dialect))),
				Tuple.of(1, content.map((text) -> " /* " + without(text, "*/"))),
				Tuple.of(1, content.map((text) -> " " + lineComment(dialect) + lineText(text))));
	}

	private static String lineComment(SqlDialect dialect) {
		return (dialect == SqlDialect.MYSQL) ? "# " : "-- ";
	}

	private static String lineText(String text) {
		return text.replace('\n', ' ').replace('\r', ' ');
	}

	private static String escapeQuoted(String text, char quote, SqlDialect dialect) {
		String escaped = (dialect == SqlDialect.MYSQL) ? text.replace("\\", "\\\\") : text;
		return escaped.replace(String.valueOf(quote), String.valueOf(quote) + quote);
	}

	/**
	 * Removes the closing sequences from a literal's or comment's content, again until
	 * none is left, since a removal can join a new one.
	 */
	private static String without(String text, String... closers) {
		String result = text;
		boolean removed = true;
		while (removed) {
			removed = false;
			for (String closer : closers) {
				if (result.contains(closer)) {
					result = result.replace(closer, "");
					removed = true;
				}
			}
		}
		return result;
	}

	private static void assertFingerprintsWithoutThrowing(String sql, SqlDialect dialect, int maxSqlLength) {
		assertThatNoException().isThrownBy(() -> {
			// The lexer itself, so that the fingerprinter's safety net cannot hide a bug
			StatementFingerprint fingerprint = FingerprintLexer.fingerprint(sql, dialect, maxSqlLength);
			fingerprint.normalizedSql();
		});
	}

	private static void assertLinear(String sql, SqlDialect dialect) {
		long reads = new CountingLexer(sql, dialect).countReads();
		assertThat(reads).as("reads of %d characters in %s", sql.length(), dialect)
			.isLessThanOrEqualTo(CountingLexer.MAX_READS_PER_CHAR * sql.length());
	}

	record HostileStatement(String sql, SqlDialect dialect) {

	}

}
