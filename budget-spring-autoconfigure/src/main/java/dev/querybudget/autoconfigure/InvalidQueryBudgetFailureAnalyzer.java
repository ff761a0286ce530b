package dev.querybudget.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidQueryBudgetException} at startup: which budget, what is
 * wrong, and how to fix it.
 *
 * @author Query Budget contributors
 */
class InvalidQueryBudgetFailureAnalyzer extends AbstractFailureAnalyzer<InvalidQueryBudgetException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidQueryBudgetException cause) {
		String origin = cause.getOrigin();
		String description = "The query budget of " + origin + " is invalid: " + cause.getReason() + ".";
		String action = origin.startsWith("query-budget.")
				? "Fix the property " + origin + " (limits are -1 for none or at least 0; 'critical' is at least"
						+ " 'max'; 'n-plus-one-threshold' is at least 2), or remove it."
				: "Fix the @QueryBudget attributes on " + origin + " (limits are -1 for none or at least 0;"
						+ " 'critical' is at least 'max'; 'nPlusOneThreshold' is at least 2).";
		return new FailureAnalysis(description, action, cause);
	}

}
