package dev.querybudget.jdbc;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.querybudget.ActiveScopes;
import dev.querybudget.QueryBudgetExceededException;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.sql.SqlDialect;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.jspecify.annotations.Nullable;

/**
 * Feeds every statement of a datasource-proxy {@code ProxyDataSource} to the scopes
 * current in a {@link QueryBudgetTracker}, so that plain JDBC, JPA and jOOQ code is
 * counted alike. Register it with
 * {@code ProxyDataSourceBuilder.create(dataSource).listener(listener).build()}, one
 * listener per DataSource: the SQL dialect is read once from the first connection it
 * sees, unless given explicitly.
 * <p>
 * Time is measured with {@link System#nanoTime()} around the JDBC call, because
 * datasource-proxy's default stopwatch only reports milliseconds. Internal errors never
 * reach the application: the affected scopes log them once and stop counting. The one
 * deliberate exception is {@link dev.querybudget.EnforcementMode#FAIL_FAST}, which throws
 * from {@link #beforeQuery} so that datasource-proxy does not run the statement.
 * <p>
 * On a DataSource built with {@link WrapperJdbcProxyFactory#build} where it is the only
 * query listener, the wrappers hand it each execution and each prepared batch directly,
 * without datasource-proxy's {@code ExecutionInfo} and {@code QueryInfo}, and hash each
 * parameter as it is bound instead of recording a {@code ParameterSetOperation}; it
 * records the same figures either way.
 *
 * @since 0.1.0
 */
public final class QueryBudgetExecutionListener implements QueryExecutionListener {

	private static final System.Logger logger = System.getLogger(QueryBudgetExecutionListener.class.getName());

	private final QueryBudgetTracker tracker;

	private volatile @Nullable SqlDialect dialect;

	/**
	 * Creates a listener that reads the dialect from the first connection it sees.
	 * @param tracker the tracker whose scopes count the statements
	 */
	public QueryBudgetExecutionListener(QueryBudgetTracker tracker) {
		this.tracker = Objects.requireNonNull(tracker, "'tracker' must not be null");
	}

	/**
	 * Creates a listener for a DataSource of a known dialect.
	 * @param tracker the tracker whose scopes count the statements
	 * @param dialect the dialect of the DataSource
	 */
	public QueryBudgetExecutionListener(QueryBudgetTracker tracker, SqlDialect dialect) {
		this(tracker);
		this.dialect = Objects.requireNonNull(dialect, "'dialect' must not be null");
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		ActiveScopes scopes = this.tracker.activeScopes();
		if (scopes != null) {
			before(scopes);
		}
	}

	/**
	 * Starts timing a statement in the given scopes: an internal error stops counting, a
	 * fail-fast rejection stops the statement.
	 */
	private static void before(ActiveScopes scopes) {
		try {
			scopes.beforeStatement();
		}
		catch (QueryBudgetExceededException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			scopes.fail(ex);
		}
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		// Read again rather than handed over in the ExecutionInfo's custom-value map: a
		// ThreadLocal read costs nanoseconds, a map entry allocates on every statement
		ActiveScopes scopes = this.tracker.activeScopes();
		if (scopes == null) {
			return;
		}
		try {
			record(scopes, execInfo, queryInfoList);
		}
		catch (RuntimeException ex) {
			scopes.fail(ex);
		}
	}

	/**
	 * Runs one execution of a wrapped statement and counts it as {@link #beforeQuery} and
	 * {@link #afterQuery} would, for a proxy whose only query listener this is.
	 * @param statement the driver's statement
	 * @param sql the SQL executed
	 * @param parameterHash the hash {@link Parameters#hash} gives its parameter sets
	 * @param batchSize the number of parameter sets of a batch, {@code 0} for a single
	 * execution
	 * @param call the call to the driver
	 */
	<T> T count(Statement statement, String sql, long parameterHash, int batchSize,
			WrappedStatementSupport.JdbcCall<T> call) throws SQLException {
		ActiveScopes scopes = this.tracker.activeScopes();
		if (scopes == null) {
			return call.call();
		}
		before(scopes);
		@Nullable Object result = null;
		boolean success = false;
		try {
			T value = call.call();
			result = value;
			success = true;
			return value;
		}
		finally {
			try {
				scopes.afterStatement(sql, dialect(statement), parameterHash, batchSize, Rows.of(result), success);
			}
			catch (RuntimeException ex) {
				scopes.fail(ex);
			}
		}
	}

	/**
	 * Stops counting in the scopes current on this thread after an internal error outside
	 * an execution, such as a bound parameter whose hash throws.
	 * @param failure the internal error
	 */
	void fail(RuntimeException failure) {
		ActiveScopes scopes = this.tracker.activeScopes();
		if (scopes != null) {
			scopes.fail(failure);
		}
	}

	private void record(ActiveScopes scopes, ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		int size = queryInfoList.size();
		if (size == 0) {
			return;
		}
		SqlDialect dialect = dialect(execInfo.getStatement());
		long rows = Rows.of(execInfo.getResult());
		boolean success = execInfo.isSuccess();
		if (execInfo.isBatch() && size > 1) {
			List<String> sql = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				sql.add(queryInfoList.get(i).getQuery());
			}
			scopes.afterStatementBatch(sql, dialect, rows, success);
			return;
		}
		QueryInfo query = queryInfoList.get(0);
		int batchSize = execInfo.isBatch() ? Math.max(execInfo.getBatchSize(), 1) : 0;
		scopes.afterStatement(query.getQuery(), dialect, Parameters.hash(query.getParametersList()), batchSize, rows,
				success);
	}

	private SqlDialect dialect(@Nullable Statement statement) {
		SqlDialect dialect = this.dialect;
		if (dialect == null) {
			dialect = readDialect(statement);
			this.dialect = dialect;
		}
		return dialect;
	}

	private static SqlDialect readDialect(@Nullable Statement statement) {
		if (statement == null) {
			return SqlDialect.GENERIC;
		}
		try {
			return SqlDialect.fromProductName(statement.getConnection().getMetaData().getDatabaseProductName());
		}
		catch (SQLException | RuntimeException ex) {
			logger.log(Level.WARNING, "Could not read the database product name; fingerprinting with the GENERIC "
					+ "dialect. Pass the dialect to the QueryBudgetExecutionListener constructor to avoid this.", ex);
			return SqlDialect.GENERIC;
		}
	}

}
