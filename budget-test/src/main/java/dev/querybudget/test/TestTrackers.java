package dev.querybudget.test;

import java.util.Objects;

import dev.querybudget.QueryBudgetTracker;

/**
 * The tracker and test name that {@link QueryBudgetExtension} binds to the test thread
 * for the duration of a test, so that {@code assertThatQueries(block)} needs no tracker
 * argument.
 */
final class TestTrackers {

	private static final ThreadLocal<Binding> bound = new ThreadLocal<>();

	private TestTrackers() {
	}

	/**
	 * Binds a tracker to the calling thread until the returned handle is closed, which
	 * restores what was bound before.
	 */
	static AutoCloseable bind(QueryBudgetTracker tracker, String testName) {
		Binding previous = bound.get();
		bound.set(new Binding(tracker, testName));
		return () -> {
			if (previous != null) {
				bound.set(previous);
			}
			else {
				bound.remove();
			}
		};
	}

	static Binding current() {
		Binding binding = bound.get();
		if (binding == null) {
			throw new IllegalStateException("No QueryBudgetTracker is bound to this test. Annotate the test class "
					+ "with @QueryBudgetTest (Spring Boot tests), register QueryBudgetExtension.of(tracker) with "
					+ "@RegisterExtension, or pass the tracker: assertThatQueries(tracker, block).");
		}
		return binding;
	}

	/**
	 * A tracker and the name of the test it is bound for.
	 */
	record Binding(QueryBudgetTracker tracker, String testName) {

		Binding {
			Objects.requireNonNull(tracker, "'tracker' must not be null");
			Objects.requireNonNull(testName, "'testName' must not be null");
		}

	}

}
