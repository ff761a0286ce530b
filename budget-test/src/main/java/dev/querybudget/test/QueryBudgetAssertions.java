package dev.querybudget.test;

import java.util.function.IntConsumer;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.ScopeReport;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Entry points of the query assertions, to import statically: run a block and assert its
 * statements, or check that its statement counts do not grow with the data.
 * <p>
 * The forms without a tracker use the one {@link QueryBudgetExtension} bound to the
 * running test ({@link QueryBudgetTest @QueryBudgetTest} in Spring Boot tests).
 *
 * @since 0.1.0
 */
public final class QueryBudgetAssertions {

	private static final String BLOCK = "block";

	private QueryBudgetAssertions() {
	}

	/**
	 * Runs a block in a scope of its own on the tracker bound to the running test and
	 * returns assertions on what it executed.
	 * @param block the code to measure
	 * @return assertions on the block's statements
	 * @throws IllegalStateException when no tracker is bound to the test
	 */
	@CheckReturnValue
	public static ScopeReportAssert assertThatQueries(ThrowingCallable block) {
		TestTrackers.Binding binding = TestTrackers.current();
		return assertThatQueries(binding.tracker(), binding.testName(), block);
	}

	/**
	 * Runs a block in a scope of its own and returns assertions on what it executed.
	 * @param tracker the tracker whose DataSources the block uses
	 * @param block the code to measure
	 * @return assertions on the block's statements
	 */
	@CheckReturnValue
	public static ScopeReportAssert assertThatQueries(QueryBudgetTracker tracker, ThrowingCallable block) {
		return assertThatQueries(tracker, BLOCK, block);
	}

	private static ScopeReportAssert assertThatQueries(QueryBudgetTracker tracker, String name,
			ThrowingCallable block) {
		return new ScopeReportAssert(CapturedQueries.capture(tracker, name, block));
	}

	/**
	 * Returns assertions on a report, for example one a listener captured.
	 * @param report the report
	 * @return assertions on the report
	 */
	@CheckReturnValue
	public static ScopeReportAssert assertThatReport(ScopeReport report) {
		return new ScopeReportAssert(report);
	}

	/**
	 * Returns a scale check of a block on the tracker bound to the running test: the
	 * block runs once per data size after {@code seed} prepared that many rows.
	 * @param seed prepares {@code n} rows, replacing what an earlier call seeded
	 * @param block the code to measure
	 * @return the scale check, to finish with {@link ScalingAssert#staysConstant()} or
	 * {@link ScalingAssert#growsAtMost(Growth)}
	 * @throws IllegalStateException when no tracker is bound to the test
	 */
	@CheckReturnValue
	public static ScalingAssert assertThatScaling(IntConsumer seed, ThrowingCallable block) {
		TestTrackers.Binding binding = TestTrackers.current();
		return new ScalingAssert(binding.tracker(), binding.testName(), seed, block);
	}

	/**
	 * Returns a scale check of a block: the block runs once per data size after
	 * {@code seed} prepared that many rows.
	 * @param tracker the tracker whose DataSources the block uses
	 * @param seed prepares {@code n} rows, replacing what an earlier call seeded
	 * @param block the code to measure
	 * @return the scale check, to finish with {@link ScalingAssert#staysConstant()} or
	 * {@link ScalingAssert#growsAtMost(Growth)}
	 */
	@CheckReturnValue
	public static ScalingAssert assertThatScaling(QueryBudgetTracker tracker, IntConsumer seed,
			ThrowingCallable block) {
		return new ScalingAssert(tracker, BLOCK, seed, block);
	}

}
