package dev.querybudget.jdbc;

import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import net.ttddyy.dsproxy.ConnectionIdManager;

/**
 * Numbers the connections of one proxied DataSource 1, 2, 3 and so on, as
 * datasource-proxy's default {@code DefaultConnectionIdManager} does, without keeping the
 * set of open ids that only {@link #getOpenConnectionIds()} reads: the default adds and
 * removes every id in a {@code HashSet} under a lock, on every connection a pool hands
 * out, for a set that nothing in datasource-proxy or Query Budget reads. Use it when
 * nothing asks for the open ids: <pre class="code">
 * WrapperJdbcProxyFactory.build(ProxyDataSourceBuilder.create(dataSource)
 *     .connectionIdManager(new SequentialConnectionIdManager())
 *     .listener(new QueryBudgetExecutionListener(tracker)));
 * </pre>
 *
 * @since 0.1.0
 */
public final class SequentialConnectionIdManager implements ConnectionIdManager {

	private final AtomicLong last = new AtomicLong();

	@Override
	public String getId(Connection connection) {
		return Long.toString(this.last.incrementAndGet());
	}

	@Override
	public void addClosedId(String closedId) {
	}

	/**
	 * Not supported: open ids are not kept.
	 * @throws UnsupportedOperationException always
	 */
	@Override
	public Set<String> getOpenConnectionIds() {
		throw new UnsupportedOperationException("SequentialConnectionIdManager does not keep the ids of open "
				+ "connections; configure datasource-proxy's DefaultConnectionIdManager to read them");
	}

}
