package dev.querybudget.autoconfigure.metrics;

import java.util.Locale;

import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.autoconfigure.RequestOutcome;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

/**
 * The bounded tag values of one closed scope: a request is tagged by its URI template,
 * normalised HTTP method and status, never by its raw path or method.
 *
 * @param kind the scope kind, lower case
 * @param scope the scope name
 * @param method the HTTP method
 * @param uri the URI template
 * @param status the HTTP status
 * @param outcome the outcome of the status
 * @author Query Budget contributors
 */
record ScopeTags(String kind, String scope, String method, String uri, String status, String outcome) {

	static final String NONE = "NONE";

	static final String UNKNOWN = "UNKNOWN";

	private static final String[] KINDS = kinds();

	private static final String[] STATUSES = statuses();

	static ScopeTags of(ScopeReport report, @Nullable RequestOutcome request) {
		String kind = KINDS[report.kind().ordinal()];
		if (report.kind() != ScopeKind.REQUEST) {
			return new ScopeTags(kind, report.name(), NONE, NONE, NONE, NONE);
		}
		if (request == null) {
			// A request scope closed by other code than the filter: nothing bounded to
			// tag
			return new ScopeTags(kind, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN);
		}
		String method = method(request.httpMethod());
		String uri = uri(request.uriTemplate(), request.status());
		String status = (request.status() >= 100 && request.status() < 600) ? STATUSES[request.status() - 100]
				: UNKNOWN;
		return new ScopeTags(kind, scope(report.name(), method, uri), method, uri, status, outcome(request.status()));
	}

	/**
	 * The scope of a handled request is already named "METHOD template": its name is
	 * reused rather than built again for every request.
	 */
	private static String scope(String name, String method, String uri) {
		if (name.length() == method.length() + 1 + uri.length() && name.startsWith(method)
				&& name.charAt(method.length()) == ' ' && name.endsWith(uri)) {
			return name;
		}
		return method + " " + uri;
	}

	/**
	 * The standard method as a constant, so that the tags of one endpoint compare their
	 * strings by identity.
	 */
	private static String method(String method) {
		return switch (method) {
			case "GET" -> "GET";
			case "HEAD" -> "HEAD";
			case "POST" -> "POST";
			case "PUT" -> "PUT";
			case "PATCH" -> "PATCH";
			case "DELETE" -> "DELETE";
			case "OPTIONS" -> "OPTIONS";
			case "TRACE" -> "TRACE";
			default -> UNKNOWN;
		};
	}

	private static String uri(@Nullable String template, int status) {
		if (template != null) {
			return template.isEmpty() ? "root" : template;
		}
		if (status == 404) {
			return "NOT_FOUND";
		}
		return (status >= 300 && status < 400) ? "REDIRECTION" : UNKNOWN;
	}

	private static String outcome(int status) {
		return switch (status / 100) {
			case 1 -> "INFORMATIONAL";
			case 2 -> "SUCCESS";
			case 3 -> "REDIRECTION";
			case 4 -> "CLIENT_ERROR";
			case 5 -> "SERVER_ERROR";
			default -> UNKNOWN;
		};
	}

	/**
	 * Every closed scope looks its tags up: equality and hash are written out, as those a
	 * record generates go through {@code invokedynamic} and do not inline that deep in
	 * the closing call chain. The strings of one endpoint's tags are mostly the same
	 * instances, so {@link String#equals} settles them by identity.
	 */
	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof ScopeTags that && this.scope.equals(that.scope)
				&& this.status.equals(that.status) && this.uri.equals(that.uri) && this.method.equals(that.method)
				&& this.kind.equals(that.kind) && this.outcome.equals(that.outcome));
	}

	@Override
	public int hashCode() {
		int hash = this.kind.hashCode();
		hash = 31 * hash + this.scope.hashCode();
		hash = 31 * hash + this.method.hashCode();
		hash = 31 * hash + this.uri.hashCode();
		hash = 31 * hash + this.status.hashCode();
		return 31 * hash + this.outcome.hashCode();
	}

	Tags tags() {
		return Tags.of(QueryBudgetMeters.Tag.KIND.asString(), this.kind, QueryBudgetMeters.Tag.SCOPE.asString(),
				this.scope, QueryBudgetMeters.Tag.METHOD.asString(), this.method, QueryBudgetMeters.Tag.URI.asString(),
				this.uri, QueryBudgetMeters.Tag.STATUS.asString(), this.status,
				QueryBudgetMeters.Tag.OUTCOME.asString(), this.outcome);
	}

	Tags limitTags() {
		return Tags.of(QueryBudgetMeters.Tag.KIND.asString(), this.kind, QueryBudgetMeters.Tag.SCOPE.asString(),
				this.scope, QueryBudgetMeters.Tag.METHOD.asString(), this.method, QueryBudgetMeters.Tag.URI.asString(),
				this.uri);
	}

	/**
	 * The limit gauges do not depend on the status.
	 */
	ScopeTags withoutStatus() {
		return new ScopeTags(this.kind, this.scope, this.method, this.uri, NONE, NONE);
	}

	private static String[] statuses() {
		String[] statuses = new String[500];
		for (int i = 0; i < statuses.length; i++) {
			statuses[i] = Integer.toString(100 + i);
		}
		return statuses;
	}

	private static String[] kinds() {
		ScopeKind[] kinds = ScopeKind.values();
		String[] names = new String[kinds.length];
		for (int i = 0; i < kinds.length; i++) {
			names[i] = kinds[i].name().toLowerCase(Locale.ROOT);
		}
		return names;
	}

}
