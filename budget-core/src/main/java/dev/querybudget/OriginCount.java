package dev.querybudget;

import java.util.Objects;

/**
 * How often one statement shape ran for one {@link StatementOrigin} in a scope, so that a
 * report can tell the association behind a loop from other uses of the same SQL.
 *
 * @param origin the origin
 * @param executions how many executions of the shape had this origin
 * @param distinctParameterSets how many parameter sets were first seen under this origin
 * (executions inside JDBC batches are not counted)
 * @since 0.1.0
 */
public record OriginCount(StatementOrigin origin, long executions, long distinctParameterSets) {

	/**
	 * Validates the count.
	 */
	public OriginCount {
		Objects.requireNonNull(origin, "'origin' must not be null");
	}

}
