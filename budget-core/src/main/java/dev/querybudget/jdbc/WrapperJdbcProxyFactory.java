package dev.querybudget.jdbc;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.proxy.JdbcProxyFactory;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import net.ttddyy.dsproxy.transform.NoOpParameterTransformer;
import net.ttddyy.dsproxy.transform.NoOpQueryTransformer;

/**
 * A datasource-proxy {@link JdbcProxyFactory} that wraps connections, statements and
 * prepared statements in plain classes instead of JDK dynamic proxies: a call that no
 * query listener needs goes straight to the driver, without reflection or a per-call
 * allocation, and a statement costs one small object instead of a
 * {@link java.lang.reflect.Proxy}. Query listeners see the same {@code ExecutionInfo} and
 * {@code QueryInfo} as with datasource-proxy's default factory, with the parameters of a
 * prepared statement in index order.
 * <p>
 * The wrappers implement query listeners only. Whenever the {@link ProxyConfig} asks for
 * more (a method listener, a query or parameter transformer, proxied result sets or
 * generated keys), this factory hands over to datasource-proxy's default factory, as it
 * does for callable statements and result sets, so that every configuration behaves
 * exactly as without it. {@link #build(ProxyDataSourceBuilder)} builds a
 * {@link ProxyDataSource} that uses it and also gets its connections without
 * datasource-proxy's per-connection bookkeeping for method listeners, when there are
 * none: <pre class="code">
 * DataSource counted = WrapperJdbcProxyFactory.build(ProxyDataSourceBuilder.create(dataSource)
 *     .listener(new QueryBudgetExecutionListener(tracker)));
 * </pre> Setting it with {@code ProxyDataSourceBuilder.jdbcProxyFactory} wraps the
 * connections and statements alike, with datasource-proxy's own {@code getConnection}.
 *
 * @since 0.1.0
 */
public final class WrapperJdbcProxyFactory implements JdbcProxyFactory {

	/**
	 * Builds the builder's {@link ProxyDataSource} with this factory, and with a
	 * {@code getConnection} that goes straight to the target DataSource when no method
	 * listener is configured: datasource-proxy's builds a {@code MethodExecutionContext}
	 * and calls the target by reflection for every connection, for method listeners only.
	 * The connection it returns is the same, with the same {@code ConnectionInfo}.
	 * @param builder the configured builder; its JDBC proxy factory is set to this one
	 * @return the proxied DataSource
	 * @since 0.1.0
	 */
	public static ProxyDataSource build(ProxyDataSourceBuilder builder) {
		return new WrappedProxyDataSource(builder.jdbcProxyFactory(new WrapperJdbcProxyFactory()).build());
	}

	/**
	 * Whether the wrappers can serve the given configuration: it uses nothing beyond
	 * query listeners.
	 * @param config the proxy configuration
	 * @return {@code true} if the wrappers serve it
	 */
	static boolean wraps(ProxyConfig config) {
		return config.getMethodListener().getListeners().isEmpty()
				&& config.getQueryTransformer() instanceof NoOpQueryTransformer
				&& config.getParameterTransformer() instanceof NoOpParameterTransformer
				&& !config.isResultSetProxyEnabled() && !config.isGeneratedKeysProxyEnabled()
				&& !config.isAutoRetrieveGeneratedKeys();
	}

	@Override
	public DataSource createDataSource(DataSource dataSource, ProxyConfig proxyConfig) {
		return DEFAULT.createDataSource(dataSource, proxyConfig);
	}

	@Override
	public Connection createConnection(Connection connection, ConnectionInfo connectionInfo, ProxyConfig proxyConfig) {
		if (wraps(proxyConfig)) {
			return new WrappedConnection(connection, connectionInfo, proxyConfig);
		}
		return DEFAULT.createConnection(connection, connectionInfo, proxyConfig);
	}

	@Override
	public Statement createStatement(Statement statement, ConnectionInfo connectionInfo, Connection proxyConnection,
			ProxyConfig proxyConfig) {
		if (wraps(proxyConfig)) {
			return new WrappedStatement(statement, connectionInfo, proxyConnection, proxyConfig);
		}
		return DEFAULT.createStatement(statement, connectionInfo, proxyConnection, proxyConfig);
	}

	@Override
	public PreparedStatement createPreparedStatement(PreparedStatement preparedStatement, String query,
			ConnectionInfo connectionInfo, Connection proxyConnection, ProxyConfig proxyConfig, boolean generateKey) {
		if (wraps(proxyConfig)) {
			return new WrappedPreparedStatement(preparedStatement, query, connectionInfo, proxyConnection, proxyConfig);
		}
		return DEFAULT.createPreparedStatement(preparedStatement, query, connectionInfo, proxyConnection, proxyConfig,
				generateKey);
	}

	@Override
	public CallableStatement createCallableStatement(CallableStatement callableStatement, String query,
			ConnectionInfo connectionInfo, Connection proxyConnection, ProxyConfig proxyConfig) {
		return DEFAULT.createCallableStatement(callableStatement, query, connectionInfo, proxyConnection, proxyConfig);
	}

	@Override
	public ResultSet createResultSet(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig proxyConfig) {
		return DEFAULT.createResultSet(resultSet, connectionInfo, proxyConfig);
	}

	@Override
	public ResultSet createGeneratedKeys(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig proxyConfig) {
		return DEFAULT.createGeneratedKeys(resultSet, connectionInfo, proxyConfig);
	}

}
