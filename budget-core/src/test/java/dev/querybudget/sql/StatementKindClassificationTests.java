package dev.querybudget.sql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how {@link SqlFingerprinter} classifies statements.
 */
class StatementKindClassificationTests {

	private final SqlFingerprinter fingerprinter = SqlFingerprinter.create();

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			SELECT * FROM t                                                   | SELECT
			  select 1                                                        | SELECT
			/* comment */ -- another\\n select 1                               | SELECT
			select * from t for update                                        | SELECT
			(select 1) union (select 2)                                       | SELECT
			((select 1))                                                      | SELECT
			with x as (select 1) select * from x                              | SELECT
			WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT * FROM r | SELECT
			values (1, 2)                                                     | SELECT
			table pets                                                        | SELECT
			insert into t values (1)                                          | INSERT
			insert into t (a) values (1) on conflict (a) do nothing           | INSERT
			insert into t (a) values (1) on duplicate key update a = 1        | INSERT
			replace into t values (1)                                         | INSERT
			with x as (select 1) insert into t select * from x                | INSERT
			update t set a = 1                                                | UPDATE
			with x as (select 1) update t set a = 1 from x                    | UPDATE
			delete from t where a = 1                                         | DELETE
			with x as (delete from t returning *) select * from x             | SELECT
			with x as (select 1) delete from t                                | DELETE
			merge into t using s on t.id = s.id when matched then delete      | MERGE
			upsert into t values (1)                                          | MERGE
			call proc(1)                                                      | CALL
			{call proc(?)}                                                    | CALL
			{? = call proc(?)}                                                | CALL
			{ ?= CALL proc(?) }                                               | CALL
			exec proc 1                                                       | CALL
			execute proc(1)                                                   | CALL
			create table t (id int)                                           | DDL
			alter table t add column a int                                    | DDL
			drop table t                                                      | DDL
			truncate table t                                                  | DDL
			comment on table t is 'x'                                         | DDL
			grant select on t to u                                            | DDL
			revoke select on t from u                                         | DDL
			rename table a to b                                               | DDL
			begin                                                             | OTHER
			commit                                                            | OTHER
			set search_path = x                                               | OTHER
			show tables                                                       | OTHER
			explain select 1                                                  | OTHER
			'select'                                                          | OTHER
			with x as (select 1)                                              | OTHER
			1 + 1                                                             | OTHER
			""")
	void classifiesStatements(String sql, StatementKind kind) {
		String statement = sql.replace("\\n", "\n");
		for (SqlDialect dialect : SqlDialect.values()) {
			assertThat(this.fingerprinter.fingerprint(statement, dialect).kind()).as("%s in %s", sql, dialect)
				.isEqualTo(kind);
		}
	}

}
