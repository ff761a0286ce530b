package dev.querybudget.internal;

import org.jspecify.annotations.Nullable;

/**
 * A set of {@code long} values with open addressing, so that tracking hashes boxes
 * nothing. Its first value is held in a field and the table is allocated for the second:
 * most statement shapes of a request run once, and their sets then cost no array. Not
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class LongHashSet {

	private static final int INITIAL_CAPACITY = 8;

	// null while the set holds at most one value besides zero
	private long @Nullable [] slots;

	// the one non-zero value while there is no table
	private long single;

	private int size;

	// 0 marks a free slot, so the value 0 is tracked apart
	private boolean containsZero;

	/**
	 * Returns whether the set contains a value.
	 * @param value the value to look up
	 * @return {@code true} if it was added before
	 */
	public boolean contains(long value) {
		if (value == 0) {
			return this.containsZero;
		}
		long[] table = this.slots;
		if (table == null) {
			return this.single == value;
		}
		int mask = table.length - 1;
		int index = (int) Hashing.mix(value) & mask;
		while (true) {
			long slot = table[index];
			if (slot == 0) {
				return false;
			}
			if (slot == value) {
				return true;
			}
			index = (index + 1) & mask;
		}
	}

	/**
	 * Adds a value.
	 * @param value the value to add
	 * @return {@code true} if it was not in the set yet
	 */
	public boolean add(long value) {
		if (value == 0) {
			if (this.containsZero) {
				return false;
			}
			this.containsZero = true;
			this.size++;
			return true;
		}
		long[] table = this.slots;
		if (table == null) {
			if (this.single == 0) {
				this.single = value;
				this.size++;
				return true;
			}
			if (this.single == value) {
				return false;
			}
			table = new long[INITIAL_CAPACITY];
			insert(table, this.single);
			this.slots = table;
		}
		if ((this.size + 1) * 2 > table.length) {
			table = grow(table);
		}
		if (insert(table, value)) {
			this.size++;
			return true;
		}
		return false;
	}

	/**
	 * Returns the number of values in the set.
	 * @return the size
	 */
	public int size() {
		return this.size;
	}

	private long[] grow(long[] table) {
		long[] grown = new long[table.length * 2];
		for (long slot : table) {
			if (slot != 0) {
				insert(grown, slot);
			}
		}
		this.slots = grown;
		return grown;
	}

	private static boolean insert(long[] table, long value) {
		int mask = table.length - 1;
		int index = (int) Hashing.mix(value) & mask;
		while (true) {
			long slot = table[index];
			if (slot == 0) {
				table[index] = value;
				return true;
			}
			if (slot == value) {
				return false;
			}
			index = (index + 1) & mask;
		}
	}

}
