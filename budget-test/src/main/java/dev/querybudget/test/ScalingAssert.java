package dev.querybudget.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.IntConsumer;

import dev.querybudget.CallSite;
import dev.querybudget.FingerprintCount;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.ScopeReport;
import dev.querybudget.StatementOrigin;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Checks that a block's statement counts do not grow with the data faster than declared:
 * the N+1 test that needs no guessed number. For each data size, in increasing order, the
 * seed function prepares {@code n} rows (replacing what an earlier size seeded), then the
 * block runs in a scope of its own. A failure names every shape whose count grew too
 * much, with its counts per size and its call site.
 *
 * @since 0.1.0
 */
public final class ScalingAssert {

	private static final int[] DEFAULT_SIZES = { 1, 10, 50 };

	private final QueryBudgetTracker tracker;

	private final String name;

	private final IntConsumer seed;

	private final ThrowingCallable block;

	private int[] sizes = DEFAULT_SIZES;

	ScalingAssert(QueryBudgetTracker tracker, String name, IntConsumer seed, ThrowingCallable block) {
		this.tracker = Objects.requireNonNull(tracker, "'tracker' must not be null");
		this.name = name;
		this.seed = Objects.requireNonNull(seed, "'seed' must not be null");
		this.block = Objects.requireNonNull(block, "'block' must not be null");
	}

	/**
	 * Sets the data sizes to run the block at, {@code 1, 10, 50} unless set.
	 * @param sizes at least two sizes, each at least 1, strictly increasing
	 * @return this assertion
	 */
	public ScalingAssert atSizes(int... sizes) {
		if (sizes.length < 2) {
			throw new IllegalArgumentException("At least two sizes are needed to see growth, but got " + sizes.length);
		}
		for (int i = 0; i < sizes.length; i++) {
			if (sizes[i] < 1 || (i > 0 && sizes[i] <= sizes[i - 1])) {
				throw new IllegalArgumentException(
						"Sizes must be at least 1 and strictly increasing, but were " + Arrays.toString(sizes));
			}
		}
		this.sizes = sizes.clone();
		return this;
	}

	/**
	 * Verifies that no statement shape runs more often at a larger size than at the
	 * smallest.
	 * @return this assertion
	 */
	public ScalingAssert staysConstant() {
		return growsAtMost(Growth.constant());
	}

	/**
	 * Runs the block at every size and verifies that no statement shape grows more than
	 * allowed.
	 * @param growth the allowed growth of each shape
	 * @return this assertion
	 */
	public ScalingAssert growsAtMost(Growth growth) {
		Objects.requireNonNull(growth, "'growth' must not be null");
		List<SortedMap<String, Long>> countsBySize = new ArrayList<>(this.sizes.length);
		long[] totals = new long[this.sizes.length];
		Map<String, CallSite> callSites = new HashMap<>();
		Map<String, StatementOrigin> causes = new HashMap<>();
		TreeSet<String> shapes = new TreeSet<>();
		for (int i = 0; i < this.sizes.length; i++) {
			this.seed.accept(this.sizes[i]);
			ScopeReport report = CapturedQueries.capture(this.tracker, this.name + " [n=" + this.sizes[i] + "]",
					this.block);
			for (FingerprintCount count : report.fingerprints()) {
				if (count.callSite() != null) {
					callSites.put(count.fingerprint().normalizedSql(), count.callSite());
				}
				StatementOrigin cause = count.nPlusOneOrigin();
				if (cause != null) {
					causes.put(count.fingerprint().normalizedSql(), cause);
				}
			}
			SortedMap<String, Long> counts = QuerySnapshot.counts(report);
			countsBySize.add(counts);
			shapes.addAll(counts.keySet());
			totals[i] = report.statementCount();
		}
		StringBuilder grown = new StringBuilder();
		int grownShapes = 0;
		for (String shape : shapes) {
			long base = countsBySize.get(0).getOrDefault(shape, 0L);
			int last = this.sizes.length - 1;
			long allowed = growth.allowed(base, this.sizes[0], this.sizes[last]);
			boolean tooMuch = false;
			for (int i = 1; i < this.sizes.length; i++) {
				tooMuch |= countsBySize.get(i).getOrDefault(shape, 0L) > growth.allowed(base, this.sizes[0],
						this.sizes[i]);
			}
			if (tooMuch) {
				grownShapes++;
				grown.append("\n  [").append(shape).append("]\n    ");
				for (int i = 0; i < this.sizes.length; i++) {
					grown.append((i > 0) ? ", " : "")
						.append("n=")
						.append(this.sizes[i])
						.append(": ")
						.append(countsBySize.get(i).getOrDefault(shape, 0L));
				}
				grown.append(" (allowed at n=").append(this.sizes[last]).append(": ").append(allowed).append(')');
				CallSite site = callSites.get(shape);
				if (site != null) {
					grown.append("\n    at ").append(site);
				}
				StatementOrigin cause = causes.get(shape);
				if (cause != null) {
					grown.append("\n    cause: ").append(cause);
				}
			}
		}
		if (grownShapes > 0) {
			StringBuilder message = new StringBuilder();
			message.append("\nExpecting the statements of:\n  <")
				.append(this.name)
				.append(">\nto ")
				.append(growth)
				.append(" as the data grows\nbut ")
				.append(grownShapes)
				.append((grownShapes == 1) ? " shape grew:" : " shapes grew:")
				.append(grown)
				.append("\nstatements per size: ");
			for (int i = 0; i < this.sizes.length; i++) {
				message.append((i > 0) ? ", " : "").append("n=").append(this.sizes[i]).append(": ").append(totals[i]);
			}
			throw new AssertionError(message.toString());
		}
		return this;
	}

}
