package dev.querybudget.autoconfigure.actuate;

/**
 * Statement counts of one scope since start, in a fixed-size histogram: exact up to 255
 * statements, then one bucket per power of two, so that memory stays constant however
 * many times the scope runs.
 *
 * @author Query Budget contributors
 */
final class ObservedScope {

	private static final int EXACT = 256;

	private final long[] buckets = new long[EXACT + 64 - 8];

	private long count;

	private long total;

	private long max;

	private long breaches;

	synchronized void record(long statements, boolean breached) {
		this.count++;
		this.total += statements;
		this.max = Math.max(this.max, statements);
		if (breached) {
			this.breaches++;
		}
		this.buckets[bucket(statements)]++;
	}

	synchronized Figures figures() {
		double mean = (this.count > 0) ? (double) this.total / this.count : 0;
		return new Figures(this.count, mean, this.max, percentile(0.95), this.breaches);
	}

	/**
	 * Returns the smallest bucket bound under which at least the given share of the
	 * counts fall, capped by the maximum seen.
	 */
	private long percentile(double share) {
		if (this.count == 0) {
			return 0;
		}
		long rank = (long) Math.ceil(share * this.count);
		long seen = 0;
		for (int i = 0; i < this.buckets.length; i++) {
			seen += this.buckets[i];
			if (seen >= rank) {
				return Math.min(upperBound(i), this.max);
			}
		}
		return this.max;
	}

	private static int bucket(long statements) {
		if (statements < EXACT) {
			return (int) Math.max(statements, 0);
		}
		// 256..511 -> EXACT, 512..1023 -> EXACT + 1, ...
		return EXACT + (63 - Long.numberOfLeadingZeros(statements)) - 8;
	}

	private static long upperBound(int bucket) {
		if (bucket < EXACT) {
			return bucket;
		}
		int power = bucket - EXACT + 9;
		return (power >= 63) ? Long.MAX_VALUE : (1L << power) - 1;
	}

	/**
	 * Figures of a scope since start.
	 *
	 * @param scopes closed scopes
	 * @param mean mean statements per scope
	 * @param max most statements in one scope
	 * @param p95 95th percentile of statements per scope, exact up to 255
	 * @param breaches scopes that broke their budget
	 */
	record Figures(long scopes, double mean, long max, long p95, long breaches) {

	}

}
