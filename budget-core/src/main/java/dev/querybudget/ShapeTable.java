package dev.querybudget;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import dev.querybudget.sql.StatementFingerprint;
import org.jspecify.annotations.Nullable;

/**
 * The statement shapes of one scope, in the order they were first seen. A request runs a
 * handful of shapes, so up to {@value #SCAN_LIMIT} are found by a scan of one array,
 * without the map, table and entry per shape that a {@link HashMap} allocates for every
 * scope; a scope with more (a job) indexes them in a map from then on. Not thread-safe:
 * the scope guards it with its lock.
 */
final class ShapeTable {

	static final int SCAN_LIMIT = 8;

	private static final Shape[] NONE = new Shape[0];

	private Shape[] shapes = NONE;

	private int size;

	private @Nullable Map<StatementFingerprint, Shape> index;

	/**
	 * Returns the shape of a fingerprint.
	 * @param fingerprint the fingerprint
	 * @return its shape, or {@code null} if it has none yet
	 */
	@Nullable Shape get(StatementFingerprint fingerprint) {
		Map<StatementFingerprint, Shape> index = this.index;
		if (index != null) {
			return index.get(fingerprint);
		}
		long hash = fingerprint.hash();
		for (int i = 0; i < this.size; i++) {
			Shape shape = this.shapes[i];
			if (shape.fingerprint().hash() == hash) {
				return shape;
			}
		}
		return null;
	}

	/**
	 * Adds the shape of a fingerprint that has none yet.
	 * @param shape the new shape
	 */
	void add(Shape shape) {
		if (this.size == this.shapes.length) {
			this.shapes = Arrays.copyOf(this.shapes, Math.max(4, this.size * 2));
		}
		this.shapes[this.size++] = shape;
		if (this.index != null) {
			this.index.put(shape.fingerprint(), shape);
		}
		else if (this.size > SCAN_LIMIT) {
			Map<StatementFingerprint, Shape> index = new HashMap<>(this.size * 4);
			for (int i = 0; i < this.size; i++) {
				index.put(this.shapes[i].fingerprint(), this.shapes[i]);
			}
			this.index = index;
		}
	}

	/**
	 * Returns the number of shapes.
	 * @return the shape count
	 */
	int size() {
		return this.size;
	}

	/**
	 * Returns a shape by the order it was first seen in.
	 * @param position its position, from {@code 0} to {@link #size()} excluded
	 * @return the shape
	 */
	Shape get(int position) {
		return this.shapes[position];
	}

}
