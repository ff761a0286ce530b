package dev.querybudget;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.querybudget.sql.StatementFingerprint;
import dev.querybudget.sql.StatementKind;
import org.jspecify.annotations.Nullable;

/**
 * What one statement shape did in a scope, so that a report can name the loop or the
 * repeated lookup to fix, and what caused it.
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
 * @param batchExecutions executions that were JDBC batches
 * @param nPlusOneParameterSets the N+1 evidence: distinct parameter sets that came from
 * one source (a lazily loaded association wherever it was touched, or else one call
 * site), excluding JDBC batches, batch fetches and declared repetition; see
 * {@code docs/diagnosis.md}
 * @param callSites the distinct application frames of the sampled repeats (the 2nd, 3rd,
 * 4th, 8th... execution and the first exact duplicate), at most four, first seen first
 * @param origins what caused the executions, as declared by an adapter, at most eight
 * @since 0.1.0
 */
public record FingerprintCount(StatementFingerprint fingerprint, long executions, long distinctParameterSets,
		boolean parameterSetsCapped, long duplicates, Duration totalTime, Duration maxTime, long slowExecutions,
		@Nullable CallSite callSite, long batchExecutions, long nPlusOneParameterSets, List<CallSite> callSites,
		List<OriginCount> origins) {

	/**
	 * Validates the count and copies its lists.
	 */
	public FingerprintCount {
		Objects.requireNonNull(fingerprint, "'fingerprint' must not be null");
		Objects.requireNonNull(totalTime, "'totalTime' must not be null");
		Objects.requireNonNull(maxTime, "'maxTime' must not be null");
		if (executions < 0) {
			throw new IllegalArgumentException("'executions' must not be negative, but was " + executions);
		}
		callSites = List.copyOf(Objects.requireNonNull(callSites, "'callSites' must not be null"));
		origins = List.copyOf(Objects.requireNonNull(origins, "'origins' must not be null"));
	}

	/**
	 * Creates a count of executions no adapter attributed: every distinct parameter set
	 * is N+1 evidence, and the call site, if any, is the only one.
	 * @param fingerprint the shape
	 * @param executions how many times the shape ran
	 * @param distinctParameterSets how many different parameter sets it ran with
	 * @param parameterSetsCapped whether the per-shape cap was reached
	 * @param duplicates executions that repeated an earlier one exactly
	 * @param totalTime database time of all executions
	 * @param maxTime database time of the slowest execution
	 * @param slowExecutions executions slower than the tracker's slow threshold
	 * @param callSite the application frame of the first repeated execution, or
	 * {@code null}
	 */
	public FingerprintCount(StatementFingerprint fingerprint, long executions, long distinctParameterSets,
			boolean parameterSetsCapped, long duplicates, Duration totalTime, Duration maxTime, long slowExecutions,
			@Nullable CallSite callSite) {
		this(fingerprint, executions, distinctParameterSets, parameterSetsCapped, duplicates, totalTime, maxTime,
				slowExecutions, callSite, 0, distinctParameterSets, (callSite != null) ? List.of(callSite) : List.of(),
				List.of());
	}

	/**
	 * Returns what the statement does.
	 * @return the kind of the shape
	 */
	public StatementKind kind() {
		return this.fingerprint.kind();
	}

	/**
	 * Returns the origin that carries the N+1 evidence: the non-exempt origin with the
	 * most distinct parameter sets, when it has all of {@link #nPlusOneParameterSets()}.
	 * @return the origin, or {@code null} when the evidence comes from a call site
	 */
	public @Nullable StatementOrigin nPlusOneOrigin() {
		OriginCount best = null;
		for (OriginCount count : this.origins) {
			if (!count.origin().isExempt()
					&& (best == null || count.distinctParameterSets() > best.distinctParameterSets())) {
				best = count;
			}
		}
		return (best != null && best.distinctParameterSets() > 0
				&& best.distinctParameterSets() == this.nPlusOneParameterSets) ? best.origin() : null;
	}

}
