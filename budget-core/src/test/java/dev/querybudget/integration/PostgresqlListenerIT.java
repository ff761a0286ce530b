package dev.querybudget.integration;

import dev.querybudget.sql.SqlDialect;
import dev.querybudget.testing.TestDatabase;
import dev.querybudget.testing.TestDatabases;

class PostgresqlListenerIT extends AbstractListenerIT {

	@Override
	TestDatabase database() {
		return TestDatabases.postgresql();
	}

	@Override
	String tablePrefix() {
		return "qb_listener_pg_";
	}

	@Override
	SqlDialect expectedDialect() {
		return SqlDialect.POSTGRESQL;
	}

}
