package dev.querybudget.jdbc;

import java.util.List;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.sql.SqlDialect;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The listener called directly, with hand-made datasource-proxy execution data.
 */
class QueryBudgetExecutionListenerTests {

	private final QueryBudgetTracker tracker = QueryBudgetTracker.create();

	private final QueryBudgetExecutionListener listener = new QueryBudgetExecutionListener(this.tracker,
			SqlDialect.POSTGRESQL);

	@Test
	void statementsWithoutAScopeLeaveNoTrace() {
		ExecutionInfo info = execution(Boolean.TRUE);
		this.listener.beforeQuery(info, List.of(new QueryInfo("select 1")));
		this.listener.afterQuery(info, List.of(new QueryInfo("select 1")));
		assertThat(this.tracker.activeScopes()).isNull();
	}

	@Test
	void afterQueryWithoutBeforeQueryIsIgnored() {
		try (QueryScope scope = this.tracker.open(ScopeKind.TEST, "test")) {
			this.listener.afterQuery(execution(1), List.of(new QueryInfo("update t set a = 1")));
			assertThat(scope.report().statementCount()).isZero();
		}
	}

	@Test
	void statementWithoutAConnectionIsFingerprintedWithTheGenericDialect() {
		QueryBudgetExecutionListener reading = new QueryBudgetExecutionListener(this.tracker);
		try (QueryScope scope = this.tracker.open(ScopeKind.TEST, "test")) {
			ExecutionInfo info = execution(2);
			reading.beforeQuery(info, List.of(new QueryInfo("update t set a = 1")));
			reading.afterQuery(info, List.of(new QueryInfo("update t set a = 1")));
			assertThat(scope.report().statementCount()).isEqualTo(1);
			assertThat(scope.report().rowCount()).isEqualTo(2);
		}
	}

	@Test
	void failureReadingTheExecutionNeverReachesTheCaller() {
		try (QueryScope scope = this.tracker.open(ScopeKind.TEST, "test")) {
			ExecutionInfo info = new ExecutionInfo() {

				@Override
				public Object getResult() {
					throw new IllegalStateException("broken driver");
				}

			};
			info.setSuccess(true);
			this.listener.beforeQuery(info, List.of(new QueryInfo("select 1")));
			assertThatNoException()
				.isThrownBy(() -> this.listener.afterQuery(info, List.of(new QueryInfo("select 1"))));
			assertThat(scope.report().incomplete()).isTrue();
		}
	}

	private static ExecutionInfo execution(Object result) {
		ExecutionInfo info = new ExecutionInfo();
		info.setResult(result);
		info.setSuccess(true);
		return info;
	}

}
