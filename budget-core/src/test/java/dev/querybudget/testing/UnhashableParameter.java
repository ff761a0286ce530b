package dev.querybudget.testing;

import java.io.Serial;
import java.io.Serializable;

/**
 * A JDBC parameter whose {@code hashCode} throws, so that the engine fails while
 * recording a statement that the database runs normally. Its text is what the driver
 * binds: PostgreSQL binds a {@code Types.OTHER} value by its {@code toString()}.
 *
 * @param text the text the driver binds
 */
public record UnhashableParameter(String text) implements Serializable {

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
		return this.text;
	}

}
