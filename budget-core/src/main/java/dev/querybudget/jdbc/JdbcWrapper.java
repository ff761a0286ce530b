package dev.querybudget.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import org.jspecify.annotations.Nullable;

/**
 * What every wrapper shares with datasource-proxy's JDK proxies: it exposes its driver
 * object and configuration as a {@link ProxyJdbcObject}, unwraps through the driver
 * object, and equals, hashes and prints as datasource-proxy's proxies do.
 *
 * @param <T> the type of the driver object
 */
abstract class JdbcWrapper<T extends Wrapper> implements Wrapper, ProxyJdbcObject {

	final T target;

	final ProxyConfig proxyConfig;

	JdbcWrapper(T target, ProxyConfig proxyConfig) {
		this.target = target;
		this.proxyConfig = proxyConfig;
	}

	@Override
	public final Object getTarget() {
		return this.target;
	}

	@Override
	public final ProxyConfig getProxyConfig() {
		return this.proxyConfig;
	}

	@Override
	public final <U> U unwrap(Class<U> iface) throws SQLException {
		return this.target.unwrap(iface);
	}

	@Override
	public final boolean isWrapperFor(Class<?> iface) throws SQLException {
		return this.target.isWrapperFor(iface);
	}

	/**
	 * Equal to its driver object, and to any wrapper or proxy of it.
	 */
	@Override
	public final boolean equals(@Nullable Object other) {
		return this.target.equals(other)
				|| (other instanceof ProxyJdbcObject proxy && this.target.equals(proxy.getTarget()));
	}

	@Override
	public final int hashCode() {
		return this.target.hashCode();
	}

	@Override
	public final String toString() {
		return this.target.getClass().getSimpleName() + " [" + this.target + "]";
	}

}
