package dev.querybudget.jdbc;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact duplicates are told apart by the hash of their parameter values, and by nothing
 * else bound with them.
 */
final class ParametersTests {

	private static final Timestamp NOON = Timestamp.valueOf("2026-11-23 12:00:00");

	@Test
	void calendarOfATimestampCountsByItsTimeZoneNotByTheTimeItWasCreated() {
		// Hibernate binds with a new Calendar per statement when a JDBC time zone is set
		Calendar earlier = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
		Calendar later = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
		later.setTimeInMillis(earlier.getTimeInMillis() + 60_000);
		assertThat(hash(setTimestamp(NOON, later))).isEqualTo(hash(setTimestamp(NOON, earlier)));
	}

	@Test
	void calendarsOfOtherTimeZonesMakeOtherParameterSets() {
		Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
		Calendar paris = Calendar.getInstance(TimeZone.getTimeZone("Europe/Paris"));
		assertThat(hash(setTimestamp(NOON, paris))).isNotEqualTo(hash(setTimestamp(NOON, utc)));
	}

	@Test
	void otherTimestampsWithTheSameCalendarMakeOtherParameterSets() {
		Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
		Timestamp oneOClock = Timestamp.valueOf("2026-11-23 13:00:00");
		assertThat(hash(setTimestamp(oneOClock, utc))).isNotEqualTo(hash(setTimestamp(NOON, utc)));
	}

	@Test
	void arrayThatCannotBeReadCountsAsAParameterSetOfItsOwn() {
		java.sql.Array freed = unreadableArray();
		assertThat(hash(setArray(freed))).isEqualTo(hash(setArray(freed)))
			.isNotEqualTo(hash(setArray(unreadableArray())));
	}

	private static java.sql.Array unreadableArray() {
		return (java.sql.Array) Proxy.newProxyInstance(ParametersTests.class.getClassLoader(),
				new Class<?>[] { java.sql.Array.class }, (proxy, method, args) -> {
					if (method.getName().equals("getArray")) {
						throw new SQLException("You cannot call getArray() after free()");
					}
					return method.invoke(new Object(), args);
				});
	}

	private static ParameterSetOperation setArray(java.sql.Array array) {
		return new ParameterSetOperation(JdbcMethods.SET_ARRAY, new Object[] { 1, array });
	}

	private static long hash(ParameterSetOperation operation) {
		return Parameters.hash(List.of(List.of(operation)));
	}

	private static ParameterSetOperation setTimestamp(Timestamp timestamp, Calendar calendar) {
		return new ParameterSetOperation(JdbcMethods.SET_TIMESTAMP_CALENDAR, new Object[] { 1, timestamp, calendar });
	}

}
