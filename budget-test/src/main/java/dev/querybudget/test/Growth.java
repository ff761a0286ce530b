package dev.querybudget.test;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How much the execution count of one statement shape may grow with the data, for
 * {@link ScalingAssert#growsAtMost(Growth)}. Every limit is relative to the count at the
 * smallest data size {@code n₀}: a shape absent there may not appear at a larger size.
 *
 * @since 0.1.0
 */
public final class Growth {

	private static final Growth CONSTANT = new Growth("stay constant", (base, baseSize, size) -> base);

	private static final Growth LOGARITHMIC = new Growth("grow at most logarithmically",
			(base, baseSize, size) -> base * (1 + doublings(baseSize, size)));

	private static final Growth LINEAR = new Growth("grow at most linearly",
			(base, baseSize, size) -> ceilDiv(base * size, baseSize));

	private final String description;

	private final Limit limit;

	private Growth(String description, Limit limit) {
		this.description = description;
		this.limit = limit;
	}

	/**
	 * Returns the growth of a shape whose count does not depend on the data: a query that
	 * loads every row at once, or a join fetch.
	 * @return the constant growth: {@code count(n) <= count(n₀)}
	 */
	public static Growth constant() {
		return CONSTANT;
	}

	/**
	 * Returns a growth of one more round of the shape each time the data doubles, such as
	 * batches whose size grows with the data.
	 * @return the logarithmic growth:
	 * {@code count(n) <= count(n₀) * (1 + ceil(log2(n / n₀)))}
	 */
	public static Growth logarithmic() {
		return LOGARITHMIC;
	}

	/**
	 * Returns the growth of a shape loaded in batches of a fixed size, as
	 * {@code @BatchSize} or {@code hibernate.default_batch_fetch_size} load lazy
	 * associations.
	 * @param batchSize the number of rows one execution loads, at least 1
	 * @return the batched growth:
	 * {@code count(n) <= count(n₀) * ceil(n / batchSize) / ceil(n₀ / batchSize)}
	 */
	public static Growth batched(int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("'batchSize' must be at least 1, but was " + batchSize);
		}
		return new Growth("grow at most by one execution per " + batchSize + " rows",
				(base, baseSize, size) -> ceilDiv(base * ceilDiv(size, batchSize), ceilDiv(baseSize, batchSize)));
	}

	/**
	 * Returns the growth of a shape that may run once per row: what an N+1 does, for code
	 * that must visit every row.
	 * @return the linear growth: {@code count(n) <= ceil(count(n₀) * n / n₀)}
	 */
	public static Growth linear() {
		return LINEAR;
	}

	/**
	 * Returns the largest count allowed at a data size.
	 * @param base the count at the smallest data size
	 * @param baseSize the smallest data size, at least 1
	 * @param size the data size, at least {@code baseSize}
	 * @return the largest allowed count
	 */
	long allowed(long base, int baseSize, int size) {
		return this.limit.allowed(base, baseSize, size);
	}

	private static long doublings(long from, long to) {
		long steps = 0;
		for (long reached = from; reached < to; reached *= 2) {
			steps++;
		}
		return steps;
	}

	private static long ceilDiv(long dividend, long divisor) {
		return -Math.floorDiv(-dividend, divisor);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof Growth that) && this.description.equals(that.description);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.description);
	}

	@Override
	public String toString() {
		return this.description;
	}

	@FunctionalInterface
	private interface Limit {

		long allowed(long base, int baseSize, int size);

	}

}
