package dev.querybudget.internal;

/**
 * Cheap 64-bit hash mixing for identities that are compared, never stored as values.
 *
 * @since 0.1.0
 */
public final class Hashing {

	private static final long GOLDEN = 0x9E3779B97F4A7C15L;

	private Hashing() {
	}

	/**
	 * Spreads the bits of a value (the SplitMix64 finaliser).
	 * @param value the value to mix
	 * @return the mixed value
	 */
	public static long mix(long value) {
		long z = value + GOLDEN;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/**
	 * Combines a running hash with the next value, order-dependent.
	 * @param hash the running hash
	 * @param value the next value
	 * @return the combined hash
	 */
	public static long combine(long hash, long value) {
		return mix(hash * 31 + value);
	}

}
