package dev.querybudget.autoconfigure;

import dev.querybudget.Budget;
import dev.querybudget.EnforcementMode;

import org.springframework.util.Assert;

/**
 * The budget and mode that apply to a scope, with where they came from.
 *
 * @param budget the budget
 * @param mode the enforcement mode, after {@code query-budget.mode} was applied
 * @param source where the budget came from
 * @param origin what declared it: {@code com.example.OwnerController#show} or a property
 * key such as {@code query-budget.endpoints[GET /admin/**]}
 * @author Query Budget contributors
 * @since 0.1.0
 */
public record ResolvedBudget(Budget budget, EnforcementMode mode, BudgetSource source, String origin) {

	/**
	 * Validates the fields.
	 */
	public ResolvedBudget {
		Assert.notNull(budget, "'budget' must not be null");
		Assert.notNull(mode, "'mode' must not be null");
		Assert.notNull(source, "'source' must not be null");
		Assert.notNull(origin, "'origin' must not be null");
	}

}
