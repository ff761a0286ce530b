package dev.querybudget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.querybudget.sql.SqlFingerprinter;

/**
 * The limits and collaborators of a {@link QueryBudgetTracker}, so that the cost of
 * tracking stays bounded whatever the application does.
 *
 * @param excludedPackages class name prefixes of frames that are never reported as a call
 * site (frameworks, drivers, pools)
 * @param maxFingerprintsPerScope how many distinct statement shapes a scope analyses;
 * statements of further shapes are counted, not analysed, and reported as overflow
 * @param maxParameterSetsPerFingerprint how many distinct parameter sets are tracked per
 * shape; beyond it executions are still counted and the distinct count is a lower bound
 * @param slowStatementThreshold executions taking longer are counted as slow
 * @param fingerprinter the fingerprinter that gives statements their shape
 * @param listeners notified when a scope closes
 * @since 0.1.0
 */
public record TrackerSettings(List<String> excludedPackages, int maxFingerprintsPerScope,
		int maxParameterSetsPerFingerprint, Duration slowStatementThreshold, SqlFingerprinter fingerprinter,
		List<BudgetViolationListener> listeners) {

	/**
	 * Frames of these packages are never call sites: the JDK, Jakarta EE, Hibernate,
	 * Spring, pools, drivers, datasource-proxy and this library's adapter and internals.
	 */
	public static final List<String> DEFAULT_EXCLUDED_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
			"jakarta.", "net.ttddyy.", "org.hibernate.", "org.springframework.", "com.zaxxer.", "org.h2.",
			"org.postgresql.", "org.mariadb.", "com.mysql.", "org.apache.tomcat.", "dev.querybudget.jdbc.",
			"dev.querybudget.hibernate.internal.", "dev.querybudget.internal.");

	/**
	 * Default of {@link #maxFingerprintsPerScope()}.
	 */
	public static final int DEFAULT_MAX_FINGERPRINTS_PER_SCOPE = 256;

	/**
	 * Default of {@link #maxParameterSetsPerFingerprint()}.
	 */
	public static final int DEFAULT_MAX_PARAMETER_SETS_PER_FINGERPRINT = 256;

	/**
	 * Default of {@link #slowStatementThreshold()}.
	 */
	public static final Duration DEFAULT_SLOW_STATEMENT_THRESHOLD = Duration.ofMillis(100);

	/**
	 * Validates the settings.
	 */
	public TrackerSettings {
		excludedPackages = List.copyOf(Objects.requireNonNull(excludedPackages, "'excludedPackages' must not be null"));
		if (maxFingerprintsPerScope < 1) {
			throw new IllegalArgumentException(
					"'maxFingerprintsPerScope' must be at least 1, but was " + maxFingerprintsPerScope);
		}
		if (maxParameterSetsPerFingerprint < 1) {
			throw new IllegalArgumentException(
					"'maxParameterSetsPerFingerprint' must be at least 1, but was " + maxParameterSetsPerFingerprint);
		}
		Objects.requireNonNull(slowStatementThreshold, "'slowStatementThreshold' must not be null");
		if (slowStatementThreshold.isNegative()) {
			throw new IllegalArgumentException(
					"'slowStatementThreshold' must not be negative, but was " + slowStatementThreshold);
		}
		Objects.requireNonNull(fingerprinter, "'fingerprinter' must not be null");
		listeners = List.copyOf(Objects.requireNonNull(listeners, "'listeners' must not be null"));
	}

	/**
	 * Returns the default settings: default excluded packages and caps, a 100 ms slow
	 * threshold, a default fingerprinter and no listener.
	 * @return the default settings
	 */
	public static TrackerSettings ofDefaults() {
		return builder().build();
	}

	/**
	 * Returns a builder that starts from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds {@link TrackerSettings}, starting from the defaults.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final List<String> excludedPackages = new ArrayList<>(DEFAULT_EXCLUDED_PACKAGES);

		private int maxFingerprintsPerScope = DEFAULT_MAX_FINGERPRINTS_PER_SCOPE;

		private int maxParameterSetsPerFingerprint = DEFAULT_MAX_PARAMETER_SETS_PER_FINGERPRINT;

		private Duration slowStatementThreshold = DEFAULT_SLOW_STATEMENT_THRESHOLD;

		private SqlFingerprinter fingerprinter;

		private final List<BudgetViolationListener> listeners = new ArrayList<>();

		private Builder() {
			this.fingerprinter = SqlFingerprinter.create();
		}

		/**
		 * Adds class name prefixes to the excluded packages, for example the packages of
		 * an in-house data access framework.
		 * @param prefixes class name prefixes such as {@code "com.example.dao."}
		 * @return this builder
		 */
		public Builder addExcludedPackages(String... prefixes) {
			for (String prefix : prefixes) {
				this.excludedPackages.add(Objects.requireNonNull(prefix, "'prefixes' must not contain null"));
			}
			return this;
		}

		/**
		 * Replaces the excluded packages, defaults included.
		 * @param prefixes class name prefixes
		 * @return this builder
		 */
		public Builder excludedPackages(List<String> prefixes) {
			this.excludedPackages.clear();
			this.excludedPackages.addAll(prefixes);
			return this;
		}

		/**
		 * Sets how many distinct statement shapes a scope analyses.
		 * @param maxFingerprintsPerScope the cap, at least 1
		 * @return this builder
		 */
		public Builder maxFingerprintsPerScope(int maxFingerprintsPerScope) {
			this.maxFingerprintsPerScope = maxFingerprintsPerScope;
			return this;
		}

		/**
		 * Sets how many distinct parameter sets are tracked per shape.
		 * @param maxParameterSetsPerFingerprint the cap, at least 1
		 * @return this builder
		 */
		public Builder maxParameterSetsPerFingerprint(int maxParameterSetsPerFingerprint) {
			this.maxParameterSetsPerFingerprint = maxParameterSetsPerFingerprint;
			return this;
		}

		/**
		 * Sets the duration above which an execution is slow.
		 * @param slowStatementThreshold the threshold
		 * @return this builder
		 */
		public Builder slowStatementThreshold(Duration slowStatementThreshold) {
			this.slowStatementThreshold = slowStatementThreshold;
			return this;
		}

		/**
		 * Sets the fingerprinter.
		 * @param fingerprinter the fingerprinter
		 * @return this builder
		 */
		public Builder fingerprinter(SqlFingerprinter fingerprinter) {
			this.fingerprinter = fingerprinter;
			return this;
		}

		/**
		 * Adds a listener notified when a scope closes.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder addListener(BudgetViolationListener listener) {
			this.listeners.add(Objects.requireNonNull(listener, "'listener' must not be null"));
			return this;
		}

		/**
		 * Builds the settings.
		 * @return the settings
		 */
		public TrackerSettings build() {
			return new TrackerSettings(this.excludedPackages, this.maxFingerprintsPerScope,
					this.maxParameterSetsPerFingerprint, this.slowStatementThreshold, this.fingerprinter,
					this.listeners);
		}

	}

}
