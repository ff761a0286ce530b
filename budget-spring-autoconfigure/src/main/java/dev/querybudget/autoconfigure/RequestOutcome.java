package dev.querybudget.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What a request scope's listeners cannot read from its
 * {@link dev.querybudget.ScopeReport}: the HTTP method, URI template and status of the
 * request being closed, so that metrics can be tagged by them.
 *
 * @param httpMethod the request's HTTP method, as sent
 * @param uriTemplate the handler's URI template, such as {@code /owners/{id}}, or
 * {@code null} when no handler mapping matched
 * @param status the HTTP status the client gets, {@code 0} when unknown
 * @author Query Budget contributors
 * @since 0.1.0
 */
public record RequestOutcome(String httpMethod, @Nullable String uriTemplate, int status) {

	/**
	 * Validates the fields.
	 */
	public RequestOutcome {
		Assert.notNull(httpMethod, "'httpMethod' must not be null");
	}

}
