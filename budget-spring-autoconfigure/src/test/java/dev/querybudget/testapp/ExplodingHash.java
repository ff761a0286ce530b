package dev.querybudget.testapp;

import java.io.Serial;
import java.io.Serializable;

/**
 * A JDBC parameter whose hashCode throws: the engine fails while recording it.
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

}
