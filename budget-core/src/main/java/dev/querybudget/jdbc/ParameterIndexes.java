package dev.querybudget.jdbc;

/**
 * How a prepared statement's parameter stores ({@link BoundParameters},
 * {@link ParameterHashes}) keep their indexes: in an array, without a map entry or a key
 * object per parameter, for the indexes a database can have; in a map beyond (a driver
 * that checks late), so that an absurd index never sizes the array.
 */
final class ParameterIndexes {

	static final int MAX_INDEXED = 1 << 16;

	// most statements bind a few parameters: one array of this size instead of growing
	// through 1, 2 and 4
	private static final int INITIAL_CAPACITY = 8;

	private ParameterIndexes() {
	}

	/**
	 * Returns whether a parameter index is kept in the array.
	 */
	static boolean isIndexed(int index) {
		return index >= 1 && index <= MAX_INDEXED;
	}

	/**
	 * Returns the length an array of the given length grows to so as to hold an index
	 * that {@link #isIndexed is indexed}.
	 */
	static int grownLength(int index, int length) {
		return Math.min(MAX_INDEXED, Math.max(Math.max(index, INITIAL_CAPACITY), length * 2));
	}

}
