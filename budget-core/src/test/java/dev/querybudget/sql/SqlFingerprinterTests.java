package dev.querybudget.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the normalisation rules of {@link SqlFingerprinter}.
 */
class SqlFingerprinterTests {

	private final SqlFingerprinter fingerprinter = SqlFingerprinter.create();

	private String normalize(String sql, SqlDialect dialect) {
		return this.fingerprinter.fingerprint(sql, dialect).normalizedSql();
	}

	private StatementFingerprint fingerprint(String sql, SqlDialect dialect) {
		return this.fingerprinter.fingerprint(sql, dialect);
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void replacesSingleQuotedStringsWithDoubledQuotes(SqlDialect dialect) {
		assertThat(normalize("select * from t where name = 'O''Brien' and x = 'y'", dialect))
			.isEqualTo("select * from t where name = ? and x = ?");
	}

	@Test
	void readsBackslashEscapesInMysqlStrings() {
		assertThat(normalize("select 'a\\'b', \"c\\\"d\", 'e\\\\' from t", SqlDialect.MYSQL))
			.isEqualTo("select ?, ?, ? from t");
	}

	@Test
	void readsBackslashEscapesOnlyInPostgresqlEscapeStrings() {
		assertThat(normalize("select E'a\\'b', e'c\\\\', 'd\\' from t", SqlDialect.POSTGRESQL))
			.isEqualTo("select ?, ?, ? from t");
	}

	@ParameterizedTest
	@EnumSource(value = SqlDialect.class, names = { "POSTGRESQL", "H2", "GENERIC" })
	void treatsBackslashAsOrdinaryCharacterInStandardStrings(SqlDialect dialect) {
		assertThat(normalize("select 'a\\', b from t", dialect)).isEqualTo("select ?, b from t");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void replacesPrefixedStrings(SqlDialect dialect) {
		assertThat(normalize("select N'x', X'1F', x'ab', B'101', b'0', U&'d\\0061t' from t", dialect))
			.isEqualTo("select ?, ?, ?, ?, ?, ? from t");
	}

	@Test
	void replacesMysqlCharsetIntroducedStrings() {
		assertThat(normalize("select _utf8mb4'abc' from t", SqlDialect.MYSQL)).isEqualTo("select ? from t");
	}

	@ParameterizedTest
	@EnumSource(value = SqlDialect.class, names = { "POSTGRESQL", "H2", "GENERIC" })
	void replacesDollarQuotedStrings(SqlDialect dialect) {
		assertThat(normalize("select $$it's$$, $body$ a $$ b $body$, $a$x$b$y$b$z$a$ from t", dialect))
			.isEqualTo("select ?, ?, ? from t");
	}

	@Test
	void treatsDollarAsIdentifierCharacterInMysql() {
		assertThat(normalize("select $a, b$c from t", SqlDialect.MYSQL)).isEqualTo("select $a, b$c from t");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void replacesNumbersOfEveryForm(SqlDialect dialect) {
		assertThat(normalize("select 1, 12.5, .5, 5., 1e-3, 2E+10, 0x1F, 0X1f, 0xdeadBEEF, 0b101 from t", dialect))
			.isEqualTo("select ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from t");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void replacesBooleansInAnyCase(SqlDialect dialect) {
		assertThat(normalize("select * from t where a = TRUE and b = false and c = True and trueflag = 1", dialect))
			.isEqualTo("select * from t where a = ? and b = ? and c = ? and trueflag = ?");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void keepsNullAsKeyword(SqlDialect dialect) {
		assertThat(normalize("SELECT * FROM t WHERE a IS NULL AND b IS NOT null", dialect))
			.isEqualTo("select * from t where a is null and b is not null");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void replacesJdbcPositionalAndNamedPlaceholders(SqlDialect dialect) {
		assertThat(normalize("select * from t where a = ? and c = :name and d = :other_1", dialect))
			.isEqualTo("select * from t where a = ? and c = ? and d = ?");
	}

	@ParameterizedTest
	@EnumSource(value = SqlDialect.class, names = { "POSTGRESQL", "H2", "GENERIC" })
	void replacesNumberedParameters(SqlDialect dialect) {
		assertThat(normalize("select * from t where a = $1 and b = $12", dialect))
			.isEqualTo("select * from t where a = ? and b = ?");
	}

	@Test
	void keepsPostgresqlJsonOperatorsThatContainQuestionMarks() {
		assertThat(normalize("select * from t where d ?? 'a' and d ?| array['a'] and d ?& ? and ? || 'x'",
				SqlDialect.POSTGRESQL))
			.isEqualTo("select * from t where d ?? ? and d ?| array[?] and d ?& ? and ? || ?");
	}

	@Test
	void readsQuestionMarksAsPlaceholdersOutsidePostgresql() {
		assertThat(normalize("select * from t where a=?? and b=?", SqlDialect.H2))
			.isEqualTo("select * from t where a = ? ? and b = ?");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void keepsBinaryMinus(SqlDialect dialect) {
		assertThat(normalize("select a-1, a - 1, b-c, f(x)-2, (a)-3 from t", dialect))
			.isEqualTo("select a - ?, a - ?, b - c, f(x) - ?, (a) - ? from t");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void foldsUnaryMinusIntoTheLiteral(SqlDialect dialect) {
		assertThat(normalize("select -1, (-2), f(1, -3), a = -4, a*-5, a = - 6 from t where b = -1", dialect))
			.isEqualTo("select ?, (?), f(?, ?), a = ?, a * ?, a = ? from t where b = ?");
		assertThat(normalize("select * from t where a!=-1 and b<>-2 and c<=-3 and d>=+4", dialect))
			.isEqualTo("select * from t where a != ? and b <> ? and c <= ? and d >= ?");
		assertThat(fingerprint("select * from t where a = -1", dialect))
			.isEqualTo(fingerprint("select * from t where a = 1", dialect));
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void keepsDigitsInsideIdentifiers(SqlDialect dialect) {
		assertThat(normalize("select p1_0.owner_id, t_20210301.c2 from t_20210301 p1_0", dialect))
			.isEqualTo("select p1_0.owner_id, t_20210301.c2 from t_20210301 p1_0");
		assertThat(fingerprint("select * from t_1", dialect)).isNotEqualTo(fingerprint("select * from t_2", dialect));
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void writesQualifiedNamesAsTheirPartsWhateverTheSpacingAroundTheDots(SqlDialect dialect) {
		String compact = "SELECT O1_0.Id, s.t.c, t.*, pg_catalog.lower(t.Name) FROM public.t t WHERE t.x IN (1, 2)";
		String spaced = "SELECT O1_0 . Id, s . t . c, t . *, pg_catalog . lower(t . Name) FROM public . t t WHERE t . x IN (1, 2)";
		assertThat(normalize(compact, dialect))
			.isEqualTo("select o1_0.id, s.t.c, t.*, pg_catalog.lower(t.name) from public.t t where t.x in (?)");
		assertThat(fingerprint(spaced, dialect)).isEqualTo(fingerprint(compact, dialect));
		assertThat(fingerprint(spaced, dialect).normalizedSql()).isEqualTo(normalize(compact, dialect));
	}

	@Test
	void doesNotTakeTheLastPartOfAQualifiedNameForAKeyword() {
		String sql = "WITH x AS (SELECT t.delete, t.values FROM t) SELECT x.update FROM x";
		assertThat(fingerprint(sql, SqlDialect.POSTGRESQL).kind()).isEqualTo(StatementKind.SELECT);
		assertThat(normalize("insert into t (a) select s.values(1), s . values(2) from s", SqlDialect.POSTGRESQL))
			.isEqualTo("insert into t(a) select s.values(?), s.values(?) from s");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void collapsesInListsOfAnyLength(SqlDialect dialect) {
		String one = "select * from t where id in (?)";
		for (String sql : new String[] { "select * from t where id in (?,?)", "select * from t where id in (?,?,?,?)",
				"select * from t where id IN ( ?, ?, ?, ?, ?, ?, ?, ? )", "select * from t where id in (1, 2, 3)",
				"select * from t where id in ('a', 'b')", "select * from t where id in (-1, 2)" }) {
			assertThat(normalize(sql, dialect)).isEqualTo(one);
			assertThat(fingerprint(sql, dialect)).isEqualTo(fingerprint(one, dialect));
		}
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void collapsesRowValueInListsToOneRow(SqlDialect dialect) {
		assertThat(normalize("select * from t where (a, b) in ((?, ?), (?, ?), (1, 'x'))", dialect))
			.isEqualTo("select * from t where (a, b) in ((?, ?))");
		assertThat(normalize("select * from t where (a, b) not in ((1,2))", dialect))
			.isEqualTo("select * from t where (a, b) not in ((?, ?))");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void keepsInListsThatAreNotPlainValues(SqlDialect dialect) {
		assertThat(normalize("select * from t where a in (select b from u where c in (1, 2)) and d in (x, 1)", dialect))
			.isEqualTo("select * from t where a in (select b from u where c in (?)) and d in (x, ?)");
		assertThat(normalize("select * from t where a in (1 + 1, 2)", dialect))
			.isEqualTo("select * from t where a in (? + ?, ?)");
	}

	@Test
	void keepsCastsOnTheFirstListElement() {
		assertThat(normalize("select * from x where y in ($1::uuid, $2::uuid, $3::uuid)", SqlDialect.POSTGRESQL))
			.isEqualTo("select * from x where y in (?::uuid)");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void collapsesMultiRowValuesToOneRow(SqlDialect dialect) {
		String single = "insert into t (a, b) values (?, ?)";
		String multi = "insert into t (a, b) values (?, ?), (?, ?), (1, 'x')";
		assertThat(normalize(multi, dialect)).isEqualTo("insert into t(a, b) values (?, ?)");
		assertThat(fingerprint(multi, dialect)).isEqualTo(fingerprint(single, dialect));
		assertThat(normalize("select * from (values (1, 2), (3, 4)) as v(a, b)", dialect))
			.isEqualTo("select * from (values (?, ?)) as v(a, b)");
	}

	@Test
	void keepsWhatFollowsMultiRowValues() {
		assertThat(normalize("insert into t (a) values (1), (2) on conflict (a) do update set a = excluded.a",
				SqlDialect.POSTGRESQL))
			.isEqualTo("insert into t(a) values (?) on conflict(a) do update set a = excluded.a");
		assertThat(
				normalize("insert into t (a) values (1),(2) on duplicate key update a = values(a)", SqlDialect.MYSQL))
			.isEqualTo("insert into t(a) values (?) on duplicate key update a = values (a)");
	}

	@Test
	void collapsesRowsAfterTheMysqlValueSynonym() {
		assertThat(normalize("INSERT INTO t (a, b) VALUE (1, 'x'), (2, 'y')", SqlDialect.MYSQL))
			.isEqualTo("insert into t(a, b) value(?, ?)");
		assertThat(normalize("select value (1), (2) from t", SqlDialect.MYSQL))
			.isEqualTo("select value(?), (?) from t");
	}

	@Test
	void doesNotTakeFunctionNamesEndingInValuesForValues() {
		assertThat(normalize("SELECT my_function_values(1, 2), (3), (4)", SqlDialect.MYSQL))
			.isEqualTo("select my_function_values(?, ?), (?), (?)");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void replacesLimitOffsetAndFetchValues(SqlDialect dialect) {
		assertThat(normalize("select * from t limit 10 offset 20", dialect))
			.isEqualTo("select * from t limit ? offset ?");
		assertThat(normalize("select * from t offset 5 rows fetch first 10 rows only", dialect))
			.isEqualTo("select * from t offset ? rows fetch first ? rows only");
		assertThat(fingerprint("select * from t limit 1", dialect))
			.isEqualTo(fingerprint("select * from t limit ?", dialect));
	}

	@Test
	void collapsesArrayConstructors() {
		assertThat(normalize("select * from t where id = any (array[1, 2, 3]) and a = ARRAY[[1,2],[3,4]]",
				SqlDialect.POSTGRESQL))
			.isEqualTo("select * from t where id = any (array[?]) and a = array[[?, ?]]");
		assertThat(normalize("select * from t where id = any (?)", SqlDialect.POSTGRESQL))
			.isEqualTo("select * from t where id = any (?)");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void dropsLineAndBlockComments(SqlDialect dialect) {
		assertThat(normalize("/* leading */ select a -- trailing\n, b /* inner */ from t --", dialect))
			.isEqualTo("select a, b from t");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void dropsSqlcommenterComments(SqlDialect dialect) {
		String plain = "select * from t where id = ?";
		String commented = "select * from t where id = ? /*controller='index',traceparent='00-5bd66ef5095369c7b0d1f8f4bd33716a-c532cb4098ac3dd2-01'*/";
		assertThat(fingerprint(commented, dialect)).isEqualTo(fingerprint(plain, dialect));
		assertThat(normalize(commented, dialect)).isEqualTo(plain);
	}

	@Test
	void nestsBlockCommentsInPostgresqlOnly() {
		assertThat(normalize("select /* a /* b */ c */ 1", SqlDialect.POSTGRESQL)).isEqualTo("select ?");
		assertThat(normalize("select /* a /* b */ c */ 1", SqlDialect.MYSQL)).isEqualTo("select c */ ?");
	}

	@Test
	void dropsMysqlHashCommentsAndHints() {
		assertThat(normalize("SELECT /*! STRAIGHT_JOIN */ /*+ BKA(t) */ * FROM t # comment\nWHERE a = 1",
				SqlDialect.MYSQL))
			.isEqualTo("select * from t where a = ?");
	}

	@Test
	void requiresWhitespaceAfterDoubleDashInMysql() {
		assertThat(normalize("select a--1 from t", SqlDialect.MYSQL)).isEqualTo("select a - ? from t");
		assertThat(normalize("select a -- 1\n from t", SqlDialect.MYSQL)).isEqualTo("select a from t");
	}

	@Test
	void dropsDoubleSlashCommentsInH2Only() {
		assertThat(normalize("select a // comment\nfrom t", SqlDialect.H2)).isEqualTo("select a from t");
		assertThat(normalize("select a // b from t", SqlDialect.POSTGRESQL)).isEqualTo("select a // b from t");
	}

	@Test
	void readsHashAsOperatorOutsideMysql() {
		assertThat(normalize("select a # b, c #> '{x}' from t", SqlDialect.POSTGRESQL))
			.isEqualTo("select a # b, c #> ? from t");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void foldsWhitespaceAndCase(SqlDialect dialect) {
		assertThat(normalize("  SELECT\tA ,B\r\n  FROM   T\nWHERE  X=1  ", dialect))
			.isEqualTo("select a, b from t where x = ?");
		assertThat(normalize("SELECT COUNT( * ) FROM T", dialect)).isEqualTo("select count(*) from t");
	}

	@ParameterizedTest
	@EnumSource(value = SqlDialect.class, names = { "POSTGRESQL", "H2", "GENERIC" })
	void keepsDoubleQuotedIdentifiersExactly(SqlDialect dialect) {
		assertThat(normalize("SELECT \"Pets\".\"Name\", \"a\"\"b\" FROM \"public\".\"Pets\"", dialect))
			.isEqualTo("select \"Pets\".\"Name\", \"a\"\"b\" from \"public\".\"Pets\"");
	}

	@Test
	void readsDoubleQuotesAsStringsInMysql() {
		assertThat(normalize("SELECT * FROM `Pets` WHERE name = \"Rex\"", SqlDialect.MYSQL))
			.isEqualTo("select * from `Pets` where name = ?");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void foldsOnlyAsciiLetters(SqlDialect dialect) {
		assertThat(normalize("SELECT ÄÖ, İd FROM TÄBLE", dialect)).isEqualTo("select ÄÖ, İd from tÄble");
	}

	@Test
	void keepsCasts() {
		assertThat(normalize("select $1::int, '2020-01-01'::date, a::text[] from t", SqlDialect.POSTGRESQL))
			.isEqualTo("select ?::int, ?::date, a::text[] from t");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void marksStatementsThatDrawFromASequence(SqlDialect dialect) {
		assertThat(fingerprint("select nextval('visits_seq')", dialect).drawsFromSequence()).isTrue();
		assertThat(fingerprint("SELECT NEXT VALUE FOR owner_seq", dialect).drawsFromSequence()).isTrue();
		assertThat(fingerprint("insert into t (id) values (next value for t_seq)", dialect).drawsFromSequence())
			.isTrue();
		assertThat(fingerprint("select * from t fetch next 10 rows only", dialect).drawsFromSequence()).isFalse();
		assertThat(fingerprint("select next, value from t", dialect).drawsFromSequence()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void dropsATrailingSemicolon(SqlDialect dialect) {
		assertThat(fingerprint("select 1;", dialect)).isEqualTo(fingerprint("select 1", dialect));
		assertThat(normalize("select 1; select 2;", dialect)).isEqualTo("select ?; select ?");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void toleratesUnterminatedStringsAndComments(SqlDialect dialect) {
		assertThat(normalize("select 'abc", dialect)).isEqualTo("select ?");
		assertThat(normalize("select 1 /* abc", dialect)).isEqualTo("select ?");
		assertThat(normalize("select \"abc", dialect)).isIn("select \"abc", "select ?");
		assertThat(normalize("select `abc", dialect)).isEqualTo("select `abc");
	}

	@Test
	void readsUnterminatedDollarQuoteToTheEnd() {
		assertThat(normalize("select $$ abc", SqlDialect.POSTGRESQL)).isEqualTo("select ?");
		assertThat(normalize("select $tag abc", SqlDialect.POSTGRESQL)).isEqualTo("select $ tag abc");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void keepsJdbcEscapes(SqlDialect dialect) {
		assertThat(normalize("select {ts '2023-12-24 23:59'}, {fn ucase(a)} from t", dialect))
			.isEqualTo("select {ts ?}, {fn ucase(a)} from t");
	}

	@ParameterizedTest
	@EnumSource(SqlDialect.class)
	void neverWritesLiteralValues(SqlDialect dialect) {
		String sql = "select 'secret1', 12345, 0xCAFE, 'secret''2', N'secret3' from t"
				+ " where a in ('secret4', 'secret5') and b = X'AA' and c = -678";
		assertThat(normalize(sql, dialect)).doesNotContain("secret", "12345", "CAFE", "cafe", "AA", "678");
		assertThat(normalize("select \"secret\" from t", SqlDialect.MYSQL)).doesNotContain("secret");
		assertThat(normalize("select $$secret$$, $x$secret$x$, E'secret\\'s' from t", SqlDialect.POSTGRESQL))
			.doesNotContain("secret");
	}

	@Test
	void rendersTheNormalizedTextOnceAndReusesIt() {
		StatementFingerprint fingerprint = SqlFingerprinter.create()
			.fingerprint("select * from t where a = 1", SqlDialect.H2);
		assertThat(fingerprint.normalizedSql()).isSameAs(fingerprint.normalizedSql());
		assertThat(fingerprint).hasToString("select * from t where a = ?");
	}

	@Test
	void exposesTheLengthOfTheOriginalStatement() {
		StatementFingerprint fingerprint = fingerprint("select  1", SqlDialect.GENERIC);
		assertThat(fingerprint.sqlLength()).isEqualTo(9);
		assertThat(fingerprint.truncated()).isFalse();
		assertThat(fingerprint.dialect()).isEqualTo(SqlDialect.GENERIC);
	}

	@Test
	void fingerprintsTheSameTextDifferentlyPerDialectOnlyWhereTheRulesDiffer() {
		String sql = "select \"a\" from t";
		assertThat(fingerprint(sql, SqlDialect.MYSQL)).isNotEqualTo(fingerprint(sql, SqlDialect.POSTGRESQL));
		assertThat(fingerprint(sql, SqlDialect.H2)).isEqualTo(fingerprint(sql, SqlDialect.POSTGRESQL));
	}

	@Test
	void handlesEmptyAndBlankStatements() {
		assertThat(normalize("", SqlDialect.GENERIC)).isEmpty();
		assertThat(normalize(" \n\t -- only a comment", SqlDialect.GENERIC)).isEmpty();
		assertThat(fingerprint("", SqlDialect.GENERIC).kind()).isEqualTo(StatementKind.OTHER);
	}

}
