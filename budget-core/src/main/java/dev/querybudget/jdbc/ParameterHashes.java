package dev.querybudget.jdbc;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import dev.querybudget.internal.Hashing;
import org.jspecify.annotations.Nullable;

/**
 * The parameters bound to a prepared statement, kept only as the hashes
 * {@link Parameters} gives them: one mixed hash per index, a later one replacing an
 * earlier one, and their running sum, from which the hash of the parameter set follows
 * without a pass over the parameters; and the hash of the pending batch, one parameter
 * set per {@code addBatch()}. No value is kept, and binding allocates nothing but the
 * first array.
 */
final class ParameterHashes {

	private static final long[] NONE = new long[0];

	private long[] byIndex = NONE;

	private int highest;

	private @Nullable Map<Integer, Long> beyond;

	private long setHash;

	private long batchHash;

	private int batchSize;

	/**
	 * Binds a parameter.
	 * @param index the parameter's index
	 * @param mixedHash its hash, as {@link Parameters#mixedHash} gives it
	 */
	void bind(int index, long mixedHash) {
		long previous;
		if (!ParameterIndexes.isIndexed(index)) {
			if (this.beyond == null) {
				this.beyond = new HashMap<>();
			}
			Long replaced = this.beyond.put(index, mixedHash);
			previous = (replaced != null) ? replaced : 0;
		}
		else {
			if (index > this.byIndex.length) {
				this.byIndex = Arrays.copyOf(this.byIndex, ParameterIndexes.grownLength(index, this.byIndex.length));
			}
			previous = this.byIndex[index - 1];
			this.byIndex[index - 1] = mixedHash;
			this.highest = Math.max(this.highest, index);
		}
		// a set's hash is the sum of its parameters' mixed hashes: an unbound index
		// counts as 0, so replacing one is a subtraction and an addition
		this.setHash += mixedHash - previous;
	}

	/**
	 * Returns the hash {@link Parameters#hash} gives the bound parameters as the only
	 * parameter set.
	 */
	long hash() {
		return Parameters.hashOfOneSet(this.setHash);
	}

	void clear() {
		Arrays.fill(this.byIndex, 0, this.highest, 0);
		this.highest = 0;
		this.beyond = null;
		this.setHash = 0;
	}

	/**
	 * Ends the bound parameters' set as the next entry of the batch, and clears them.
	 */
	void addBatch() {
		this.batchHash = Hashing.combine(this.batchHash, this.setHash);
		this.batchSize++;
		clear();
	}

	/**
	 * Returns the hash {@link Parameters#hash} gives the batch's parameter sets.
	 */
	long batchHash() {
		return this.batchHash;
	}

	int batchSize() {
		return this.batchSize;
	}

	void clearBatch() {
		this.batchHash = 0;
		this.batchSize = 0;
	}

}
