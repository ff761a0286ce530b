package dev.querybudget.autoconfigure.metrics;

import io.micrometer.common.docs.KeyName;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.docs.MeterDocumentation;
import org.jspecify.annotations.Nullable;

/**
 * Every meter Query Budget registers, with its name, type, base unit and tags, so that
 * dashboards, alerts and {@code MeterFilter}s can name them without guessing. Tag values
 * are bounded: URI templates, never raw paths; never SQL.
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
public enum QueryBudgetMeters implements MeterDocumentation {

	/**
	 * Statements (JDBC round trips) per closed scope; its count is the number of closed
	 * scopes. Publishes a percentile histogram (unless
	 * {@code query-budget.metrics.histogram} is {@code false}) whose buckets include the
	 * scope's budget maximum and critical level.
	 */
	STATEMENTS("query.budget.scope.statements", Meter.Type.DISTRIBUTION_SUMMARY, "statements", Tag.SCOPE_TAGS),

	/**
	 * Exact duplicates (same SQL, same parameters) of the closed scopes. Divided by the
	 * count of {@link #STATEMENTS}, the mean per scope.
	 */
	DUPLICATES("query.budget.duplicates", Meter.Type.COUNTER, "statements", Tag.SCOPE_TAGS),

	/**
	 * N+1 patterns (statement shapes run with at least the N+1 threshold of distinct
	 * parameter sets) of the closed scopes. Divided by the count of {@link #STATEMENTS},
	 * the mean per scope.
	 */
	N_PLUS_ONE("query.budget.n.plus.one", Meter.Type.COUNTER, "shapes", Tag.SCOPE_TAGS),

	/**
	 * Database time per closed scope, measured around the JDBC calls. Its percentile
	 * histogram is published only when {@code query-budget.metrics.db-time-histogram} is
	 * set; a budget's {@code max-db-time} is a bucket either way.
	 */
	DB_TIME("query.budget.scope.db.time", Meter.Type.TIMER, null, Tag.SCOPE_TAGS),

	/**
	 * Statement executions slower than {@code query-budget.slow-statement-threshold}.
	 */
	SLOW_STATEMENTS("query.budget.slow.statements", Meter.Type.COUNTER, "statements", Tag.SCOPE_TAGS),

	/**
	 * Broken budget rules, tagged by rule and level: a scope that breaks two rules counts
	 * twice.
	 */
	VIOLATIONS("query.budget.violations", Meter.Type.COUNTER, null, Tag.VIOLATION_TAGS),

	/**
	 * Statement limits of the budgets of the scopes seen so far: the maximum and, when
	 * set, the critical level.
	 */
	LIMIT("query.budget.scope.limit", Meter.Type.GAUGE, "statements", Tag.LIMIT_TAGS),

	/**
	 * Internal errors the library met and survived: the engine failing while recording a
	 * statement, a listener failing, a scope abandoned because it was never closed. Each
	 * is logged once at WARNING, so this counter is where the repeats show.
	 */
	INTERNAL_ERRORS("query.budget.internal.errors", Meter.Type.COUNTER, "errors", new KeyName[0]);

	private final String name;

	private final Meter.Type type;

	private final @Nullable String baseUnit;

	private final KeyName[] keyNames;

	QueryBudgetMeters(String name, Meter.Type type, @Nullable String baseUnit, KeyName[] keyNames) {
		this.name = name;
		this.type = type;
		this.baseUnit = baseUnit;
		this.keyNames = keyNames;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public Meter.Type getType() {
		return this.type;
	}

	@Override
	public @Nullable String getBaseUnit() {
		return this.baseUnit;
	}

	@Override
	public KeyName[] getKeyNames() {
		return this.keyNames.clone();
	}

	/**
	 * The tags of the Query Budget meters.
	 *
	 * @since 0.1.0
	 */
	public enum Tag implements KeyName {

		/**
		 * Scope kind: {@code request}, {@code job}, {@code method}, {@code test} or
		 * {@code custom}.
		 */
		KIND("kind"),

		/**
		 * Scope name: {@code GET /owners/{id}} for requests, {@code ClassName#method} for
		 * jobs and methods.
		 */
		SCOPE("scope"),

		/**
		 * HTTP method of a request ({@code UNKNOWN} for non-standard methods),
		 * {@code NONE} for other scopes.
		 */
		METHOD("method"),

		/**
		 * URI template of a request; {@code NOT_FOUND}, {@code REDIRECTION} or
		 * {@code UNKNOWN} when no handler mapping matched; {@code NONE} for other scopes.
		 */
		URI("uri"),

		/**
		 * HTTP status of a request, {@code NONE} for other scopes.
		 */
		STATUS("status"),

		/**
		 * Outcome of a request ({@code SUCCESS}, {@code CLIENT_ERROR},
		 * {@code SERVER_ERROR}, ...), {@code NONE} for other scopes.
		 */
		OUTCOME("outcome"),

		/**
		 * Violation level: {@code over} or {@code critical}; on the limit gauge,
		 * {@code max} or {@code critical}.
		 */
		LEVEL("level"),

		/**
		 * Broken rule: {@code statements}, {@code selects}, {@code inserts},
		 * {@code updates}, {@code deletes}, {@code duplicates}, {@code n_plus_one} or
		 * {@code db_time}.
		 */
		RULE("rule");

		static final KeyName[] SCOPE_TAGS = { KIND, SCOPE, METHOD, URI, STATUS, OUTCOME };

		static final KeyName[] VIOLATION_TAGS = { KIND, SCOPE, METHOD, URI, STATUS, OUTCOME, LEVEL, RULE };

		static final KeyName[] LIMIT_TAGS = { KIND, SCOPE, METHOD, URI, LEVEL };

		private final String key;

		Tag(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

}
