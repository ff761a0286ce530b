package dev.querybudget.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.querybudget.Attribution;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.StatementOrigin;
import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.jdbc.WrapperJdbcProxyFactory;
import dev.querybudget.sql.SqlDialect;
import net.ttddyy.dsproxy.listener.NoOpQueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one JDBC statement ({@code prepareStatement}, {@code setInt},
 * {@code executeQuery}, {@code next}) against in-memory H2, the worst case for relative
 * overhead because the database itself is nearly free: on the raw H2 connection, through
 * a datasource-proxy {@code ProxyDataSource} with a no-op listener (with
 * datasource-proxy's JDK dynamic proxies, and with the {@link WrapperJdbcProxyFactory}
 * the starter uses), and through one with the Query Budget listener, both with no scope
 * open and inside an open request scope, and there with its origin declared around it, as
 * the Hibernate integration does for a lazy load.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = "-XX:+UseParallelGC")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class ListenerBenchmark {

	private static final String SQL = "select o1_0.id,o1_0.first_name,o1_0.last_name from owners o1_0 where o1_0.id=?";

	private static final int ROWS = 100;

	private static final StatementOrigin ORIGIN = StatementOrigin.collection("Owner.pets", false);

	private final QueryBudgetTracker tracker = QueryBudgetTracker.create();

	private Connection raw;

	private Connection noOpProxy;

	private Connection noOpWrapper;

	private Connection queryBudget;

	// Counted by a tracker that never opens a scope: the cost for statements outside any
	// unit of work.
	private Connection queryBudgetIdle;

	private QueryScope scope;

	private int id;

	@Setup(Level.Trial)
	public void openConnections() throws SQLException {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:listener-benchmark;DB_CLOSE_DELAY=-1");
		this.raw = h2.getConnection();
		try (Statement statement = this.raw.createStatement()) {
			statement
				.execute("create table owners (id int primary key, first_name varchar(50), last_name varchar(50))");
			for (int i = 0; i < ROWS; i++) {
				statement.execute("insert into owners values (" + i + ", 'George', 'Franklin')");
			}
		}
		DataSource noOp = ProxyDataSourceBuilder.create(h2).listener(new NoOpQueryExecutionListener()).build();
		this.noOpProxy = noOp.getConnection();
		DataSource noOpWrapped = ProxyDataSourceBuilder.create(h2)
			.jdbcProxyFactory(new WrapperJdbcProxyFactory())
			.listener(new NoOpQueryExecutionListener())
			.build();
		this.noOpWrapper = noOpWrapped.getConnection();
		DataSource counted = ProxyDataSourceBuilder.create(h2)
			.jdbcProxyFactory(new WrapperJdbcProxyFactory())
			.listener(new QueryBudgetExecutionListener(this.tracker, SqlDialect.H2))
			.build();
		this.queryBudget = counted.getConnection();
		DataSource idle = ProxyDataSourceBuilder.create(h2)
			.jdbcProxyFactory(new WrapperJdbcProxyFactory())
			.listener(new QueryBudgetExecutionListener(QueryBudgetTracker.create(), SqlDialect.H2))
			.build();
		this.queryBudgetIdle = idle.getConnection();
	}

	// A request-sized scope: reopened every iteration so its per-shape state stays that
	// of one request's loop.
	@Setup(Level.Iteration)
	public void openScope() {
		this.scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners/{id}");
	}

	@TearDown(Level.Iteration)
	public void closeScope() {
		this.scope.close();
	}

	@TearDown(Level.Trial)
	public void closeConnections() throws SQLException {
		this.queryBudgetIdle.close();
		this.queryBudget.close();
		this.noOpWrapper.close();
		this.noOpProxy.close();
		this.raw.close();
	}

	@Benchmark
	public String rawH2() throws SQLException {
		return query(this.raw);
	}

	@Benchmark
	public String proxyWithNoOpListener() throws SQLException {
		return query(this.noOpProxy);
	}

	@Benchmark
	public String wrapperWithNoOpListener() throws SQLException {
		return query(this.noOpWrapper);
	}

	@Benchmark
	public String queryBudgetInScope() throws SQLException {
		return query(this.queryBudget);
	}

	@Benchmark
	public String queryBudgetInScopeWithOrigin() throws SQLException {
		try (Attribution attribution = this.tracker.attribute(ORIGIN)) {
			return query(this.queryBudget);
		}
	}

	@Benchmark
	public String queryBudgetNoScope() throws SQLException {
		return query(this.queryBudgetIdle);
	}

	private String query(Connection connection) throws SQLException {
		int next = this.id;
		this.id = (next + 1 == ROWS) ? 0 : next + 1;
		try (PreparedStatement statement = connection.prepareStatement(SQL)) {
			statement.setInt(1, next);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getString(2);
			}
		}
	}

}
