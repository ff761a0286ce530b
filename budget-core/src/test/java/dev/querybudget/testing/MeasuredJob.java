package dev.querybudget.testing;

import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

import dev.querybudget.Budget;
import dev.querybudget.EnforcementMode;
import dev.querybudget.FingerprintCount;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.TrackerSettings;
import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.sql.SqlDialect;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import org.openjdk.jol.info.GraphLayout;

/**
 * A job's scope whose statements go through the datasource-proxy listener on the calling
 * thread, as in an application, and whose heap JOL measures: what the memory tests and
 * {@code MemoryReport} share. The scope is detached, so that its object graph holds no
 * thread.
 */
@SuppressWarnings("try")
public final class MeasuredJob {

	private static final Method SET_LONG = setLong();

	private final QueryBudgetTracker tracker;

	private final QueryBudgetExecutionListener listener;

	private final QueryScope scope;

	/**
	 * Opens the scope of a job on a new tracker.
	 * @param settings the tracker's settings
	 */
	public MeasuredJob(TrackerSettings settings) {
		this.tracker = QueryBudgetTracker.create(settings);
		this.listener = new QueryBudgetExecutionListener(this.tracker, SqlDialect.POSTGRESQL);
		this.scope = this.tracker.openDetached(ScopeKind.JOB, "nightly-export", Budget.unlimited(),
				EnforcementMode.RECORD);
	}

	/**
	 * Runs statements {@code from} to {@code to} (exclusive) in the scope, each with one
	 * {@code long} parameter.
	 * @param from the index of the first statement
	 * @param to the index after the last statement
	 * @param sql the text of a statement by index
	 * @param parameter the parameter of a statement by index
	 */
	public void run(int from, int to, IntFunction<String> sql, IntToLongFunction parameter) {
		try (QueryScope.Attachment attachment = this.scope.attach()) {
			for (int i = from; i < to; i++) {
				execute(this.listener, sql.apply(i), parameter.applyAsLong(i));
			}
		}
	}

	/**
	 * Returns the bytes the open scope adds to the heap.
	 * @return the bytes reachable from the scope but not from its tracker
	 */
	public long retained() {
		return retained(this.scope, this.tracker);
	}

	/**
	 * Closes the scope.
	 * @return its report, taken just before it closed
	 */
	public ScopeReport close() {
		ScopeReport report = this.scope.report();
		this.scope.close();
		return report;
	}

	/**
	 * Returns the bytes a scope adds to the heap.
	 * @param scope the scope
	 * @param tracker its tracker
	 * @return the bytes reachable from the scope but not from the tracker
	 */
	public static long retained(QueryScope scope, QueryBudgetTracker tracker) {
		return GraphLayout.parseInstance(scope).totalSize() - GraphLayout.parseInstance(tracker).totalSize();
	}

	/**
	 * Returns the shape of a report's truncated statement.
	 * @param report the report
	 * @return the first shape whose statement was longer than {@code maxSqlLength}
	 */
	public static FingerprintCount truncatedShape(ScopeReport report) {
		for (FingerprintCount count : report.fingerprints()) {
			if (count.fingerprint().truncated()) {
				return count;
			}
		}
		throw new AssertionError("Expecting a truncated statement in " + report.fingerprints());
	}

	/**
	 * Runs one statement with one {@code long} parameter through a listener, in whatever
	 * scope is current.
	 * @param listener the listener
	 * @param sql the statement
	 * @param parameter its parameter
	 */
	public static void execute(QueryBudgetExecutionListener listener, String sql, long parameter) {
		ExecutionInfo execution = new ExecutionInfo();
		execution.setSuccess(true);
		execution.setResult(1);
		QueryInfo query = new QueryInfo(sql);
		query.setParametersList(List.of(List.of(new ParameterSetOperation(SET_LONG, new Object[] { 1, parameter }))));
		List<QueryInfo> queries = List.of(query);
		listener.beforeQuery(execution, queries);
		listener.afterQuery(execution, queries);
	}

	private static Method setLong() {
		try {
			return PreparedStatement.class.getMethod("setLong", int.class, long.class);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
