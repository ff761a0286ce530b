package dev.querybudget.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * Reads the rows changed from a JDBC execution result, as far as the driver tells.
 */
final class Rows {

	static final long UNKNOWN = -1;

	private Rows() {
	}

	/**
	 * Returns the update count of {@code executeUpdate} ({@code int}),
	 * {@code executeLargeUpdate} ({@code long}) and batches ({@code int[]},
	 * {@code long[]}, negative entries such as {@code SUCCESS_NO_INFO} skipped); queries
	 * and {@code execute()} give {@link #UNKNOWN}.
	 */
	static long of(@Nullable Object result) {
		if (result instanceof Integer count) {
			return (count >= 0) ? count : UNKNOWN;
		}
		if (result instanceof Long count) {
			return (count >= 0) ? count : UNKNOWN;
		}
		if (result instanceof int[] counts) {
			long total = 0;
			for (int count : counts) {
				total += Math.max(count, 0);
			}
			return total;
		}
		if (result instanceof long[] counts) {
			long total = 0;
			for (long count : counts) {
				total += Math.max(count, 0);
			}
			return total;
		}
		return UNKNOWN;
	}

}
