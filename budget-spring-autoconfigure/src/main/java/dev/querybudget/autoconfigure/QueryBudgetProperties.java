package dev.querybudget.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.querybudget.EnforcementMode;
import dev.querybudget.TrackerSettings;
import dev.querybudget.sql.FingerprintSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of Query Budget, so that budgets, modes and the tracker's caps
 * can be set per environment without touching code.
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
@ConfigurationProperties("query-budget")
public class QueryBudgetProperties {

	/**
	 * Whether to count SQL statements and enforce query budgets.
	 */
	private boolean enabled = true;

	/**
	 * Enforcement mode forced on every budget, whatever its annotation or property says,
	 * for example 'fail' in tests and 'log' in production.
	 */
	private @Nullable EnforcementMode mode;

	/**
	 * Budget of the requests whose handler has no @QueryBudget and that match no
	 * 'endpoints' entry.
	 */
	private final BudgetProperties defaultBudget = new BudgetProperties();

	/**
	 * Budgets of requests, keyed by HTTP method and URI template or path pattern, for
	 * example 'GET /owners/{id}' or 'GET /admin/**'. The first matching entry wins.
	 */
	private final Map<String, BudgetProperties> endpoints = new LinkedHashMap<>();

	/**
	 * Budgets of @Scheduled jobs, keyed by 'ClassName#method'.
	 */
	private final Map<String, BudgetProperties> jobs = new LinkedHashMap<>();

	/**
	 * Class name prefixes, in addition to the defaults, of frames never reported as a
	 * call site, for example an in-house data access package.
	 */
	private List<String> excludedPackages = new ArrayList<>();

	/**
	 * Maximum number of distinct statement shapes analysed per scope.
	 */
	private int maxFingerprintsPerScope = TrackerSettings.DEFAULT_MAX_FINGERPRINTS_PER_SCOPE;

	/**
	 * Maximum number of distinct parameter sets tracked per statement shape.
	 */
	private int maxParameterSetsPerFingerprint = TrackerSettings.DEFAULT_MAX_PARAMETER_SETS_PER_FINGERPRINT;

	/**
	 * Duration above which a statement execution counts as slow.
	 */
	private Duration slowStatementThreshold = TrackerSettings.DEFAULT_SLOW_STATEMENT_THRESHOLD;

	private final Fingerprint fingerprint = new Fingerprint();

	private final Web web = new Web();

	private final Metrics metrics = new Metrics();

	private final Hibernate hibernate = new Hibernate();

	private final Statistics statistics = new Statistics();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable EnforcementMode getMode() {
		return this.mode;
	}

	public void setMode(@Nullable EnforcementMode mode) {
		this.mode = mode;
	}

	/**
	 * Budget of the requests whose handler has no @QueryBudget and that match no
	 * 'endpoints' entry.
	 * @return the default budget
	 */
	public BudgetProperties getDefault() {
		return this.defaultBudget;
	}

	public Map<String, BudgetProperties> getEndpoints() {
		return this.endpoints;
	}

	public Map<String, BudgetProperties> getJobs() {
		return this.jobs;
	}

	public List<String> getExcludedPackages() {
		return this.excludedPackages;
	}

	public void setExcludedPackages(List<String> excludedPackages) {
		this.excludedPackages = excludedPackages;
	}

	public int getMaxFingerprintsPerScope() {
		return this.maxFingerprintsPerScope;
	}

	public void setMaxFingerprintsPerScope(int maxFingerprintsPerScope) {
		this.maxFingerprintsPerScope = maxFingerprintsPerScope;
	}

	public int getMaxParameterSetsPerFingerprint() {
		return this.maxParameterSetsPerFingerprint;
	}

	public void setMaxParameterSetsPerFingerprint(int maxParameterSetsPerFingerprint) {
		this.maxParameterSetsPerFingerprint = maxParameterSetsPerFingerprint;
	}

	public Duration getSlowStatementThreshold() {
		return this.slowStatementThreshold;
	}

	public void setSlowStatementThreshold(Duration slowStatementThreshold) {
		this.slowStatementThreshold = slowStatementThreshold;
	}

	public Fingerprint getFingerprint() {
		return this.fingerprint;
	}

	public Web getWeb() {
		return this.web;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Hibernate getHibernate() {
		return this.hibernate;
	}

	public Statistics getStatistics() {
		return this.statistics;
	}

	/**
	 * One budget as properties; unset limits are unlimited.
	 *
	 * @since 0.1.0
	 */
	public static class BudgetProperties {

		/**
		 * Maximum number of statements (JDBC round trips).
		 */
		private @Nullable Integer max;

		/**
		 * Number of statements above which the verdict is CRITICAL rather than OVER.
		 */
		private @Nullable Integer critical;

		/**
		 * Maximum number of SELECT statements.
		 */
		private @Nullable Integer maxSelects;

		/**
		 * Maximum number of INSERT statements.
		 */
		private @Nullable Integer maxInserts;

		/**
		 * Maximum number of UPDATE statements.
		 */
		private @Nullable Integer maxUpdates;

		/**
		 * Maximum number of DELETE statements.
		 */
		private @Nullable Integer maxDeletes;

		/**
		 * Maximum number of exact duplicates (same SQL, same parameters).
		 */
		private @Nullable Integer maxDuplicates;

		/**
		 * Number of distinct parameter sets of one statement shape from which it is an
		 * N+1 violation; at least 2.
		 */
		private @Nullable Integer nPlusOneThreshold;

		/**
		 * Maximum time spent in JDBC calls.
		 */
		private @Nullable Duration maxDbTime;

		/**
		 * What to do when the budget is broken; 'log' when unset.
		 */
		private @Nullable EnforcementMode mode;

		public @Nullable Integer getMax() {
			return this.max;
		}

		public void setMax(@Nullable Integer max) {
			this.max = max;
		}

		public @Nullable Integer getCritical() {
			return this.critical;
		}

		public void setCritical(@Nullable Integer critical) {
			this.critical = critical;
		}

		public @Nullable Integer getMaxSelects() {
			return this.maxSelects;
		}

		public void setMaxSelects(@Nullable Integer maxSelects) {
			this.maxSelects = maxSelects;
		}

		public @Nullable Integer getMaxInserts() {
			return this.maxInserts;
		}

		public void setMaxInserts(@Nullable Integer maxInserts) {
			this.maxInserts = maxInserts;
		}

		public @Nullable Integer getMaxUpdates() {
			return this.maxUpdates;
		}

		public void setMaxUpdates(@Nullable Integer maxUpdates) {
			this.maxUpdates = maxUpdates;
		}

		public @Nullable Integer getMaxDeletes() {
			return this.maxDeletes;
		}

		public void setMaxDeletes(@Nullable Integer maxDeletes) {
			this.maxDeletes = maxDeletes;
		}

		public @Nullable Integer getMaxDuplicates() {
			return this.maxDuplicates;
		}

		public void setMaxDuplicates(@Nullable Integer maxDuplicates) {
			this.maxDuplicates = maxDuplicates;
		}

		public @Nullable Integer getNPlusOneThreshold() {
			return this.nPlusOneThreshold;
		}

		public void setNPlusOneThreshold(@Nullable Integer nPlusOneThreshold) {
			this.nPlusOneThreshold = nPlusOneThreshold;
		}

		public @Nullable Duration getMaxDbTime() {
			return this.maxDbTime;
		}

		public void setMaxDbTime(@Nullable Duration maxDbTime) {
			this.maxDbTime = maxDbTime;
		}

		public @Nullable EnforcementMode getMode() {
			return this.mode;
		}

		public void setMode(@Nullable EnforcementMode mode) {
			this.mode = mode;
		}

	}

	/**
	 * Fingerprinting properties: the bounds of the work and memory spent on one statement
	 * and of the fingerprint cache.
	 *
	 * @since 0.1.0
	 */
	public static class Fingerprint {

		/**
		 * Number of leading characters of a statement that are fingerprinted; a longer
		 * statement is fingerprinted on this prefix and its length, and a scope keeps at
		 * most this many characters of it.
		 */
		private int maxSqlLength = FingerprintSettings.DEFAULT_MAX_SQL_LENGTH;

		/**
		 * Number of fingerprints cached per SQL dialect; 0 disables the cache.
		 */
		private int cacheCapacity = FingerprintSettings.DEFAULT_CACHE_CAPACITY;

		/**
		 * Length in characters above which a statement is not cached.
		 */
		private int maxCachedSqlLength = FingerprintSettings.DEFAULT_MAX_CACHED_SQL_LENGTH;

		public int getMaxSqlLength() {
			return this.maxSqlLength;
		}

		public void setMaxSqlLength(int maxSqlLength) {
			this.maxSqlLength = maxSqlLength;
		}

		public int getCacheCapacity() {
			return this.cacheCapacity;
		}

		public void setCacheCapacity(int cacheCapacity) {
			this.cacheCapacity = cacheCapacity;
		}

		public int getMaxCachedSqlLength() {
			return this.maxCachedSqlLength;
		}

		public void setMaxCachedSqlLength(int maxCachedSqlLength) {
			this.maxCachedSqlLength = maxCachedSqlLength;
		}

		FingerprintSettings toSettings() {
			return new FingerprintSettings(this.maxSqlLength, this.cacheCapacity, this.maxCachedSqlLength);
		}

	}

	/**
	 * Servlet web properties.
	 *
	 * @since 0.1.0
	 */
	public static class Web {

		/**
		 * Order of the servlet filter that opens request scopes; early, so that
		 * statements of later filters such as security count for the request.
		 */
		private int filterOrder = org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10;

		public int getFilterOrder() {
			return this.filterOrder;
		}

		public void setFilterOrder(int filterOrder) {
			this.filterOrder = filterOrder;
		}

	}

	/**
	 * Hibernate integration properties.
	 *
	 * @since 0.1.0
	 */
	public static class Hibernate {

		/**
		 * Whether to attribute the statements Hibernate runs to the association, entity
		 * load or flush that caused them, so that reports name an N+1 and its fix.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Micrometer meter properties.
	 *
	 * @since 0.1.0
	 */
	public static class Metrics {

		/**
		 * Whether to record every closed scope in the Query Budget meters. Off, scopes
		 * are still counted, judged, logged and enforced, and the meters cost nothing.
		 */
		private boolean enabled = true;

		/**
		 * Whether to publish a percentile histogram of the statements per scope, so that
		 * percentiles aggregate across instances (histogram_quantile in Prometheus).
		 */
		private boolean histogram = true;

		/**
		 * Whether to publish a percentile histogram of the database time per scope.
		 * Without it, the database time histogram has the buckets of db-time-buckets, the
		 * budget's max-db-time and the maximum expected database time.
		 */
		private boolean dbTimeHistogram;

		/**
		 * Buckets of the database time histogram, with or without its percentile
		 * histogram; each must be positive. The default is the Prometheus client
		 * libraries' default buckets.
		 */
		private List<Duration> dbTimeBuckets = List.of(Duration.ofMillis(5), Duration.ofMillis(10),
				Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
				Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5));

		/**
		 * Largest statement count per scope that the statements histogram resolves;
		 * larger counts fall in its last bucket. Bounds the bucket count.
		 */
		private int maximumExpectedStatements = 1000;

		/**
		 * Largest database time per scope that the database time histogram resolves.
		 */
		private Duration maximumExpectedDbTime = Duration.ofSeconds(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isHistogram() {
			return this.histogram;
		}

		public void setHistogram(boolean histogram) {
			this.histogram = histogram;
		}

		public boolean isDbTimeHistogram() {
			return this.dbTimeHistogram;
		}

		public void setDbTimeHistogram(boolean dbTimeHistogram) {
			this.dbTimeHistogram = dbTimeHistogram;
		}

		public List<Duration> getDbTimeBuckets() {
			return this.dbTimeBuckets;
		}

		public void setDbTimeBuckets(List<Duration> dbTimeBuckets) {
			dbTimeBuckets.forEach((bucket) -> positive("dbTimeBuckets", bucket));
			this.dbTimeBuckets = List.copyOf(dbTimeBuckets);
		}

		public int getMaximumExpectedStatements() {
			return this.maximumExpectedStatements;
		}

		public void setMaximumExpectedStatements(int maximumExpectedStatements) {
			if (maximumExpectedStatements < 1) {
				throw new IllegalArgumentException(
						"'maximumExpectedStatements' must be at least 1, but was " + maximumExpectedStatements);
			}
			this.maximumExpectedStatements = maximumExpectedStatements;
		}

		public Duration getMaximumExpectedDbTime() {
			return this.maximumExpectedDbTime;
		}

		public void setMaximumExpectedDbTime(Duration maximumExpectedDbTime) {
			this.maximumExpectedDbTime = positive("maximumExpectedDbTime", maximumExpectedDbTime);
		}

		private static Duration positive(String name, Duration duration) {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("'" + name + "' must be positive, but was " + duration);
			}
			return duration;
		}

	}

	/**
	 * Bounds of the statistics of closed scopes that the {@code querybudget} actuator
	 * endpoint shows, and so of the memory they keep.
	 *
	 * @since 0.1.0
	 */
	public static class Statistics {

		/**
		 * Maximum number of scopes (kind and name) whose figures are kept; closes of
		 * further scopes are counted as untracked.
		 */
		private int maxScopes = 500;

		/**
		 * Number of most recent budget breaches kept.
		 */
		private int maxBreaches = 20;

		/**
		 * Maximum number of scope and statement shape pairs kept in each of the N+1 and
		 * the duplicate lists.
		 */
		private int maxShapes = 200;

		public int getMaxScopes() {
			return this.maxScopes;
		}

		public void setMaxScopes(int maxScopes) {
			this.maxScopes = notNegative("maxScopes", maxScopes);
		}

		public int getMaxBreaches() {
			return this.maxBreaches;
		}

		public void setMaxBreaches(int maxBreaches) {
			this.maxBreaches = notNegative("maxBreaches", maxBreaches);
		}

		public int getMaxShapes() {
			return this.maxShapes;
		}

		public void setMaxShapes(int maxShapes) {
			this.maxShapes = notNegative("maxShapes", maxShapes);
		}

		private static int notNegative(String name, int value) {
			if (value < 0) {
				throw new IllegalArgumentException("'" + name + "' must not be negative, but was " + value);
			}
			return value;
		}

	}

}
