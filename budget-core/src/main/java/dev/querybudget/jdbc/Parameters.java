package dev.querybudget.jdbc;

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
		return Hashing.mix(operationHash(operation));
	}

	private static long operationHash(ParameterSetOperation operation) {
		long hash = operation.getMethod().getName().hashCode();
		Object[] args = operation.getArgs();
		if (args != null) {
			for (Object arg : args) {
				hash = hash * 31 + valueHash(arg);
			}
		}
		return hash;
	}

	private static int valueHash(@Nullable Object value) {
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
