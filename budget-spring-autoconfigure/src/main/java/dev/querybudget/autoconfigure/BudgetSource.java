package dev.querybudget.autoconfigure;

/**
 * Where the budget of a scope came from, so that a report or an endpoint can say why a
 * limit applies.
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
public enum BudgetSource {

	/**
	 * A {@link dev.querybudget.QueryBudget @QueryBudget} on the method or its class.
	 */
	ANNOTATION,

	/**
	 * A {@code query-budget.endpoints[...]} or {@code query-budget.jobs[...]} property.
	 */
	PROPERTY,

	/**
	 * The {@code query-budget.default} budget, or no budget at all.
	 */
	DEFAULT

}
