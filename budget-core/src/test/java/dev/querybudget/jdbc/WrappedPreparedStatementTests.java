package dev.querybudget.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.SQLType;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.sql.SqlDialect;
import dev.querybudget.testing.UnhashableParameter;
import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A prepared statement counted directly hashes each parameter as it is bound, without the
 * operation datasource-proxy records: for every setter, its hash must be the one
 * {@link Parameters} gives that operation, or duplicates would be told apart differently
 * on the two paths.
 */
final class WrappedPreparedStatementTests {

	private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

	static Stream<Method> setters() {
		return Arrays.stream(PreparedStatement.class.getDeclaredMethods())
			.filter((method) -> method.getName().startsWith("set") && !Modifier.isStatic(method.getModifiers()))
			.sorted((a, b) -> a.toGenericString().compareTo(b.toGenericString()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("setters")
	void everySetterHashesItsArgumentsAsTheListenerHashesTheRecordedOperation(Method setter) throws Exception {
		WrappedPreparedStatement counted = statement(new QueryBudgetExecutionListener(QueryBudgetTracker.create()));
		Recorder recorder = new Recorder();
		WrappedPreparedStatement listened = statement(recorder);
		Object[] arguments = arguments(setter);
		setter.invoke(counted, arguments);
		setter.invoke(listened, arguments);
		listened.executeUpdate();
		assertThat(recorder.parameterSets).singleElement()
			.satisfies((operations) -> assertThat(operations).singleElement()
				.satisfies((operation) -> assertThat(operation.getMethod()).isEqualTo(setter)));
		assertThat(counted.parameterHash()).isEqualTo(Parameters.hash(recorder.parameterSets))
			.isNotEqualTo(Parameters.hash(List.of(List.of())));
	}

	@Test
	void valueWhoseHashThrowsStopsCountingTheScopeAndNeverReachesTheApplication() throws Exception {
		QueryBudgetTracker tracker = QueryBudgetTracker.create();
		WrappedPreparedStatement counted = statement(new QueryBudgetExecutionListener(tracker, SqlDialect.H2));
		try (QueryScope scope = tracker.open(ScopeKind.TEST, "binds an unhashable value")) {
			assertThatNoException().isThrownBy(() -> {
				counted.setObject(1, new UnhashableParameter("typed setter"));
				counted.setCharacterStream(2, new UnhashableReader(), 3L);
				counted.executeUpdate();
			});
			assertThat(scope.report().incomplete()).isTrue();
			assertThat(scope.report().statementCount()).isZero();
		}
		// the scope stopped counting at the first
		assertThat(tracker.internalErrorCount()).isOne();
	}

	private static WrappedPreparedStatement statement(QueryExecutionListener listener) {
		return new WrappedPreparedStatement(fake(PreparedStatement.class), "update item set name = ?",
				new ConnectionInfo(), fake(Connection.class),
				ProxyConfig.Builder.create().queryListener(listener).build());
	}

	private static Object[] arguments(Method setter) throws Exception {
		Class<?>[] types = setter.getParameterTypes();
		Object[] arguments = new Object[types.length];
		arguments[0] = 2;
		for (int i = 1; i < types.length; i++) {
			arguments[i] = sample(types[i]);
		}
		return arguments;
	}

	private static Object sample(Class<?> type) throws Exception {
		if (type == int.class) {
			return 12;
		}
		if (type == long.class) {
			return 13L;
		}
		if (type == boolean.class) {
			return true;
		}
		if (type == byte.class) {
			return (byte) 14;
		}
		if (type == short.class) {
			return (short) 15;
		}
		if (type == float.class) {
			return 1.5f;
		}
		if (type == double.class) {
			return 2.5;
		}
		if (type == String.class) {
			return "secret";
		}
		if (type == BigDecimal.class) {
			return new BigDecimal("16.5");
		}
		if (type == byte[].class) {
			return new byte[] { 1, 2, 3 };
		}
		if (type == Date.class) {
			return Date.valueOf("2026-11-24");
		}
		if (type == Time.class) {
			return Time.valueOf("07:00:00");
		}
		if (type == Timestamp.class) {
			return Timestamp.valueOf("2026-11-24 07:00:00");
		}
		if (type == Calendar.class) {
			return UTC;
		}
		if (type == Object.class) {
			return "an object";
		}
		if (type == SQLType.class) {
			return JDBCType.VARCHAR;
		}
		if (type == InputStream.class) {
			return new ByteArrayInputStream(new byte[] { 1 });
		}
		if (type == Reader.class) {
			return new StringReader("a reader");
		}
		if (type == URL.class) {
			// without a host, whose address URL.hashCode() would look up
			return URI.create("file:/tmp/query-budget").toURL();
		}
		if (type == java.sql.Array.class) {
			return fake(java.sql.Array.class);
		}
		if (type.isInterface()) {
			return fake(type);
		}
		throw new IllegalArgumentException("No sample value of " + type);
	}

	/**
	 * Returns an object of the given interface whose methods return default values: a SQL
	 * array reads as three integers.
	 */
	private static <T> T fake(Class<T> type) {
		return type.cast(Proxy.newProxyInstance(WrappedPreparedStatementTests.class.getClassLoader(),
				new Class<?>[] { type }, (proxy, method, args) -> switch (method.getName()) {
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					case "getArray" -> new Integer[] { 1, 2, 3 };
					default -> defaultValue(method.getReturnType());
				}));
	}

	private static @Nullable Object defaultValue(Class<?> type) {
		if (type == boolean.class) {
			return false;
		}
		if (type == int.class) {
			return 0;
		}
		if (type == long.class) {
			return 0L;
		}
		return null;
	}

	private static final class UnhashableReader extends StringReader {

		UnhashableReader() {
			super("abc");
		}

		@Override
		public int hashCode() {
			throw new IllegalStateException("hashCode exploded");
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other;
		}

	}

	private static final class Recorder implements QueryExecutionListener {

		private final List<List<ParameterSetOperation>> parameterSets = new ArrayList<>();

		@Override
		public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		}

		@Override
		public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
			this.parameterSets.addAll(queryInfoList.get(0).getParametersList());
		}

	}

}
