package dev.querybudget;

import java.time.Duration;
import java.util.Objects;

import dev.querybudget.sql.StatementFingerprint;
import dev.querybudget.sql.StatementKind;
import org.jspecify.annotations.Nullable;

/**
 * What one statement shape did in a scope, so that a report can name the loop or the
 * repeated lookup to fix.
 *
 * @param fingerprint the shape
 * @param executions how many times the shape ran (a JDBC batch counts once)
 * @param distinctParameterSets how many different parameter sets it ran with (a statement
 * with inlined literals counts each different literal text as one)
 * @param parameterSetsCapped whether the per-shape cap was reached, making
 * {@code distinctParameterSets} and {@code duplicates} lower bounds
 * @param duplicates executions that repeated an earlier one exactly: same SQL text, same
 * parameters
 * @param totalTime database time of all executions
 * @param maxTime database time of the slowest execution
 * @param slowExecutions executions slower than the tracker's slow threshold
 * @param callSite the application frame of the first repeated execution, or {@code null}
 * when the shape ran once or no application frame was found
 * @since 0.1.0
 */
public record FingerprintCount(StatementFingerprint fingerprint, long executions, long distinctParameterSets,
		boolean parameterSetsCapped, long duplicates, Duration totalTime, Duration maxTime, long slowExecutions,
		@Nullable CallSite callSite) {

	/**
	 * Validates the count.
	 */
	public FingerprintCount {
		Objects.requireNonNull(fingerprint, "'fingerprint' must not be null");
		Objects.requireNonNull(totalTime, "'totalTime' must not be null");
		Objects.requireNonNull(maxTime, "'maxTime' must not be null");
		if (executions < 0) {
			throw new IllegalArgumentException("'executions' must not be negative, but was " + executions);
		}
	}

	/**
	 * Returns what the statement does.
	 * @return the kind of the shape
	 */
	public StatementKind kind() {
		return this.fingerprint.kind();
	}

}
