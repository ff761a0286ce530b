package dev.querybudget.autoconfigure.actuate;

import java.util.List;

/**
 * Finds the scopes an application declares, so that the endpoint lists them before they
 * first run.
 *
 * @author Query Budget contributors
 */
@FunctionalInterface
interface ScopeCatalog {

	/**
	 * Returns the declared scopes.
	 * @return the scopes
	 */
	List<KnownScope> scopes();

}
