package dev.querybudget.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.querybudget.Budget;
import dev.querybudget.BudgetViolationListener;
import dev.querybudget.EnforcementMode;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.TrackerSettings;
import dev.querybudget.autoconfigure.QueryBudgetProperties;
import dev.querybudget.autoconfigure.RequestOutcome;
import dev.querybudget.autoconfigure.RequestOutcomes;
import dev.querybudget.autoconfigure.metrics.QueryBudgetMetrics;
import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.jdbc.WrapperJdbcProxyFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Cost of one healthy request scope without the web stack: open it, run one primary-key
 * SELECT on in-memory H2 through the proxy, and close it with the request's outcome, as
 * the starter's filter does; with no listener (the scope is judged from its counters),
 * and with the starter's {@link QueryBudgetMetrics} on a Prometheus registry (the closed
 * scope's report, its tags and its meters). The difference is what closing a scope costs
 * when the meters read it; {@code -prof gc} shows its allocation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class ScopeCloseBenchmark {

	private static final Budget BUDGET = Budget.ofMaxStatements(5);

	private static final RequestOutcome OUTCOME = new RequestOutcome("GET", "/owners/{id}", 200);

	@Param({ "no-listener", "meters" })
	public String listeners;

	private final RequestOutcomes outcomes = new RequestOutcomes();

	private QueryBudgetTracker tracker;

	private DataSource proxied;

	@Setup
	public void start() throws SQLException {
		TrackerSettings.Builder settings = TrackerSettings.builder();
		if ("meters".equals(this.listeners)) {
			StaticListableBeanFactory beans = new StaticListableBeanFactory();
			beans.addBean("registry", new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
			BudgetViolationListener metrics = new QueryBudgetMetrics(beans.getBeanProvider(MeterRegistry.class),
					this.outcomes, new QueryBudgetProperties().getMetrics());
			settings.addListener(metrics);
		}
		this.tracker = QueryBudgetTracker.create(settings.build());
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:scope-close;DB_CLOSE_DELAY=-1");
		try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists owners (id int primary key, name varchar(50))");
			statement.execute("merge into owners values (1, 'George')");
		}
		// As the starter proxies a DataSource
		this.proxied = WrapperJdbcProxyFactory
			.build(ProxyDataSourceBuilder.create(h2).listener(new QueryBudgetExecutionListener(this.tracker)));
	}

	@Benchmark
	public String request() throws SQLException {
		QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners/{id}", BUDGET, EnforcementMode.LOG);
		String name;
		try {
			name = owner(1);
		}
		finally {
			this.outcomes.closing(OUTCOME, scope::close);
		}
		return name;
	}

	private String owner(int id) throws SQLException {
		try (Connection connection = this.proxied.getConnection();
				PreparedStatement statement = connection.prepareStatement("select name from owners where id = ?")) {
			statement.setInt(1, id);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getString(1) : "";
			}
		}
	}

}
