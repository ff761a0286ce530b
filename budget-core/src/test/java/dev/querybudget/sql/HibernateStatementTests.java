package dev.querybudget.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests with the SQL that Hibernate 7 emits, as the library will see it.
 */
class HibernateStatementTests {

	private final SqlFingerprinter fingerprinter = SqlFingerprinter.create();

	private StatementFingerprint fingerprint(String sql, SqlDialect dialect) {
		return this.fingerprinter.fingerprint(sql, dialect);
	}

	@ParameterizedTest
	@EnumSource(value = SqlDialect.class, names = { "POSTGRESQL", "MYSQL", "H2" })
	void normalizesLoadById(SqlDialect dialect) {
		StatementFingerprint fingerprint = fingerprint(
				"select o1_0.id,o1_0.first_name,o1_0.last_name from owners o1_0 where o1_0.id=?", dialect);
		assertThat(fingerprint.normalizedSql())
			.isEqualTo("select o1_0.id, o1_0.first_name, o1_0.last_name from owners o1_0 where o1_0.id = ?");
		assertThat(fingerprint.kind()).isEqualTo(StatementKind.SELECT);
	}

	@ParameterizedTest
	@EnumSource(value = SqlDialect.class, names = { "POSTGRESQL", "MYSQL", "H2" })
	void givesLazyCollectionLoadsOneShape(SqlDialect dialect) {
		String sql = "select p1_0.owner_id,p1_0.id,p1_0.name from pets p1_0 where p1_0.owner_id=?";
		assertThat(fingerprint(sql, dialect).normalizedSql())
			.isEqualTo("select p1_0.owner_id, p1_0.id, p1_0.name from pets p1_0 where p1_0.owner_id = ?");
		assertThat(fingerprint(sql, dialect)).isSameAs(fingerprint(sql, dialect));
	}

	@ParameterizedTest
	@EnumSource(value = SqlDialect.class, names = { "POSTGRESQL", "MYSQL", "H2" })
	void givesPaddedInListsOneShape(SqlDialect dialect) {
		String base = "select p1_0.id,p1_0.name from pets p1_0 where p1_0.id in ";
		StatementFingerprint one = fingerprint(base + "(?)", dialect);
		assertThat(fingerprint(base + "(?,?)", dialect)).isEqualTo(one);
		assertThat(fingerprint(base + "(?,?,?,?)", dialect)).isEqualTo(one);
		assertThat(fingerprint(base + "(?,?,?,?,?,?,?,?)", dialect)).isEqualTo(one);
		assertThat(one.normalizedSql()).isEqualTo("select p1_0.id, p1_0.name from pets p1_0 where p1_0.id in (?)");
	}

	@Test
	void keepsPostgresqlBatchFetchWithArrayParameter() {
		StatementFingerprint fingerprint = fingerprint(
				"select p1_0.owner_id,p1_0.id,p1_0.name from pets p1_0 where p1_0.owner_id = any (?)",
				SqlDialect.POSTGRESQL);
		assertThat(fingerprint.normalizedSql())
			.isEqualTo("select p1_0.owner_id, p1_0.id, p1_0.name from pets p1_0 where p1_0.owner_id = any (?)");
	}

	@ParameterizedTest
	@EnumSource(value = SqlDialect.class, names = { "POSTGRESQL", "MYSQL", "H2" })
	void normalizesInserts(SqlDialect dialect) {
		StatementFingerprint fingerprint = fingerprint("insert into pets (name,owner_id,id) values (?,?,?)", dialect);
		assertThat(fingerprint.normalizedSql()).isEqualTo("insert into pets(name, owner_id, id) values (?, ?, ?)");
		assertThat(fingerprint.kind()).isEqualTo(StatementKind.INSERT);
	}

	@Test
	void normalizesSequenceCalls() {
		StatementFingerprint fingerprint = fingerprint("select nextval('pets_seq')", SqlDialect.POSTGRESQL);
		assertThat(fingerprint.normalizedSql()).isEqualTo("select nextval(?)");
		assertThat(fingerprint.kind()).isEqualTo(StatementKind.SELECT);
		assertThat(fingerprint("select next value for pets_seq", SqlDialect.H2).normalizedSql())
			.isEqualTo("select next value for pets_seq");
	}

	@ParameterizedTest
	@EnumSource(value = SqlDialect.class, names = { "POSTGRESQL", "H2" })
	void normalizesPagination(SqlDialect dialect) {
		String sql = "select o1_0.id,o1_0.last_name from owners o1_0 where o1_0.last_name like ? escape '' "
				+ "order by o1_0.last_name offset ? rows fetch first ? rows only";
		assertThat(fingerprint(sql, dialect).normalizedSql())
			.isEqualTo("select o1_0.id, o1_0.last_name from owners o1_0 where o1_0.last_name like ? escape ? "
					+ "order by o1_0.last_name offset ? rows fetch first ? rows only");
	}

	@Test
	void normalizesMysqlPagination() {
		assertThat(fingerprint("select o1_0.id from owners o1_0 limit ?,?", SqlDialect.MYSQL).normalizedSql())
			.isEqualTo("select o1_0.id from owners o1_0 limit ?, ?");
	}

	@ParameterizedTest
	@EnumSource(value = SqlDialect.class, names = { "POSTGRESQL", "MYSQL", "H2" })
	void normalizesJoinFetchesUpdatesAndDeletes(SqlDialect dialect) {
		assertThat(fingerprint("select o1_0.id,p1_0.owner_id,p1_0.id from owners o1_0 left join pets p1_0 "
				+ "on o1_0.id=p1_0.owner_id where o1_0.id=?", dialect)
			.normalizedSql())
			.isEqualTo("select o1_0.id, p1_0.owner_id, p1_0.id from owners o1_0 left join pets p1_0 "
					+ "on o1_0.id = p1_0.owner_id where o1_0.id = ?");
		StatementFingerprint update = fingerprint("update pets set name=?,owner_id=? where id=?", dialect);
		assertThat(update.normalizedSql()).isEqualTo("update pets set name = ?, owner_id = ? where id = ?");
		assertThat(update.kind()).isEqualTo(StatementKind.UPDATE);
		StatementFingerprint delete = fingerprint("delete from pets where id=?", dialect);
		assertThat(delete.normalizedSql()).isEqualTo("delete from pets where id = ?");
		assertThat(delete.kind()).isEqualTo(StatementKind.DELETE);
	}

}
