package dev.querybudget.autoconfigure;

import dev.querybudget.TrackerSettings;

/**
 * Customizes the settings of the auto-configured
 * {@link dev.querybudget.QueryBudgetTracker}, after the properties were applied, for what
 * properties cannot express (a fingerprinter, a listener built by hand).
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface QueryBudgetCustomizer {

	/**
	 * Customizes the settings.
	 * @param settings the settings builder
	 */
	void customize(TrackerSettings.Builder settings);

}
