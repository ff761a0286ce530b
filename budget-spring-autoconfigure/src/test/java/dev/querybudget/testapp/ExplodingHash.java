package dev.querybudget.testapp;

import java.io.Serial;
import java.io.Serializable;

/**
 * A JDBC parameter whose hashCode throws: the engine fails while recording it. Its
 * {@code toString()}, which {@code Object} would compute from the hash code, is what
 * PostgreSQL binds for {@code Types.OTHER}.
 */
public final class ExplodingHash implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	@Override
	public int hashCode() {
		throw new IllegalStateException("hashCode exploded");
	}

	@Override
	public boolean equals(Object other) {
		return this == other;
	}

	@Override
	public String toString() {
		return "exploding-hash";
	}

}
