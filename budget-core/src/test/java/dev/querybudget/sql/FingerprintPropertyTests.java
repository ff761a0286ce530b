package dev.querybudget.sql;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests with seeded generators: statements built from the same template with
 * different literals, list lengths, row counts, whitespace and comments must have the
 * same fingerprint, and normalising is idempotent. A failure names its seed, so it
 * reproduces.
 */
class FingerprintPropertyTests {

	private static final String[] TEMPLATES = {
			"select p1_0.id , p1_0.name from pets p1_0 where p1_0.owner_id = %L and p1_0.name like %L",
			"select * from owners o where o.id in %I and o.active = %L order by o.id limit %L offset %L",
			"insert into pets ( name , owner_id , id ) values %V",
			"update pets set name = %L , owner_id = %L where id = %L", "delete from pets where id in %I",
			"select count ( * ) from visits v where v.pet_id = %L and v.visit_date > %L",
			"with recent as ( select * from visits where visit_date > %L ) select * from recent where pet_id in %I",
			"select o.id , sum ( p.weight * %L ) from owners o join pets p on p.owner_id = o.id group by o.id having count ( * ) > %L",
			"select * from t where ( a , b ) in %R and c not in %I",
			"select case when a = %L then %L else %L end from t where b between %L and %L",
			"select * from t where a = any ( array [ %L , %L ] ) offset %L rows fetch first %U rows only", };

	private static final String[] COMMON_LITERALS = { "0", "7", "-5", "- 5", "+3", "3.14", "-2.5", ".5", "5.", "1e-3",
			"2E+10", "0x1F", "0XAB", "'abc'", "'O''Brien'", "''", "'a--b /* c */'", "'it''s ? :x $1'", "TRUE", "false",
			"?", ":name", "N'x'", "X'AB'", "b'0101'" };

	private static final String[] POSTGRESQL_LITERALS = { "$3", "E'a\\'b'", "$$x'y$$", "$q$ $$ '' $q$", "'a\\'",
			"U&'d\\0061t'" };

	private static final String[] MYSQL_LITERALS = { "'a\\'b'", "\"dq\\\"x\"", "\"it\"\"s\"", "_utf8mb4'x'" };

	static Object[][] seeds() {
		Object[][] arguments = new Object[SqlDialect.values().length * 25][];
		int i = 0;
		for (SqlDialect dialect : SqlDialect.values()) {
			for (long seed = 1; seed <= 25; seed++) {
				arguments[i++] = new Object[] { dialect, seed };
			}
		}
		return arguments;
	}

	@ParameterizedTest(name = "{0} seed {1}")
	@MethodSource("seeds")
	void isInsensitiveToLiteralsListLengthsWhitespaceAndComments(SqlDialect dialect, long seed) {
		Random random = new Random(seed);
		SqlFingerprinter fingerprinter = SqlFingerprinter.create();
		for (String template : TEMPLATES) {
			String first = instantiate(template, dialect, random);
			String second = instantiate(template, dialect, random);
			StatementFingerprint a = fingerprinter.fingerprint(first, dialect);
			StatementFingerprint b = fingerprinter.fingerprint(second, dialect);
			assertThat(b.normalizedSql()).as("seed %d, %s%n  %s%n  %s", seed, dialect, first, second)
				.isEqualTo(a.normalizedSql());
			assertThat(b).as("seed %d, %s%n  %s%n  %s", seed, dialect, first, second).isEqualTo(a);
			assertThat(a.normalizedSql()).doesNotContain("abc", "Brien", "0x", "1e", "14", "AB");
		}
	}

	@ParameterizedTest(name = "{0} seed {1}")
	@MethodSource("seeds")
	void isInsensitiveToInListLength(SqlDialect dialect, long seed) {
		Random random = new Random(seed);
		SqlFingerprinter fingerprinter = SqlFingerprinter.create();
		StatementFingerprint single = fingerprinter
			.fingerprint("select * from t where id in (?) and (a, b) in ((?, ?))", dialect);
		for (int i = 0; i < 20; i++) {
			int length = 1 + random.nextInt((i < 10) ? 10 : 2000);
			StringBuilder values = new StringBuilder();
			StringBuilder rows = new StringBuilder();
			for (int j = 0; j < length; j++) {
				String separator = (j == 0) ? "" : (random.nextBoolean() ? "," : " ,\n ");
				values.append(separator).append(literal(dialect, random));
				rows.append(separator)
					.append("(")
					.append(literal(dialect, random))
					.append(",")
					.append(literal(dialect, random))
					.append(")");
			}
			String sql = "select * from t where id in (" + values + ") and (a, b) in (" + rows + ")";
			assertThat(fingerprinter.fingerprint(sql, dialect))
				.as("seed %d, %s, length %d: %s", seed, dialect, length, sql)
				.isEqualTo(single);
		}
	}

	@ParameterizedTest(name = "{0} seed {1}")
	@MethodSource("seeds")
	void normalizingIsIdempotent(SqlDialect dialect, long seed) {
		Random random = new Random(seed);
		SqlFingerprinter fingerprinter = SqlFingerprinter.create();
		for (String template : TEMPLATES) {
			String sql = instantiate(template, dialect, random);
			StatementFingerprint fingerprint = fingerprinter.fingerprint(sql, dialect);
			StatementFingerprint again = fingerprinter.fingerprint(fingerprint.normalizedSql(), dialect);
			assertThat(again.normalizedSql()).as("seed %d, %s: %s", seed, dialect, sql)
				.isEqualTo(fingerprint.normalizedSql());
			assertThat(again).as("seed %d, %s: %s", seed, dialect, sql).isEqualTo(fingerprint);
			assertThat(again.kind()).isEqualTo(fingerprint.kind());
		}
	}

	private static String instantiate(String template, SqlDialect dialect, Random random) {
		StringBuilder sql = new StringBuilder();
		if (random.nextBoolean()) {
			sql.append("/* traceparent='00-").append(random.nextLong()).append("-01' */ ");
		}
		String[] parts = template.split(" ");
		for (int i = 0; i < parts.length; i++) {
			if (i > 0) {
				sql.append(separator(parts[i - 1], parts[i], dialect, random));
			}
			sql.append(expand(parts[i], dialect, random));
		}
		if (random.nextBoolean()) {
			sql.append(" -- controller='index'");
		}
		return sql.toString();
	}

	private static String expand(String part, SqlDialect dialect, Random random) {
		return switch (part) {
			case "%L" -> literal(dialect, random);
			// after a word that is not reserved, a sign is a minus: only unsigned values
			case "%U" -> new String[] { "?", "10", ":n", "1.5" }[random.nextInt(4)];
			case "%I" -> list(dialect, random, 1);
			case "%R" -> "(" + rows(dialect, random, 2, ", ") + ")";
			case "%V" -> rows(dialect, random, 3, random.nextBoolean() ? ", " : ",");
			default -> part;
		};
	}

	private static String list(SqlDialect dialect, Random random, int width) {
		StringBuilder list = new StringBuilder("(");
		int length = 1 << random.nextInt(5);
		for (int i = 0; i < length; i++) {
			list.append((i > 0) ? (random.nextBoolean() ? ", " : ",") : "");
			list.append(literal(dialect, random));
		}
		return list.append(")").toString();
	}

	private static String rows(SqlDialect dialect, Random random, int width, String separator) {
		StringBuilder rows = new StringBuilder();
		int count = 1 + random.nextInt(5);
		for (int i = 0; i < count; i++) {
			rows.append((i > 0) ? separator : "").append("(");
			for (int j = 0; j < width; j++) {
				rows.append((j > 0) ? ", " : "").append(literal(dialect, random));
			}
			rows.append(")");
		}
		return rows.toString();
	}

	private static String literal(SqlDialect dialect, Random random) {
		String[] extra = switch (dialect) {
			case POSTGRESQL -> POSTGRESQL_LITERALS;
			case MYSQL -> MYSQL_LITERALS;
			default -> new String[] { "$2" };
		};
		int index = random.nextInt(COMMON_LITERALS.length + extra.length);
		return (index < COMMON_LITERALS.length) ? COMMON_LITERALS[index] : extra[index - COMMON_LITERALS.length];
	}

	private static String separator(String left, String right, SqlDialect dialect, Random random) {
		boolean mayBeEmpty = isPunctuation(left) || isPunctuation(right);
		return switch (random.nextInt(mayBeEmpty ? 7 : 6)) {
			case 0 -> "  ";
			case 1 -> "\n\t";
			case 2 -> " /* a comment; with 'quotes' */ ";
			case 3 -> (dialect == SqlDialect.MYSQL) ? " # hash comment\n" : " -- line comment\n";
			case 4 -> "\r\n ";
			case 5 -> " ";
			default -> "";
		};
	}

	private static boolean isPunctuation(String part) {
		return part.equals("(") || part.equals(")") || part.equals(",") || part.equals("=");
	}

}
