package dev.querybudget.integration;

import dev.querybudget.sql.SqlDialect;
import dev.querybudget.testing.TestDatabase;
import dev.querybudget.testing.TestDatabases;

class MariaDbListenerIT extends AbstractListenerIT {

	@Override
	TestDatabase database() {
		return TestDatabases.mariadb();
	}

	@Override
	String tablePrefix() {
		return "qb_listener_maria_";
	}

	@Override
	SqlDialect expectedDialect() {
		return SqlDialect.MYSQL;
	}

}
