package dev.querybudget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.querybudget.internal.LongHashSet;
import dev.querybudget.sql.StatementFingerprint;
import org.jspecify.annotations.Nullable;

/**
 * Mutable per-scope counters of one statement shape, guarded by the lock of its scope. It
 * also holds the N+1 rule, in {@link #nPlusOneParameterSets()}, so that a scope's quick
 * verdict and its report judge the same evidence.
 */
final class Shape {

	// bounds the memory of a shape whatever the application does
	private static final int MAX_ORIGINS = 8;

	private static final int MAX_CALL_SITES = 4;

	private static final OriginTally[] NO_ORIGINS = new OriginTally[0];

	private static final CallSite[] NO_CALL_SITES = new CallSite[0];

	private final StatementFingerprint fingerprint;

	private final LongHashSet identities = new LongHashSet();

	private long executions;

	private long batchExecutions;

	private boolean capped;

	private long duplicates;

	private long totalNanos;

	private long maxNanos;

	private long slowExecutions;

	// allocated for the first attributed execution and grown up to MAX_ORIGINS: without
	// an adapter that attributes statements, a shape has no origin
	private OriginTally[] origins = NO_ORIGINS;

	private int originCount;

	private long unattributedSets;

	// allocated for the first call site: most shapes of a request never sample one
	private CallSite[] callSites = NO_CALL_SITES;

	private int callSiteCount;

	private int samples;

	private @Nullable CallSite previousSampledSite;

	private @Nullable CallSite lastSampledSite;

	Shape(StatementFingerprint fingerprint) {
		this.fingerprint = fingerprint;
	}

	/**
	 * Records one execution and returns whether its call site should be captured. Stacks
	 * are walked only for a sample of the repeats (the 2nd, 3rd, 4th, 8th, 16th...
	 * execution) and for the first exact duplicate, so that a shape costs a logarithmic
	 * number of walks however often it runs.
	 */
	boolean record(long identity, boolean trackIdentity, boolean batch, @Nullable StatementOrigin origin, long nanos,
			int maxIdentities, long slowNanos) {
		long execution = ++this.executions;
		boolean firstDuplicate = false;
		boolean newSet = false;
		// a sequence returns a new value each time: its repeats are never duplicates
		if (trackIdentity && !this.fingerprint.drawsFromSequence()) {
			if (this.identities.contains(identity)) {
				firstDuplicate = (++this.duplicates == 1);
			}
			else if (this.identities.size() < maxIdentities) {
				this.identities.add(identity);
				newSet = true;
			}
			else {
				this.capped = true;
			}
		}
		if (batch) {
			this.batchExecutions++;
		}
		tally(origin, newSet && !batch);
		this.totalNanos += nanos;
		if (nanos > this.maxNanos) {
			this.maxNanos = nanos;
		}
		if (nanos > slowNanos) {
			this.slowExecutions++;
		}
		return execution == 3 || (execution > 1 && (execution & (execution - 1)) == 0) || firstDuplicate;
	}

	private void tally(@Nullable StatementOrigin origin, boolean newSet) {
		if (origin == null) {
			if (newSet) {
				this.unattributedSets++;
			}
			return;
		}
		for (int i = 0; i < this.originCount; i++) {
			OriginTally tally = this.origins[i];
			// adapters reuse their origins: identity settles the usual case without
			// comparing lists
			if (tally.origin == origin || tally.origin.equals(origin)) {
				tally.count(newSet);
				return;
			}
		}
		if (this.originCount < MAX_ORIGINS) {
			if (this.originCount == this.origins.length) {
				this.origins = Arrays.copyOf(this.origins, Math.max(2, this.originCount * 2));
			}
			OriginTally tally = new OriginTally(origin);
			this.origins[this.originCount++] = tally;
			tally.count(newSet);
		}
	}

	StatementFingerprint fingerprint() {
		return this.fingerprint;
	}

	long duplicates() {
		return this.duplicates;
	}

	long slowExecutions() {
		return this.slowExecutions;
	}

	int distinctParameterSets() {
		return this.identities.size();
	}

	/**
	 * The N+1 evidence of this shape: the distinct parameter sets that came from one
	 * source, the largest over its sources. A lazy load (a collection or to-one
	 * association) is a source wherever the application touched it. Other executions,
	 * such as entity loads, query methods and statements no adapter attributed, are
	 * grouped by what caused them and count when the sampled repeats came from one call
	 * site: the last two samples decide, as a loop that is still running repeats its
	 * site, while keyed lookups spread over the code do not. JDBC batch executions, batch
	 * and subselect fetches and declared repetition bring no evidence.
	 */
	long nPlusOneParameterSets() {
		boolean oneSite = this.samples < 2 || Objects.equals(this.previousSampledSite, this.lastSampledSite);
		long evidence = (oneSite) ? this.unattributedSets : 0;
		for (int i = 0; i < this.originCount; i++) {
			OriginTally tally = this.origins[i];
			if (!tally.origin.isExempt() && (oneSite || tally.origin.isLazyLoad())) {
				evidence = Math.max(evidence, tally.sets);
			}
		}
		return evidence;
	}

	void callSite(@Nullable CallSite callSite) {
		this.samples++;
		this.previousSampledSite = this.lastSampledSite;
		this.lastSampledSite = callSite;
		if (callSite == null || this.callSiteCount == MAX_CALL_SITES) {
			return;
		}
		for (int i = 0; i < this.callSiteCount; i++) {
			if (this.callSites[i].equals(callSite)) {
				return;
			}
		}
		if (this.callSiteCount == 0) {
			this.callSites = new CallSite[MAX_CALL_SITES];
		}
		this.callSites[this.callSiteCount++] = callSite;
	}

	FingerprintCount toCount() {
		List<OriginCount> byOrigin = new ArrayList<>(this.originCount);
		for (int i = 0; i < this.originCount; i++) {
			OriginTally tally = this.origins[i];
			byOrigin.add(new OriginCount(tally.origin, tally.executions, tally.sets));
		}
		List<CallSite> sites = Arrays.asList(this.callSites).subList(0, this.callSiteCount);
		return new FingerprintCount(this.fingerprint, this.executions, this.identities.size(), this.capped,
				this.duplicates, Duration.ofNanos(this.totalNanos), Duration.ofNanos(this.maxNanos),
				this.slowExecutions, (this.callSiteCount > 0) ? this.callSites[0] : null, this.batchExecutions,
				nPlusOneParameterSets(), sites, byOrigin);
	}

	/**
	 * The executions and distinct parameter sets of one origin of the shape.
	 */
	private static final class OriginTally {

		private final StatementOrigin origin;

		private long executions;

		private long sets;

		OriginTally(StatementOrigin origin) {
			this.origin = origin;
		}

		void count(boolean newSet) {
			this.executions++;
			if (newSet) {
				this.sets++;
			}
		}

	}

}
