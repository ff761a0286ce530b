package dev.querybudget.jdbc;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.Stopwatch;
import org.jspecify.annotations.Nullable;

/**
 * What the {@link Statement} and {@link java.sql.PreparedStatement} wrappers share: every
 * call goes straight to the driver's statement, and each execution is announced to the
 * query listener of the {@link ProxyConfig} with the {@link ExecutionInfo} and
 * {@link QueryInfo} that datasource-proxy's own proxies would build, or, when a
 * {@link QueryBudgetExecutionListener} is the only listener, counted by it directly.
 *
 * @param <S> the type of the driver's statement
 */
abstract class WrappedStatementSupport<S extends Statement> extends JdbcWrapper<S> implements Statement {

	private final ConnectionInfo connectionInfo;

	private final Connection proxyConnection;

	private final @Nullable QueryBudgetExecutionListener counter;

	WrappedStatementSupport(S target, ConnectionInfo connectionInfo, Connection proxyConnection,
			ProxyConfig proxyConfig) {
		super(target, proxyConfig);
		this.connectionInfo = connectionInfo;
		this.proxyConnection = proxyConnection;
		this.counter = soleCounter(proxyConfig);
	}

	/**
	 * Returns the Query Budget listener when it is the only query listener, as on a
	 * DataSource the starter proxies: nobody then reads datasource-proxy's
	 * {@code ExecutionInfo} and {@code QueryInfo}, and the statement hands each execution
	 * to the listener directly. Decided once per statement, which lives for a transaction
	 * or less.
	 */
	private static @Nullable QueryBudgetExecutionListener soleCounter(ProxyConfig proxyConfig) {
		List<QueryExecutionListener> listeners = proxyConfig.getQueryListener().getListeners();
		if (listeners.size() == 1 && listeners.get(0) instanceof QueryBudgetExecutionListener counter) {
			return counter;
		}
		return null;
	}

	/**
	 * Returns the listener that counts this statement's executions directly, or
	 * {@code null} if they go through datasource-proxy's execution data.
	 * @return the counting listener, or {@code null}
	 */
	final @Nullable QueryBudgetExecutionListener counter() {
		return this.counter;
	}

	/**
	 * Returns the queries of one execution of the given SQL.
	 * @param sql the SQL passed to the execution method
	 * @return the queries, as datasource-proxy reports them
	 */
	abstract List<QueryInfo> queries(String sql);

	/**
	 * Returns the SQL an execution of the given SQL runs, as {@link #queries} reports it.
	 * @param sql the SQL passed to the execution method
	 * @return the SQL executed
	 */
	abstract String executedSql(String sql);

	/**
	 * Returns the hash of the parameters bound for the next execution, as
	 * {@link Parameters#hash} gives it for the queries {@link #queries} would report.
	 * Called only on a statement {@link #counter() counted directly}.
	 * @return the hash, {@code 0} without parameters
	 */
	abstract long parameterHash();

	/**
	 * Returns the number of entries of the pending batch.
	 * @return the batch size
	 */
	abstract int batchSize();

	/**
	 * Returns the queries of the pending batch and starts an empty one.
	 * @return the batch's queries
	 */
	abstract List<QueryInfo> drainBatch();

	/**
	 * Records an {@code addBatch(String)} call.
	 * @param sql the SQL added
	 */
	abstract void batchAdded(String sql);

	/**
	 * Records a {@code clearBatch()} call.
	 */
	abstract void batchCleared();

	/**
	 * Runs one execution between the listener's {@code beforeQuery} and
	 * {@code afterQuery}, the way datasource-proxy's {@code StatementProxyLogic} does: a
	 * listener that throws from {@code beforeQuery} stops the statement from running.
	 */
	private <T> T execute(Method method, Object @Nullable [] args, List<QueryInfo> queries, boolean batch,
			int batchSize, JdbcCall<T> call) throws SQLException {
		ExecutionInfo execution = new ExecutionInfo(this.connectionInfo, this.target, batch, batchSize, method, args);
		QueryExecutionListener listener = this.proxyConfig.getQueryListener();
		listener.beforeQuery(execution, queries);
		Stopwatch stopwatch = this.proxyConfig.getStopwatchFactory().create().start();
		try {
			T result = call.call();
			execution.setElapsedTime(stopwatch.getElapsedTime());
			execution.setResult(result);
			execution.setSuccess(true);
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			execution.setElapsedTime(stopwatch.getElapsedTime());
			execution.setThrowable(ex);
			execution.setSuccess(false);
			throw ex;
		}
		finally {
			listener.afterQuery(execution, queries);
		}
	}

	/**
	 * Runs one execution. A statement {@link #counter() counted directly} builds none of
	 * datasource-proxy's execution data, and on a thread without a scope only runs the
	 * call.
	 */
	final <T> T executeSingle(Method method, String sql, Object @Nullable [] args, JdbcCall<T> call)
			throws SQLException {
		if (this.counter != null) {
			return this.counter.count(this.target, executedSql(sql), parameterHash(), 0, call);
		}
		return execute(method, args, queries(sql), false, 0, call);
	}

	/**
	 * Runs the pending batch.
	 * @param method the batch method called
	 * @param call the call to the driver
	 * @return the driver's result
	 */
	<T> T executeBatch(Method method, JdbcCall<T> call) throws SQLException {
		int size = batchSize();
		return execute(method, null, drainBatch(), true, size, call);
	}

	static List<QueryInfo> single(QueryInfo query) {
		List<QueryInfo> queries = new ArrayList<>(1);
		queries.add(query);
		return queries;
	}

	@Override
	public ResultSet executeQuery(String sql) throws SQLException {
		return executeSingle(JdbcMethods.EXECUTE_QUERY, sql, new Object[] { sql }, () -> this.target.executeQuery(sql));
	}

	@Override
	public int executeUpdate(String sql) throws SQLException {
		return executeSingle(JdbcMethods.EXECUTE_UPDATE, sql, new Object[] { sql },
				() -> this.target.executeUpdate(sql));
	}

	@Override
	public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
		return executeSingle(JdbcMethods.EXECUTE_UPDATE_AUTO_GENERATED_KEYS, sql,
				new Object[] { sql, autoGeneratedKeys }, () -> this.target.executeUpdate(sql, autoGeneratedKeys));
	}

	@Override
	public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
		return executeSingle(JdbcMethods.EXECUTE_UPDATE_COLUMN_INDEXES, sql, new Object[] { sql, columnIndexes },
				() -> this.target.executeUpdate(sql, columnIndexes));
	}

	@Override
	public int executeUpdate(String sql, String[] columnNames) throws SQLException {
		return executeSingle(JdbcMethods.EXECUTE_UPDATE_COLUMN_NAMES, sql, new Object[] { sql, columnNames },
				() -> this.target.executeUpdate(sql, columnNames));
	}

	@Override
	public long executeLargeUpdate(String sql) throws SQLException {
		return executeSingle(JdbcMethods.EXECUTE_LARGE_UPDATE, sql, new Object[] { sql },
				() -> this.target.executeLargeUpdate(sql));
	}

	@Override
	public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
		return executeSingle(JdbcMethods.EXECUTE_LARGE_UPDATE_AUTO_GENERATED_KEYS, sql,
				new Object[] { sql, autoGeneratedKeys }, () -> this.target.executeLargeUpdate(sql, autoGeneratedKeys));
	}

	@Override
	public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
		return executeSingle(JdbcMethods.EXECUTE_LARGE_UPDATE_COLUMN_INDEXES, sql, new Object[] { sql, columnIndexes },
				() -> this.target.executeLargeUpdate(sql, columnIndexes));
	}

	@Override
	public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
		return executeSingle(JdbcMethods.EXECUTE_LARGE_UPDATE_COLUMN_NAMES, sql, new Object[] { sql, columnNames },
				() -> this.target.executeLargeUpdate(sql, columnNames));
	}

	@Override
	public boolean execute(String sql) throws SQLException {
		return executeSingle(JdbcMethods.EXECUTE, sql, new Object[] { sql }, () -> this.target.execute(sql));
	}

	@Override
	public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
		return executeSingle(JdbcMethods.EXECUTE_AUTO_GENERATED_KEYS, sql, new Object[] { sql, autoGeneratedKeys },
				() -> this.target.execute(sql, autoGeneratedKeys));
	}

	@Override
	public boolean execute(String sql, int[] columnIndexes) throws SQLException {
		return executeSingle(JdbcMethods.EXECUTE_COLUMN_INDEXES, sql, new Object[] { sql, columnIndexes },
				() -> this.target.execute(sql, columnIndexes));
	}

	@Override
	public boolean execute(String sql, String[] columnNames) throws SQLException {
		return executeSingle(JdbcMethods.EXECUTE_COLUMN_NAMES, sql, new Object[] { sql, columnNames },
				() -> this.target.execute(sql, columnNames));
	}

	@Override
	public int[] executeBatch() throws SQLException {
		return executeBatch(JdbcMethods.EXECUTE_BATCH, this.target::executeBatch);
	}

	@Override
	public long[] executeLargeBatch() throws SQLException {
		return executeBatch(JdbcMethods.EXECUTE_LARGE_BATCH, this.target::executeLargeBatch);
	}

	@Override
	public void addBatch(String sql) throws SQLException {
		this.target.addBatch(sql);
		batchAdded(sql);
	}

	@Override
	public void clearBatch() throws SQLException {
		this.target.clearBatch();
		batchCleared();
	}

	@Override
	public Connection getConnection() {
		return this.proxyConnection;
	}

	@Override
	public void cancel() throws SQLException {
		this.target.cancel();
	}

	@Override
	public void clearWarnings() throws SQLException {
		this.target.clearWarnings();
	}

	@Override
	public void close() throws SQLException {
		this.target.close();
	}

	@Override
	public void closeOnCompletion() throws SQLException {
		this.target.closeOnCompletion();
	}

	@Override
	public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
		return this.target.enquoteIdentifier(identifier, alwaysQuote);
	}

	@Override
	public String enquoteLiteral(String value) throws SQLException {
		return this.target.enquoteLiteral(value);
	}

	@Override
	public String enquoteNCharLiteral(String value) throws SQLException {
		return this.target.enquoteNCharLiteral(value);
	}

	@Override
	public int getFetchDirection() throws SQLException {
		return this.target.getFetchDirection();
	}

	@Override
	public int getFetchSize() throws SQLException {
		return this.target.getFetchSize();
	}

	@Override
	public ResultSet getGeneratedKeys() throws SQLException {
		return this.target.getGeneratedKeys();
	}

	@Override
	public long getLargeMaxRows() throws SQLException {
		return this.target.getLargeMaxRows();
	}

	@Override
	public long getLargeUpdateCount() throws SQLException {
		return this.target.getLargeUpdateCount();
	}

	@Override
	public int getMaxFieldSize() throws SQLException {
		return this.target.getMaxFieldSize();
	}

	@Override
	public int getMaxRows() throws SQLException {
		return this.target.getMaxRows();
	}

	@Override
	public boolean getMoreResults() throws SQLException {
		return this.target.getMoreResults();
	}

	@Override
	public boolean getMoreResults(int current) throws SQLException {
		return this.target.getMoreResults(current);
	}

	@Override
	public int getQueryTimeout() throws SQLException {
		return this.target.getQueryTimeout();
	}

	@Override
	public ResultSet getResultSet() throws SQLException {
		return this.target.getResultSet();
	}

	@Override
	public int getResultSetConcurrency() throws SQLException {
		return this.target.getResultSetConcurrency();
	}

	@Override
	public int getResultSetHoldability() throws SQLException {
		return this.target.getResultSetHoldability();
	}

	@Override
	public int getResultSetType() throws SQLException {
		return this.target.getResultSetType();
	}

	@Override
	public int getUpdateCount() throws SQLException {
		return this.target.getUpdateCount();
	}

	@Override
	public SQLWarning getWarnings() throws SQLException {
		return this.target.getWarnings();
	}

	@Override
	public boolean isCloseOnCompletion() throws SQLException {
		return this.target.isCloseOnCompletion();
	}

	@Override
	public boolean isClosed() throws SQLException {
		return this.target.isClosed();
	}

	@Override
	public boolean isPoolable() throws SQLException {
		return this.target.isPoolable();
	}

	@Override
	public boolean isSimpleIdentifier(String identifier) throws SQLException {
		return this.target.isSimpleIdentifier(identifier);
	}

	@Override
	public void setCursorName(String name) throws SQLException {
		this.target.setCursorName(name);
	}

	@Override
	public void setEscapeProcessing(boolean enable) throws SQLException {
		this.target.setEscapeProcessing(enable);
	}

	@Override
	public void setFetchDirection(int direction) throws SQLException {
		this.target.setFetchDirection(direction);
	}

	@Override
	public void setFetchSize(int rows) throws SQLException {
		this.target.setFetchSize(rows);
	}

	@Override
	public void setLargeMaxRows(long max) throws SQLException {
		this.target.setLargeMaxRows(max);
	}

	@Override
	public void setMaxFieldSize(int max) throws SQLException {
		this.target.setMaxFieldSize(max);
	}

	@Override
	public void setMaxRows(int max) throws SQLException {
		this.target.setMaxRows(max);
	}

	@Override
	public void setPoolable(boolean poolable) throws SQLException {
		this.target.setPoolable(poolable);
	}

	@Override
	public void setQueryTimeout(int seconds) throws SQLException {
		this.target.setQueryTimeout(seconds);
	}

	/**
	 * One call to the driver.
	 *
	 * @param <T> the call's result
	 */
	@FunctionalInterface
	interface JdbcCall<T> {

		T call() throws SQLException;

	}

}
