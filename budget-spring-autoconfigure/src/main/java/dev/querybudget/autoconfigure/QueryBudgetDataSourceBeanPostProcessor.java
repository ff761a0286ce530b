package dev.querybudget.autoconfigure;

import javax.sql.DataSource;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.jdbc.SequentialConnectionIdManager;
import dev.querybudget.jdbc.WrapperJdbcProxyFactory;
import net.ttddyy.dsproxy.listener.ChainListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Proxies every {@link DataSource} bean with datasource-proxy and the Query Budget
 * listener, its connections and statements wrapped by the {@link WrapperJdbcProxyFactory}
 * rather than JDK dynamic proxies, so that each statement is counted exactly once and
 * cheaply: a bean that already is a {@link ProxyDataSource} gets the listener added to
 * its chain, and a {@link DelegatingDataSource} (such as
 * {@code LazyConnectionDataSourceProxy}) over an already counted DataSource is left
 * alone.
 *
 * @author Query Budget contributors
 */
final class QueryBudgetDataSourceBeanPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<QueryBudgetTracker> tracker;

	QueryBudgetDataSourceBeanPostProcessor(ObjectProvider<QueryBudgetTracker> tracker) {
		this.tracker = tracker;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource dataSource) || ScopedProxyUtils.isScopedTarget(beanName)) {
			return bean;
		}
		ProxyDataSource proxied = findProxy(dataSource);
		if (proxied != null) {
			// Wrapping again would count every statement twice: join the existing chain
			ChainListener chain = proxied.getProxyConfig().getQueryListener();
			if (!isCounted(chain)) {
				chain.addListener(new QueryBudgetExecutionListener(this.tracker.getObject()));
			}
			return bean;
		}
		return WrapperJdbcProxyFactory.build(ProxyDataSourceBuilder.create(dataSource)
			.name(beanName)
			.connectionIdManager(new SequentialConnectionIdManager())
			.listener(new QueryBudgetExecutionListener(this.tracker.getObject())));
	}

	private static @Nullable ProxyDataSource findProxy(DataSource dataSource) {
		DataSource candidate = dataSource;
		for (int depth = 0; depth < 16 && candidate != null; depth++) {
			if (candidate instanceof ProxyDataSource proxy) {
				return proxy;
			}
			candidate = (candidate instanceof DelegatingDataSource delegating) ? delegating.getTargetDataSource()
					: null;
		}
		return null;
	}

	private static boolean isCounted(ChainListener chain) {
		for (QueryExecutionListener listener : chain.getListeners()) {
			if (listener instanceof QueryBudgetExecutionListener) {
				return true;
			}
		}
		return false;
	}

}
