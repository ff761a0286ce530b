package dev.querybudget.jdbc;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ProxyConfig;

/**
 * A plain {@link Statement}: each execution reports the SQL it was given, and a batch
 * reports one query per {@code addBatch(String)}.
 */
final class WrappedStatement extends WrappedStatementSupport<Statement> {

	private final List<String> batch = new ArrayList<>(0);

	WrappedStatement(Statement target, ConnectionInfo connectionInfo, Connection proxyConnection,
			ProxyConfig proxyConfig) {
		super(target, connectionInfo, proxyConnection, proxyConfig);
	}

	@Override
	List<QueryInfo> queries(String sql) {
		return single(new QueryInfo(sql));
	}

	@Override
	String executedSql(String sql) {
		return sql;
	}

	@Override
	long parameterHash() {
		return 0;
	}

	@Override
	int batchSize() {
		return this.batch.size();
	}

	@Override
	List<QueryInfo> drainBatch() {
		List<QueryInfo> queries = new ArrayList<>(this.batch.size());
		for (String sql : this.batch) {
			queries.add(new QueryInfo(sql));
		}
		this.batch.clear();
		return queries;
	}

	@Override
	void batchAdded(String sql) {
		this.batch.add(sql);
	}

	@Override
	void batchCleared() {
		this.batch.clear();
	}

}
