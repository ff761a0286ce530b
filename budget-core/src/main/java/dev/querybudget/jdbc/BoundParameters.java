package dev.querybudget.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import org.jspecify.annotations.Nullable;

/**
 * The parameters bound to a prepared statement, as datasource-proxy records them: one
 * {@link ParameterSetOperation} per index, a later one replacing an earlier one, kept as
 * {@link ParameterIndexes} says.
 */
final class BoundParameters {

	private static final ParameterSetOperation[] NONE = new ParameterSetOperation[0];

	private @Nullable ParameterSetOperation[] byIndex = NONE;

	private int highest;

	private @Nullable TreeMap<Integer, ParameterSetOperation> beyond;

	void bind(int index, ParameterSetOperation operation) {
		if (!ParameterIndexes.isIndexed(index)) {
			if (this.beyond == null) {
				this.beyond = new TreeMap<>();
			}
			this.beyond.put(index, operation);
			return;
		}
		if (index > this.byIndex.length) {
			this.byIndex = Arrays.copyOf(this.byIndex, ParameterIndexes.grownLength(index, this.byIndex.length));
		}
		this.byIndex[index - 1] = operation;
		this.highest = Math.max(this.highest, index);
	}

	/**
	 * Returns the bound parameters in index order, as a new list.
	 */
	List<ParameterSetOperation> snapshot() {
		List<ParameterSetOperation> operations = new ArrayList<>(
				this.highest + ((this.beyond != null) ? this.beyond.size() : 0));
		if (this.beyond != null) {
			operations.addAll(this.beyond.headMap(1).values());
		}
		for (int i = 0; i < this.highest; i++) {
			ParameterSetOperation operation = this.byIndex[i];
			if (operation != null) {
				operations.add(operation);
			}
		}
		if (this.beyond != null) {
			operations.addAll(this.beyond.tailMap(ParameterIndexes.MAX_INDEXED, false).values());
		}
		return operations;
	}

	void clear() {
		Arrays.fill(this.byIndex, 0, this.highest, null);
		this.highest = 0;
		this.beyond = null;
	}

}
