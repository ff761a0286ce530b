package dev.querybudget.test;

import java.util.List;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs a test class on the Jupiter engine, as a build would, so that the self-tests can
 * see a test fail.
 */
final class EngineRuns {

	private EngineRuns() {
	}

	/**
	 * Runs a class whose tests must all fail, and returns their failures.
	 */
	static List<Throwable> failuresOf(Class<?> testClass) {
		Events tests = run(testClass);
		assertThat(tests.succeeded().count()).as("tests of %s that passed", testClass.getSimpleName()).isZero();
		assertThat(tests.failed().count()).as("tests of %s that failed", testClass.getSimpleName()).isPositive();
		return failures(tests);
	}

	/**
	 * Returns the failures of the tests that failed.
	 */
	static List<Throwable> failures(Events tests) {
		return tests.failed()
			.stream()
			.map((event) -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
			.toList();
	}

	/**
	 * Runs a class whose only test must fail, and returns its failure.
	 */
	static Throwable failureOf(Class<?> testClass) {
		List<Throwable> failures = failuresOf(testClass);
		assertThat(failures).hasSize(1);
		return failures.get(0);
	}

	/**
	 * Runs a class whose tests must all pass.
	 */
	static void assertPasses(Class<?> testClass) {
		Events tests = run(testClass);
		List<String> failures = tests.failed().stream().map(Event::getPayload).map(String::valueOf).toList();
		assertThat(failures).as("failures of %s", testClass.getSimpleName()).isEmpty();
		assertThat(tests.succeeded().count()).isPositive();
	}

	/**
	 * Runs a class and returns the events of its tests.
	 */
	static Events run(Class<?> testClass) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
	}

}
