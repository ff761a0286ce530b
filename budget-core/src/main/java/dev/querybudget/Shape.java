package dev.querybudget;

import java.time.Duration;

import dev.querybudget.internal.LongHashSet;
import dev.querybudget.sql.StatementFingerprint;
import org.jspecify.annotations.Nullable;

/**
 * Mutable per-scope counters of one statement shape, guarded by the lock of its scope.
 */
final class Shape {

	private final StatementFingerprint fingerprint;

	private final LongHashSet identities = new LongHashSet();

	private long executions;

	private boolean capped;

	private long duplicates;

	private long totalNanos;

	private long maxNanos;

	private long slowExecutions;

	private @Nullable CallSite callSite;

	Shape(StatementFingerprint fingerprint) {
		this.fingerprint = fingerprint;
	}

	/**
	 * Records one execution and returns whether its call site should be captured: only
	 * the first repeat pays for a stack walk, and its site names the loop.
	 */
	boolean record(long identity, boolean trackIdentity, long nanos, int maxIdentities, long slowNanos) {
		this.executions++;
		// a sequence returns a new value each time: its repeats are never duplicates
		if (trackIdentity && !this.fingerprint.drawsFromSequence()) {
			if (this.identities.contains(identity)) {
				this.duplicates++;
			}
			else if (this.identities.size() < maxIdentities) {
				this.identities.add(identity);
			}
			else {
				this.capped = true;
			}
		}
		this.totalNanos += nanos;
		if (nanos > this.maxNanos) {
			this.maxNanos = nanos;
		}
		if (nanos > slowNanos) {
			this.slowExecutions++;
		}
		return this.executions == 2 && this.callSite == null;
	}

	long duplicates() {
		return this.duplicates;
	}

	int distinctParameterSets() {
		return this.identities.size();
	}

	void callSite(@Nullable CallSite callSite) {
		if (this.callSite == null) {
			this.callSite = callSite;
		}
	}

	FingerprintCount toCount() {
		return new FingerprintCount(this.fingerprint, this.executions, this.identities.size(), this.capped,
				this.duplicates, Duration.ofNanos(this.totalNanos), Duration.ofNanos(this.maxNanos),
				this.slowExecutions, this.callSite);
	}

}
