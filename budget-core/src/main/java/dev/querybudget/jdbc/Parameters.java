package dev.querybudget.jdbc;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

import dev.querybudget.internal.Hashing;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import org.jspecify.annotations.Nullable;

/**
 * Hashes the parameter values bound to a statement, so that exact duplicates can be told
 * from distinct parameter sets without ever keeping a value.
 */
final class Parameters {

	private Parameters() {
	}

	/**
	 * Returns an order-independent hash of each parameter set (the order in which
	 * parameters were set does not matter), combined in batch order; {@code 0} without
	 * parameters.
	 */
	static long hash(List<List<ParameterSetOperation>> parametersList) {
		long hash = 0;
		for (int i = 0; i < parametersList.size(); i++) {
			List<ParameterSetOperation> operations = parametersList.get(i);
			long setHash = 0;
			for (int j = 0; j < operations.size(); j++) {
				setHash += mixedHash(operations.get(j));
			}
			hash = Hashing.combine(hash, setHash);
		}
		return hash;
	}

	/**
	 * Returns what {@link #hash(List)} returns for one parameter set whose operations'
	 * {@link #mixedHash mixed hashes} add up to {@code setHash}.
	 */
	static long hashOfOneSet(long setHash) {
		return Hashing.combine(0, setHash);
	}

	/**
	 * Returns one operation's part of its parameter set's hash, which adds them up.
	 */
	static long mixedHash(ParameterSetOperation operation) {
		return mixedHash(operation.getMethod(), operation.getArgs());
	}

	/**
	 * Returns the part of a setter call with the given arguments, the parameter index
	 * first, as {@link #mixedHash(ParameterSetOperation)} gives it for the operation
	 * datasource-proxy records.
	 */
	static long mixedHash(Method setter, Object @Nullable [] args) {
		long hash = setter.getName().hashCode();
		if (args != null) {
			for (Object arg : args) {
				hash = hash * 31 + valueHash(arg);
			}
		}
		return Hashing.mix(hash);
	}

	/**
	 * Returns the part of a setter call with one value, given its {@link #valueHash}: the
	 * same as {@link #mixedHash(Method, Object[])} gives it, without an array or a boxed
	 * value.
	 */
	static long mixedHash(Method setter, int index, int valueHash) {
		return Hashing.mix(indexHash(setter, index) * 31 + valueHash);
	}

	/**
	 * Returns the part of a setter call with a value and a second argument, such as a
	 * length or a SQL type, given their {@link #valueHash value hashes}.
	 */
	static long mixedHash(Method setter, int index, int valueHash, int secondHash) {
		return Hashing.mix((indexHash(setter, index) * 31 + valueHash) * 31 + secondHash);
	}

	private static long indexHash(Method setter, int index) {
		// an Integer's hash is its value
		return (long) setter.getName().hashCode() * 31 + index;
	}

	/**
	 * Returns the hash of one argument of a setter call, by content for arrays and SQL
	 * arrays, by time zone for calendars.
	 */
	static int valueHash(@Nullable Object value) {
		if (value == null) {
			return 0;
		}
		if (value instanceof byte[] bytes) {
			return Arrays.hashCode(bytes);
		}
		if (value instanceof char[] chars) {
			return Arrays.hashCode(chars);
		}
		if (value instanceof Object[] array) {
			return Arrays.deepHashCode(array);
		}
		if (value instanceof java.sql.Array array) {
			return arrayHash(array);
		}
		if (value instanceof Calendar calendar) {
			// Bound with a date, time or timestamp, a calendar names the time zone to
			// read it in; its own time is when it was made, and Hibernate makes one per
			// statement when it binds an Instant or has a JDBC time zone
			return calendar.getTimeZone().getID().hashCode();
		}
		return value.hashCode();
	}

	/**
	 * The hash of a SQL array's elements: drivers make a new {@link java.sql.Array} for
	 * every statement (Hibernate binds {@code = any(?)} on PostgreSQL so), and most hash
	 * it by identity. An array that cannot be read counts by identity, as a parameter set
	 * of its own.
	 */
	private static int arrayHash(java.sql.Array array) {
		try {
			// deepHashCode hashes primitive arrays by element too
			return Arrays.deepHashCode(new Object[] { array.getArray() });
		}
		catch (SQLException | RuntimeException ex) {
			return System.identityHashCode(array);
		}
	}

}
