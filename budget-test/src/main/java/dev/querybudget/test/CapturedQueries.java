package dev.querybudget.test;

import java.util.Objects;

import dev.querybudget.Budget;
import dev.querybudget.EnforcementMode;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Runs a block of test code in a {@link ScopeKind#TEST} scope of its own and returns what
 * it executed. The scope records without limits: the assertions judge the report, not the
 * scope.
 */
final class CapturedQueries {

	private CapturedQueries() {
	}

	static ScopeReport capture(QueryBudgetTracker tracker, String name, ThrowingCallable block) {
		Objects.requireNonNull(tracker, "'tracker' must not be null");
		Objects.requireNonNull(block, "'block' must not be null");
		ScopeReport report;
		try (QueryScope scope = tracker.open(ScopeKind.TEST, name, Budget.unlimited(), EnforcementMode.RECORD)) {
			try {
				block.call();
			}
			catch (RuntimeException | Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				throw new AssertionError("Expecting block '" + name + "' to run, but it threw " + ex, ex);
			}
			report = scope.report();
		}
		return report;
	}

}
