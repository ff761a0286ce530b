package dev.querybudget.autoconfigure.web;

import dev.querybudget.EnforcementMode;
import dev.querybudget.autoconfigure.ResolvedBudget;
import org.jspecify.annotations.Nullable;

/**
 * The name and budget a request scope was given, with the handler they came from: built
 * once per handler method, URI template and HTTP method, and reused by their requests.
 *
 * @param httpMethod the request's HTTP method
 * @param template the handler's URI template, if any
 * @param name the scope name, such as {@code GET /owners/{id}}
 * @param resolved the budget and where it came from
 * @param handler the handler, such as {@code OwnerController#owner}
 * @param engineMode the mode the engine enforces: the filter logs breaches itself, naming
 * the handler, so the engine only records in {@code LOG} mode
 * @author Query Budget contributors
 */
record AppliedBudget(String httpMethod, @Nullable String template, String name, ResolvedBudget resolved, String handler,
		EnforcementMode engineMode) {

	static AppliedBudget of(String httpMethod, @Nullable String template, ResolvedBudget resolved, String handler) {
		String name = httpMethod + " " + ((template != null) ? template : "(no URI template)");
		EnforcementMode engineMode = (resolved.mode() == EnforcementMode.LOG) ? EnforcementMode.RECORD
				: resolved.mode();
		return new AppliedBudget(httpMethod, template, name, resolved, handler, engineMode);
	}

	boolean appliesTo(String httpMethod, @Nullable String template, ResolvedBudget resolved) {
		return this.resolved == resolved && this.httpMethod.equals(httpMethod)
				&& ((template != null) ? template.equals(this.template) : this.template == null);
	}

}
