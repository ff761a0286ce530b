package dev.querybudget.jdbc;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.DataSourceProxyException;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.JdbcProxyFactory;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link WrapperJdbcProxyFactory} against datasource-proxy's default factory: the same
 * JDBC calls over the same H2 database must reach the query listener with the same
 * execution data, and the wrappers must behave as datasource-proxy's JDK proxies do.
 */
final class WrapperJdbcProxyFactoryTests {

	private static final AtomicInteger databases = new AtomicInteger();

	private final JdbcDataSource h2 = new JdbcDataSource();

	WrapperJdbcProxyFactoryTests() {
		this.h2.setURL("jdbc:h2:mem:wrapper-factory-" + databases.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
	}

	@Test
	void statementsAndPreparedStatementsReportTheSameExecutionsAsDatasourceProxy() throws SQLException {
		Recorder datasourceProxy = new Recorder();
		CapturingFactory datasourceProxyFactory = new CapturingFactory(JdbcProxyFactory.DEFAULT);
		script(proxy(datasourceProxyFactory, datasourceProxy, ProxyDataSourceBuilder::retrieveIsolation),
				datasourceProxy);
		Recorder wrappers = new Recorder();
		CapturingFactory wrapperFactory = new CapturingFactory(new WrapperJdbcProxyFactory());
		script(proxy(wrapperFactory, wrappers, ProxyDataSourceBuilder::retrieveIsolation), wrappers);
		assertThat(datasourceProxy.jdbcObjects).allMatch((type) -> type.startsWith("JDK proxy"));
		assertThat(wrappers.jdbcObjects).allMatch((type) -> type.startsWith("Wrapped")
				|| type.equals("JDK proxy of " + CallableStatement.class.getName()));
		assertThat(datasourceProxy.events).hasSizeGreaterThan(100)
			.anyMatch((event) -> event.contains("JdbcSQLSyntaxErrorException"))
			.anyMatch((event) -> event.contains("JdbcSQLIntegrityConstraintViolationException"))
			.allMatch((event) -> !event.contains("sameAsAfterQuery=false"));
		assertThat(wrappers.events).containsExactlyElementsOf(datasourceProxy.events);
		assertThat(wrapperFactory.connections()).containsExactlyElementsOf(datasourceProxyFactory.connections());
	}

	@Test
	void preparedStatementReportsParametersInIndexOrderWhereDatasourceProxyKeepsBindingOrder() throws SQLException {
		Recorder wrappers = new Recorder();
		bindOutOfOrder(proxy(new WrapperJdbcProxyFactory(), wrappers));
		assertThat(wrappers.parameterSets()).containsExactly(
				"[setString[int, class java.lang.String][1, a], setInt[int, int][2, 2], setLong[int, long][3, 3]]",
				"[setString[int, class java.lang.String][1, b], setInt[int, int][2, 4], setLong[int, long][3, 5]]");
		// The one intended difference from datasource-proxy, which lists parameters in
		// the order of their first binding
		Recorder datasourceProxy = new Recorder();
		bindOutOfOrder(proxy(JdbcProxyFactory.DEFAULT, datasourceProxy));
		assertThat(datasourceProxy.parameterSets()).containsExactly(
				"[setLong[int, long][3, 3], setString[int, class java.lang.String][1, a], setInt[int, int][2, 2]]",
				"[setInt[int, int][2, 4], setString[int, class java.lang.String][1, b], setLong[int, long][3, 5]]");
	}

	// A deliberate difference from datasource-proxy, which records a binding, addBatch()
	// or addBatch(String) before calling the driver and so reports calls the driver
	// rejected (a third parameter of a two-parameter statement, a batch entry H2 never
	// ran). The wrappers record what the driver accepted: the report matches what ran.
	@Test
	void callsTheDriverRejectsAreNotReported() throws SQLException {
		Recorder wrappers = new Recorder();
		rejectedCalls(proxy(new WrapperJdbcProxyFactory(), wrappers), wrappers);
		assertThat(wrappers.parameterSets()).containsExactly("[setInt[int, int][1, 1], setInt[int, int][2, 2]]",
				"[setString[int, class java.lang.String][1, r1], setInt[int, int][2, 2]]",
				"[setString[int, class java.lang.String][1, r2]]");
		assertThat(wrappers.batchSizes()).containsExactly(0, 1, 0, 1);
		assertThat(wrappers.queries()).endsWith("update item set quantity = 1");
	}

	@ParameterizedTest
	@MethodSource("configurationsBeyondQueryListeners")
	void fallsBackToJdkProxiesWhenTheConfigurationAsksForMoreThanQueryListeners(
			UnaryOperator<ProxyDataSourceBuilder> configuration) throws SQLException {
		Recorder recorder = new Recorder();
		DataSource dataSource = proxy(new WrapperJdbcProxyFactory(), recorder, configuration);
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				PreparedStatement prepared = connection.prepareStatement("select ?")) {
			assertThat(Proxy.isProxyClass(connection.getClass())).isTrue();
			assertThat(Proxy.isProxyClass(statement.getClass())).isTrue();
			assertThat(Proxy.isProxyClass(prepared.getClass())).isTrue();
			statement.executeQuery("select 1").close();
			prepared.setInt(1, 1);
			prepared.executeQuery().close();
		}
		assertThat(recorder.queries()).containsExactly("select 1", "select 1", "select ?", "select ?");
	}

	static Stream<Arguments> configurationsBeyondQueryListeners() {
		return Stream.of(configuration("methodListener", (builder) -> builder.beforeMethod((context) -> {
		})), configuration("queryTransformer", (builder) -> builder.queryTransformer((info) -> info.getQuery())),
				configuration("parameterTransformer", (builder) -> builder.parameterTransformer((replacer, info) -> {
				})), configuration("proxyResultSet", ProxyDataSourceBuilder::proxyResultSet),
				configuration("proxyGeneratedKeys", ProxyDataSourceBuilder::proxyGeneratedKeys),
				configuration("autoRetrieveGeneratedKeys", (builder) -> builder.autoRetrieveGeneratedKeys(true)));
	}

	private static Arguments configuration(String name, UnaryOperator<ProxyDataSourceBuilder> configuration) {
		return Arguments.of(Named.of(name, configuration));
	}

	@Test
	void wrapsConnectionsAndStatementsWhenTheConfigurationHasOnlyQueryListeners() throws SQLException {
		DataSource dataSource = proxy(new WrapperJdbcProxyFactory(), new Recorder(),
				(builder) -> builder.beforeQuery((execution, queries) -> {
				}).afterQuery((execution, queries) -> {
				}));
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				PreparedStatement prepared = connection.prepareStatement("select 1")) {
			assertThat(Proxy.isProxyClass(connection.getClass())).isFalse();
			assertThat(Proxy.isProxyClass(statement.getClass())).isFalse();
			assertThat(Proxy.isProxyClass(prepared.getClass())).isFalse();
			assertThat(connection).isInstanceOf(ProxyJdbcObject.class);
			assertThat(statement).isInstanceOf(ProxyJdbcObject.class);
			assertThat(prepared).isInstanceOf(ProxyJdbcObject.class);
		}
	}

	@Test
	void callableStatementsAreJdkProxiesAndStillReachTheListener() throws SQLException {
		Recorder recorder = new Recorder();
		DataSource dataSource = proxy(new WrapperJdbcProxyFactory(), recorder);
		try (Connection connection = dataSource.getConnection();
				CallableStatement call = connection.prepareCall("select cast(? as int) + 1")) {
			assertThat(Proxy.isProxyClass(connection.getClass())).isFalse();
			assertThat(Proxy.isProxyClass(call.getClass())).isTrue();
			assertThat(call.getConnection()).isSameAs(connection);
			call.setInt(1, 41);
			try (ResultSet resultSet = call.executeQuery()) {
				assertThat(resultSet.next()).isTrue();
				assertThat(resultSet.getInt(1)).isEqualTo(42);
			}
		}
		assertThat(recorder.queries()).containsExactly("select cast(? as int) + 1", "select cast(? as int) + 1");
		assertThat(recorder.parameterSets()).containsExactly("[setInt[int, int][1, 41]]");
	}

	@Test
	void buildSetsTheWrapperFactoryAndGetsConnectionsWithoutDatasourceProxysMethodExecution() throws SQLException {
		Recorder recorder = new Recorder();
		ProxyDataSource dataSource = WrapperJdbcProxyFactory
			.build(ProxyDataSourceBuilder.create(this.h2).name("built").listener(recorder).retrieveIsolation());
		assertThat(dataSource.getProxyConfig().getJdbcProxyFactory()).isInstanceOf(WrapperJdbcProxyFactory.class);
		try (Connection connection = dataSource.getConnection();
				Connection withCredentials = dataSource.getConnection("", "")) {
			assertThat(connection).isInstanceOf(WrappedConnection.class);
			assertThat(withCredentials).isInstanceOf(WrappedConnection.class);
			execute(connection, "select 1");
			execute(withCredentials, "select 2");
		}
		assertThat(recorder.isolationLevels()).containsExactly(
				"connection 1, isolation " + Connection.TRANSACTION_READ_COMMITTED,
				"connection 2, isolation " + Connection.TRANSACTION_READ_COMMITTED);
		assertThat(dataSource.getProxyConfig().getConnectionIdManager().getOpenConnectionIds()).isEmpty();
	}

	@Test
	void getConnectionRunsDatasourceProxysMethodExecutionWhenAMethodListenerIsConfigured() throws SQLException {
		List<String> methods = new ArrayList<>();
		ProxyDataSource dataSource = WrapperJdbcProxyFactory.build(ProxyDataSourceBuilder.create(this.h2)
			.afterMethod((context) -> methods.add(context.getMethod().getName())));
		try (Connection connection = dataSource.getConnection()) {
			assertThat(Proxy.isProxyClass(connection.getClass())).isTrue();
		}
		try (Connection connection = dataSource.getConnection("", "")) {
			assertThat(Proxy.isProxyClass(connection.getClass())).isTrue();
		}
		assertThat(methods).containsExactly("getConnection", "close", "getConnection", "close");
	}

	@Test
	void getConnectionFailsAsDatasourceProxyDoes() {
		SQLException refused = new SQLException("refused");
		IllegalStateException broken = new IllegalStateException("broken");
		ProxyDataSource refusing = WrapperJdbcProxyFactory.build(ProxyDataSourceBuilder.create(failingWith(refused)));
		assertThatExceptionOfType(SQLException.class).isThrownBy(refusing::getConnection).isSameAs(refused);
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> refusing.getConnection("a", "b"))
			.isSameAs(refused);
		for (JdbcProxyFactory factory : List.of(JdbcProxyFactory.DEFAULT, new WrapperJdbcProxyFactory())) {
			ProxyDataSource built = ProxyDataSourceBuilder.create(failingWith(broken))
				.jdbcProxyFactory(factory)
				.build();
			DataSource failing = (factory instanceof WrapperJdbcProxyFactory) ? new WrappedProxyDataSource(built)
					: built;
			assertThatExceptionOfType(DataSourceProxyException.class).isThrownBy(failing::getConnection)
				.withMessage("Failed to perform getConnection")
				.withCause(broken);
		}
	}

	@Test
	void getConnectionClosesTheTargetsConnectionWhenWrappingItFails() throws SQLException {
		SQLException unreadable = new SQLException("isolation unreadable");
		List<String> calls = new ArrayList<>();
		Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					calls.add(method.getName());
					if (method.getName().equals("getTransactionIsolation")) {
						throw unreadable;
					}
					return null;
				});
		DataSource target = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> connection);
		ProxyDataSource dataSource = WrapperJdbcProxyFactory
			.build(ProxyDataSourceBuilder.create(target).retrieveIsolation());
		assertThatExceptionOfType(SQLException.class).isThrownBy(dataSource::getConnection).isSameAs(unreadable);
		assertThat(calls).containsExactly("getTransactionIsolation", "close");
		assertThat(dataSource.getProxyConfig().getConnectionIdManager().getOpenConnectionIds()).isEmpty();
	}

	private static DataSource failingWith(Exception failure) {
		return (DataSource) Proxy.newProxyInstance(WrapperJdbcProxyFactoryTests.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					throw failure;
				});
	}

	@ParameterizedTest
	@MethodSource("factories")
	void wrappersDelegateTheObjectContractToTheDriverObjectLikeDatasourceProxy(JdbcProxyFactory factory)
			throws SQLException {
		ProxyDataSource dataSource = proxy(factory, new Recorder());
		ProxyConfig config = dataSource.getProxyConfig();
		try (Connection connection = dataSource.getConnection();
				Connection other = dataSource.getConnection();
				Statement statement = connection.createStatement();
				PreparedStatement prepared = connection.prepareStatement("select 1")) {
			Connection rawConnection = (Connection) ((ProxyJdbcObject) connection).getTarget();
			Statement rawStatement = (Statement) ((ProxyJdbcObject) statement).getTarget();
			PreparedStatement rawPrepared = (PreparedStatement) ((ProxyJdbcObject) prepared).getTarget();
			assertThat(statement.getConnection()).isSameAs(connection);
			assertThat(prepared.getConnection()).isSameAs(connection);
			assertThat(((ProxyJdbcObject) connection).getProxyConfig()).isSameAs(config);
			assertThat(((ProxyJdbcObject) statement).getProxyConfig()).isSameAs(config);
			assertThat(List.of(rawConnection, rawStatement, rawPrepared))
				.allMatch((raw) -> raw.getClass().getName().startsWith("org.h2."));
			assertThat(connection.unwrap(Connection.class)).isSameAs(rawConnection);
			assertThat(statement.unwrap(Statement.class)).isSameAs(rawStatement);
			assertThat(prepared.unwrap(PreparedStatement.class)).isSameAs(rawPrepared);
			assertThat(connection.isWrapperFor(rawConnection.getClass())).isTrue();
			assertThat(connection.isWrapperFor(ProxyJdbcObject.class)).isFalse();
			assertThat(statement.isWrapperFor(rawStatement.getClass())).isTrue();
			assertThat(prepared.isWrapperFor(ProxyJdbcObject.class)).isFalse();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connection.unwrap(ProxyJdbcObject.class));
			ConnectionInfo info = new ConnectionInfo();
			Connection again = factory.createConnection(rawConnection, info, config);
			Connection jdkProxy = JdbcProxyFactory.DEFAULT.createConnection(rawConnection, info, config);
			assertThat(again).isNotSameAs(connection);
			assertThat(connection.equals(rawConnection)).isTrue();
			assertThat(connection.equals(again)).isTrue();
			assertThat(connection.equals(jdkProxy)).isTrue();
			assertThat(jdkProxy.equals(connection)).isTrue();
			assertThat(connection.equals(other)).isFalse();
			assertThat(connection.equals(((ProxyJdbcObject) other).getTarget())).isFalse();
			assertThat(connection.equals(null)).isFalse();
			Statement statementAgain = factory.createStatement(rawStatement, info, again, config);
			PreparedStatement preparedAgain = factory.createPreparedStatement(rawPrepared, "select 1", info, again,
					config, false);
			assertThat(statement.equals(rawStatement)).isTrue();
			assertThat(statement.equals(statementAgain)).isTrue();
			assertThat(statement.equals(prepared)).isFalse();
			assertThat(prepared.equals(rawPrepared)).isTrue();
			assertThat(prepared.equals(preparedAgain)).isTrue();
			assertThat(connection.hashCode()).isEqualTo(rawConnection.hashCode());
			assertThat(statement.hashCode()).isEqualTo(rawStatement.hashCode());
			assertThat(prepared.hashCode()).isEqualTo(rawPrepared.hashCode());
			assertThat(connection).hasToString(rawConnection.getClass().getSimpleName() + " [" + rawConnection + "]");
			assertThat(statement).hasToString(rawStatement.getClass().getSimpleName() + " [" + rawStatement + "]");
			assertThat(prepared).hasToString(rawPrepared.getClass().getSimpleName() + " [" + rawPrepared + "]");
		}
	}

	@ParameterizedTest
	@MethodSource("factories")
	void connectionInfoKeepsIsolationLevelCommitsRollbacksAndClosingLikeDatasourceProxy(JdbcProxyFactory factory)
			throws SQLException {
		Recorder recorder = new Recorder();
		CapturingFactory capturing = new CapturingFactory(factory);
		ProxyDataSource dataSource = proxy(capturing, recorder, ProxyDataSourceBuilder::retrieveIsolation);
		try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
			first.setAutoCommit(false);
			execute(first, "select 1");
			first.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
			execute(first, "select 2");
			first.commit();
			first.commit();
			first.rollback();
			execute(second, "select 3");
			assertThat(dataSource.getProxyConfig().getConnectionIdManager().getOpenConnectionIds())
				.containsExactlyInAnyOrder("1", "2");
		}
		assertThat(recorder.isolationLevels()).containsExactly(
				"connection 1, isolation " + Connection.TRANSACTION_READ_COMMITTED,
				"connection 1, isolation " + Connection.TRANSACTION_SERIALIZABLE,
				"connection 2, isolation " + Connection.TRANSACTION_READ_COMMITTED);
		assertThat(capturing.connections()).containsExactly(
				"connection 1 of 'wrapper-tests': isolation 8, 2 commits, 1 rollbacks, closed=true",
				"connection 2 of 'wrapper-tests': isolation 2, 0 commits, 0 rollbacks, closed=true");
		assertThat(dataSource.getProxyConfig().getConnectionIdManager().getOpenConnectionIds()).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("factories")
	void listenerThrowingFromBeforeQueryStopsTheStatementAndItsExceptionReachesTheCaller(JdbcProxyFactory factory)
			throws SQLException {
		try (Connection connection = this.h2.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create table item (id int primary key)");
		}
		IllegalStateException failure = new IllegalStateException("budget exceeded");
		List<String> afterQueries = new ArrayList<>();
		DataSource dataSource = ProxyDataSourceBuilder.create(this.h2)
			.jdbcProxyFactory(factory)
			.beforeQuery((execution, queries) -> {
				throw failure;
			})
			.afterQuery((execution, queries) -> afterQueries.add(queries.get(0).getQuery()))
			.build();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				PreparedStatement prepared = connection.prepareStatement("insert into item values (?)")) {
			assertThatIllegalStateException().isThrownBy(() -> statement.executeUpdate("insert into item values (1)"))
				.isSameAs(failure);
			statement.addBatch("insert into item values (2)");
			assertThatIllegalStateException().isThrownBy(statement::executeBatch).isSameAs(failure);
			prepared.setInt(1, 3);
			assertThatIllegalStateException().isThrownBy(prepared::executeUpdate).isSameAs(failure);
			prepared.addBatch();
			assertThatIllegalStateException().isThrownBy(prepared::executeLargeBatch).isSameAs(failure);
		}
		assertThat(afterQueries).isEmpty();
		try (Connection connection = this.h2.getConnection();
				Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery("select count(*) from item")) {
			assertThat(resultSet.next()).isTrue();
			assertThat(resultSet.getInt(1)).isZero();
		}
	}

	static Stream<Arguments> factories() {
		return Stream.of(Arguments.of(Named.of("datasource-proxy's default factory", JdbcProxyFactory.DEFAULT)),
				Arguments.of(Named.of("WrapperJdbcProxyFactory", new WrapperJdbcProxyFactory())));
	}

	private ProxyDataSource proxy(JdbcProxyFactory factory, Recorder recorder) {
		return proxy(factory, recorder, UnaryOperator.identity());
	}

	private ProxyDataSource proxy(JdbcProxyFactory factory, Recorder recorder,
			UnaryOperator<ProxyDataSourceBuilder> configuration) {
		ProxyDataSourceBuilder builder = ProxyDataSourceBuilder.create(this.h2)
			.name("wrapper-tests")
			.jdbcProxyFactory(factory)
			.listener(recorder);
		ProxyDataSource built = configuration.apply(builder).build();
		// The wrappers as WrapperJdbcProxyFactory.build() sets them up, with its
		// getConnection; datasource-proxy's factory with datasource-proxy's
		JdbcProxyFactory wrapped = (factory instanceof CapturingFactory capturing) ? capturing.delegate : factory;
		return (wrapped instanceof WrapperJdbcProxyFactory) ? new WrappedProxyDataSource(built) : built;
	}

	/**
	 * Every execution path of {@link Statement} and {@link PreparedStatement}, with
	 * parameters bound in index order. It starts by recreating its table, so that it runs
	 * alike a second time on the same database.
	 */
	private static void script(DataSource dataSource, Recorder recorder) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			recorder.saw(connection);
			connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
			try (Statement statement = connection.createStatement()) {
				recorder.saw(statement);
				statement.execute("drop table if exists item");
				statement.execute("create table item (id bigint auto_increment primary key, "
						+ "name varchar(20) not null unique, quantity int, price bigint, created timestamp, "
						+ "data varbinary(16), note varchar(20))");
				statement.executeUpdate("insert into item (name) values ('s1')");
				statement.executeUpdate("insert into item (name) values ('s2')", Statement.RETURN_GENERATED_KEYS);
				statement.executeUpdate("insert into item (name) values ('s3')", Statement.NO_GENERATED_KEYS);
				statement.executeUpdate("insert into item (name) values ('s4')", new int[] { 1 });
				statement.executeUpdate("insert into item (name) values ('s5')", new String[] { "ID" });
				statement.executeLargeUpdate("update item set quantity = 1");
				statement.executeLargeUpdate("insert into item (name) values ('s6')", Statement.RETURN_GENERATED_KEYS);
				statement.executeLargeUpdate("insert into item (name) values ('s7')", new int[] { 1 });
				statement.executeLargeUpdate("insert into item (name) values ('s8')", new String[] { "ID", "NAME" });
				statement.execute("update item set quantity = 2 where name = 's1'");
				statement.execute("insert into item (name) values ('s9')", Statement.RETURN_GENERATED_KEYS);
				statement.execute("insert into item (name) values ('s10')", new int[] { 1 });
				statement.execute("insert into item (name) values ('s11')", new String[] { "ID" });
				statement.execute("select name from item order by id");
				try (ResultSet resultSet = statement.executeQuery("select count(*) from item")) {
					resultSet.next();
				}
				statement.addBatch("update item set quantity = 3 where name = 's1'");
				statement.addBatch("update item set quantity = 3 where name = 's2'");
				statement.clearBatch();
				statement.addBatch("update item set quantity = 4 where name = 's2'");
				statement.addBatch("update item set quantity = 4 where quantity = 1");
				statement.executeBatch();
				statement.addBatch("update item set quantity = 5 where name = 's3'");
				statement.executeLargeBatch();
				statement.executeBatch();
				statement.executeLargeBatch();
				failing(recorder, () -> statement.executeQuery("selec name from item"));
				failing(recorder, () -> statement.executeUpdate("insert into item (name) values ('s1')"));
				statement.addBatch("update item set quantity = 6 where name = 's4'");
				statement.addBatch("insert into item (name) values ('s1')");
				failing(recorder, statement::executeBatch);
				statement.executeUpdate("delete from item where name = 's11'");
			}
			try (PreparedStatement insert = connection.prepareStatement(
					"insert into item (name, quantity, price, created, data, note) values (?, ?, ?, ?, ?, ?)")) {
				recorder.saw(insert);
				insert.setString(1, "p1");
				insert.setInt(2, 1);
				insert.setLong(3, 10L);
				insert.setTimestamp(4, Timestamp.valueOf("2024-01-02 03:04:05"));
				insert.setBytes(5, new byte[] { 1, 2, 3 });
				insert.setNull(6, Types.VARCHAR);
				insert.executeUpdate();
				insert.setString(1, "p2");
				insert.setObject(6, "note");
				insert.executeLargeUpdate();
				insert.setString(1, "p3");
				insert.setObject(2, 7, Types.INTEGER);
				insert.execute();
				insert.clearParameters();
				insert.setString(1, "p4");
				insert.setInt(2, 2);
				insert.setLong(3, 20L);
				insert.setNull(4, Types.TIMESTAMP);
				insert.setNull(5, Types.VARBINARY, "VARBINARY");
				insert.setString(6, "n4");
				insert.executeUpdate();
				insert.setString(1, "b1");
				insert.setInt(2, 3);
				insert.setLong(3, 30L);
				insert.setTimestamp(4, null);
				insert.setBytes(5, null);
				insert.setString(6, "batch");
				insert.addBatch();
				insert.setString(1, "b2");
				insert.setInt(2, 4);
				insert.setInt(2, 5);
				insert.addBatch();
				insert.setString(1, "b3");
				insert.setObject(3, 33L);
				insert.addBatch();
				insert.executeBatch();
				insert.setString(1, "c1");
				insert.addBatch();
				insert.clearBatch();
				insert.executeBatch();
				insert.setString(1, "c2");
				insert.addBatch();
				insert.setString(1, "c3");
				insert.addBatch();
				insert.executeLargeBatch();
				insert.executeLargeBatch();
				insert.setString(1, "p1");
				failing(recorder, insert::executeUpdate);
				insert.setString(1, "d1");
				insert.addBatch();
				insert.setString(1, "p2");
				insert.addBatch();
				failing(recorder, insert::executeBatch);
				failing(recorder, () -> insert.executeUpdate("insert into item (name) values ('x')"));
				failing(recorder, () -> insert.execute("insert into item (name) values ('x')"));
				failing(recorder, () -> insert.executeQuery("select 1"));
				failing(recorder,
						() -> insert.executeLargeUpdate("insert into item (name) values ('x')", new int[] { 1 }));
			}
			try (PreparedStatement select = connection
				.prepareStatement("select name from item where quantity = ? and name <> ? order by id")) {
				recorder.saw(select);
				select.setInt(1, 3);
				select.setString(2, "x");
				try (ResultSet resultSet = select.executeQuery()) {
					resultSet.next();
				}
				select.setInt(1, 4);
				select.execute();
				select.setString(2, "none");
				failing(recorder, select::executeUpdate);
			}
			prepared(connection.prepareStatement("insert into item (name) values (?)", Statement.RETURN_GENERATED_KEYS),
					"g1", recorder);
			prepared(connection.prepareStatement("insert into item (name) values (?)", new int[] { 1 }), "g2",
					recorder);
			prepared(connection.prepareStatement("insert into item (name) values (?)", new String[] { "ID" }), "g3",
					recorder);
			prepared(connection.prepareStatement("insert into item (name) values (?)", ResultSet.TYPE_FORWARD_ONLY,
					ResultSet.CONCUR_READ_ONLY), "g4", recorder);
			prepared(connection.prepareStatement("insert into item (name) values (?)", ResultSet.TYPE_FORWARD_ONLY,
					ResultSet.CONCUR_READ_ONLY, ResultSet.CLOSE_CURSORS_AT_COMMIT), "g5", recorder);
			failingToPrepare(recorder, () -> connection.prepareStatement("selec 1"));
			try (CallableStatement call = connection.prepareCall("select count(*) from item where quantity = ?")) {
				recorder.saw(call);
				call.setInt(1, 5);
				call.executeQuery().close();
			}
			try (Statement statement = connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE,
					ResultSet.CONCUR_READ_ONLY)) {
				recorder.saw(statement);
				connection.setAutoCommit(false);
				statement.executeUpdate("update item set note = 'committed'");
				connection.commit();
				statement.executeUpdate("update item set note = 'rolled back'");
				connection.rollback();
				connection.setAutoCommit(true);
				statement.executeQuery("select count(*) from item where note = 'committed'").close();
			}
		}
	}

	private static void prepared(PreparedStatement statement, String name, Recorder recorder) throws SQLException {
		try (statement) {
			recorder.saw(statement);
			statement.setString(1, name);
			statement.executeUpdate();
		}
	}

	private static void failing(Recorder recorder, SqlCall call) {
		try {
			call.call();
			throw new AssertionError("Expected the call to fail");
		}
		catch (SQLException ex) {
			recorder.caught(ex);
		}
	}

	private static void failingToPrepare(Recorder recorder, SqlCall call) {
		int events = recorder.events.size();
		try {
			call.call();
			throw new AssertionError("Expected the call to fail");
		}
		catch (SQLException ex) {
			recorder.events.add("caller caught " + ex.getClass().getName() + " while preparing, listener called="
					+ (recorder.events.size() != events));
		}
	}

	private void bindOutOfOrder(DataSource dataSource) throws SQLException {
		createItemTable();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("insert into item (name, quantity, price) values (?, ?, ?)")) {
			statement.setLong(3, 3L);
			statement.setString(1, "a");
			statement.setInt(2, 2);
			statement.executeUpdate();
			statement.clearParameters();
			statement.setInt(2, 4);
			statement.setString(1, "b");
			statement.setLong(3, 5L);
			statement.addBatch();
			statement.executeBatch();
		}
	}

	/**
	 * Calls that H2 rejects, each followed by an execution that shows what was recorded.
	 */
	private void rejectedCalls(DataSource dataSource, Recorder recorder) throws SQLException {
		createItemTable();
		try (Connection connection = dataSource.getConnection()) {
			try (PreparedStatement statement = connection.prepareStatement("select cast(? as int), cast(? as int)")) {
				statement.setInt(1, 1);
				statement.setInt(2, 2);
				failing(recorder, () -> statement.setInt(3, 3));
				statement.executeQuery().close();
			}
			try (PreparedStatement statement = connection
				.prepareStatement("insert into item (name, quantity) values (?, ?)")) {
				statement.setString(1, "r1");
				failing(recorder, statement::addBatch);
				statement.setInt(2, 2);
				statement.addBatch();
				statement.executeBatch();
			}
			try (PreparedStatement statement = connection.prepareStatement("insert into item (name) values (?)")) {
				statement.setString(1, "r2");
				failing(recorder, () -> statement.addBatch("insert into item (name) values ('r3')"));
				statement.executeUpdate();
			}
			try (Statement statement = connection.createStatement()) {
				failing(recorder, () -> statement.addBatch("update item set quantity = {fn abs(-1)"));
				statement.addBatch("update item set quantity = 1");
				statement.executeBatch();
			}
		}
	}

	private void createItemTable() throws SQLException {
		try (Connection connection = this.h2.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("drop table if exists item");
			statement.execute("create table item (id int auto_increment primary key, name varchar(20), quantity int, "
					+ "price bigint)");
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.executeQuery(sql).close();
		}
	}

	@FunctionalInterface
	private interface SqlCall {

		void call() throws SQLException;

	}

	/**
	 * Records what a query listener is told, as text that can be compared across
	 * factories: the statement is named by the order in which it was first seen.
	 */
	private static final class Recorder implements QueryExecutionListener {

		final List<String> events = new ArrayList<>();

		final List<String> jdbcObjects = new ArrayList<>();

		private final List<ExecutionInfo> executions = new ArrayList<>();

		private final List<List<QueryInfo>> queryLists = new ArrayList<>();

		private final Map<Object, Integer> statements = new IdentityHashMap<>();

		private final List<String> queryTexts = new ArrayList<>();

		private @Nullable ExecutionInfo before;

		private @Nullable Throwable lastThrowable;

		@Override
		public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
			this.before = execInfo;
			this.events.add("beforeQuery " + describe(execInfo, queryInfoList));
		}

		@Override
		public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
			this.lastThrowable = execInfo.getThrowable();
			this.executions.add(execInfo);
			this.queryLists.add(queryInfoList);
			Throwable throwable = execInfo.getThrowable();
			this.events.add("afterQuery " + describe(execInfo, queryInfoList) + " success=" + execInfo.isSuccess()
					+ " throwable=" + ((throwable != null) ? throwable.getClass().getName() : null) + " result="
					+ result(execInfo.getResult()) + " generatedKeys=" + execInfo.getGeneratedKeys()
					+ " sameExecutionInfoAsBeforeQuery=" + (execInfo == this.before));
		}

		void caught(SQLException ex) {
			this.events.add("caller caught " + ex.getClass().getName() + " sameAsAfterQuery="
					+ (ex == this.lastThrowable) + " " + ex.getSQLState());
			this.lastThrowable = null;
		}

		void saw(Object jdbcObject) {
			Class<?> type = jdbcObject.getClass();
			this.jdbcObjects.add(Proxy.isProxyClass(type) ? "JDK proxy of " + type.getInterfaces()[1].getName()
					: type.getSimpleName());
		}

		private String describe(ExecutionInfo execInfo, List<QueryInfo> queries) {
			Statement statement = execInfo.getStatement();
			Integer statementNumber = this.statements.computeIfAbsent(statement, (key) -> this.statements.size() + 1);
			return method(execInfo.getMethod()) + " args=" + Arrays.deepToString(execInfo.getMethodArgs()) + " batch="
					+ execInfo.isBatch() + " batchSize=" + execInfo.getBatchSize() + " type="
					+ execInfo.getStatementType() + " dataSource=" + execInfo.getDataSourceName() + " connection="
					+ execInfo.getConnectionId() + " isolation=" + execInfo.getIsolationLevel() + " statement#"
					+ statementNumber + " driverStatement="
					+ !(statement instanceof ProxyJdbcObject || Proxy.isProxyClass(statement.getClass())) + " queries="
					+ queries(queries);
		}

		private static String method(Method method) {
			return method.getDeclaringClass().getSimpleName() + "." + method.getName()
					+ Arrays.toString(method.getParameterTypes());
		}

		private String queries(List<QueryInfo> queries) {
			List<String> rendered = new ArrayList<>();
			for (QueryInfo query : queries) {
				this.queryTexts.add(query.getQuery());
				rendered.add(query.getQuery() + " " + parameterSets(query));
			}
			return rendered.toString();
		}

		private static String parameterSets(QueryInfo query) {
			List<String> sets = new ArrayList<>();
			for (List<ParameterSetOperation> operations : query.getParametersList()) {
				sets.add(operations(operations));
			}
			return sets.toString();
		}

		private static String operations(List<ParameterSetOperation> operations) {
			List<String> rendered = new ArrayList<>();
			for (ParameterSetOperation operation : operations) {
				rendered
					.add(operation.getMethod().getName() + Arrays.toString(operation.getMethod().getParameterTypes())
							+ Arrays.deepToString(operation.getArgs()));
			}
			return rendered.toString();
		}

		private static String result(@Nullable Object result) {
			if (result instanceof ResultSet) {
				return "ResultSet";
			}
			if (result instanceof int[] counts) {
				return Arrays.toString(counts);
			}
			if (result instanceof long[] counts) {
				return Arrays.toString(counts);
			}
			return String.valueOf(result);
		}

		List<String> queries() {
			return this.queryTexts;
		}

		List<Integer> batchSizes() {
			List<Integer> sizes = new ArrayList<>();
			for (ExecutionInfo execution : this.executions) {
				sizes.add(execution.getBatchSize());
			}
			return sizes;
		}

		List<String> parameterSets() {
			List<String> sets = new ArrayList<>();
			for (List<QueryInfo> queries : this.queryLists) {
				for (QueryInfo query : queries) {
					for (List<ParameterSetOperation> operations : query.getParametersList()) {
						sets.add(operations(operations));
					}
				}
			}
			return sets;
		}

		List<String> isolationLevels() {
			List<String> levels = new ArrayList<>();
			for (ExecutionInfo execution : this.executions) {
				levels
					.add("connection " + execution.getConnectionId() + ", isolation " + execution.getIsolationLevel());
			}
			return levels;
		}

	}

	/**
	 * Delegates to a factory and keeps the {@link ConnectionInfo} of every connection.
	 * Statements are created through the {@link ProxyConfig}'s factory, this one.
	 */
	private static final class CapturingFactory implements JdbcProxyFactory {

		private final JdbcProxyFactory delegate;

		private final List<ConnectionInfo> connectionInfos = new ArrayList<>();

		CapturingFactory(JdbcProxyFactory delegate) {
			this.delegate = delegate;
		}

		List<String> connections() {
			List<String> connections = new ArrayList<>();
			for (ConnectionInfo info : this.connectionInfos) {
				connections.add("connection " + info.getConnectionId() + " of '" + info.getDataSourceName()
						+ "': isolation " + info.getIsolationLevel() + ", " + info.getCommitCount() + " commits, "
						+ info.getRollbackCount() + " rollbacks, closed=" + info.isClosed());
			}
			return connections;
		}

		@Override
		public DataSource createDataSource(DataSource dataSource, ProxyConfig proxyConfig) {
			return this.delegate.createDataSource(dataSource, proxyConfig);
		}

		@Override
		public Connection createConnection(Connection connection, ConnectionInfo connectionInfo,
				ProxyConfig proxyConfig) {
			this.connectionInfos.add(connectionInfo);
			return this.delegate.createConnection(connection, connectionInfo, proxyConfig);
		}

		@Override
		public Statement createStatement(Statement statement, ConnectionInfo connectionInfo, Connection proxyConnection,
				ProxyConfig proxyConfig) {
			return this.delegate.createStatement(statement, connectionInfo, proxyConnection, proxyConfig);
		}

		@Override
		public PreparedStatement createPreparedStatement(PreparedStatement preparedStatement, String query,
				ConnectionInfo connectionInfo, Connection proxyConnection, ProxyConfig proxyConfig,
				boolean generateKey) {
			return this.delegate.createPreparedStatement(preparedStatement, query, connectionInfo, proxyConnection,
					proxyConfig, generateKey);
		}

		@Override
		public CallableStatement createCallableStatement(CallableStatement callableStatement, String query,
				ConnectionInfo connectionInfo, Connection proxyConnection, ProxyConfig proxyConfig) {
			return this.delegate.createCallableStatement(callableStatement, query, connectionInfo, proxyConnection,
					proxyConfig);
		}

		@Override
		public ResultSet createResultSet(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig proxyConfig) {
			return this.delegate.createResultSet(resultSet, connectionInfo, proxyConfig);
		}

		@Override
		public ResultSet createGeneratedKeys(ResultSet resultSet, ConnectionInfo connectionInfo,
				ProxyConfig proxyConfig) {
			return this.delegate.createGeneratedKeys(resultSet, connectionInfo, proxyConfig);
		}

	}

}
