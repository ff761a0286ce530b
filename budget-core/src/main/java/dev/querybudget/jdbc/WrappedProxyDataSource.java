package dev.querybudget.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.DataSourceProxyException;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ProxyDataSource} whose {@code getConnection} goes straight to the target
 * DataSource when no method listener is configured. datasource-proxy's own builds a
 * {@code MethodExecutionContext}, starts a stopwatch and calls the target by reflection
 * for every connection, all of it for method listeners; with none, the connection it
 * returns is the same: the target's, with its {@link ConnectionInfo} (id, DataSource
 * name, isolation level when configured), wrapped by the configuration's
 * {@code JdbcProxyFactory}. With a method listener, datasource-proxy's path runs.
 * <p>
 * The configuration and the target are read on every call, so that listeners and
 * configuration set on this DataSource after it was built apply as they do on its
 * superclass.
 */
final class WrappedProxyDataSource extends ProxyDataSource {

	WrappedProxyDataSource(ProxyDataSource built) {
		super(built.getDataSource());
		setProxyConfig(built.getProxyConfig());
	}

	@Override
	public Connection getConnection() throws SQLException {
		ProxyConfig config = getProxyConfig();
		if (!config.getMethodListener().getListeners().isEmpty()) {
			return super.getConnection();
		}
		try {
			return wrap(config, getDataSource().getConnection());
		}
		catch (RuntimeException ex) {
			throw failed(ex);
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		ProxyConfig config = getProxyConfig();
		if (!config.getMethodListener().getListeners().isEmpty()) {
			return super.getConnection(username, password);
		}
		try {
			return wrap(config, getDataSource().getConnection(username, password));
		}
		catch (RuntimeException ex) {
			throw failed(ex);
		}
	}

	/**
	 * Fails as datasource-proxy does: a {@link SQLException} as it is, another exception
	 * wrapped in a {@link DataSourceProxyException}.
	 */
	private static DataSourceProxyException failed(RuntimeException ex) {
		return new DataSourceProxyException("Failed to perform getConnection", ex);
	}

	/**
	 * Wraps the target's connection, or closes it when that fails (reading its isolation
	 * level, say): datasource-proxy would leave it open, out of its pool for good.
	 */
	private static Connection wrap(ProxyConfig config, Connection connection) throws SQLException {
		@Nullable String connectionId = null;
		try {
			ConnectionInfo connectionInfo = new ConnectionInfo();
			connectionId = config.getConnectionIdManager().getId(connection);
			connectionInfo.setConnectionId(connectionId);
			connectionInfo.setDataSourceName(config.getDataSourceName());
			if (config.isRetrieveIsolationLevel()) {
				connectionInfo.setIsolationLevel(connection.getTransactionIsolation());
			}
			return config.getJdbcProxyFactory().createConnection(connection, connectionInfo, config);
		}
		catch (SQLException | RuntimeException ex) {
			try {
				connection.close();
			}
			catch (SQLException | RuntimeException closeFailure) {
				ex.addSuppressed(closeFailure);
			}
			if (connectionId != null) {
				config.getConnectionIdManager().addClosedId(connectionId);
			}
			throw ex;
		}
	}

}
