package dev.querybudget.benchmarks;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.util.Locale;

import dev.querybudget.Budget;
import dev.querybudget.BudgetViolationListener;
import dev.querybudget.EnforcementMode;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.TrackerSettings;
import dev.querybudget.autoconfigure.QueryBudgetProperties;
import dev.querybudget.autoconfigure.RequestOutcome;
import dev.querybudget.autoconfigure.RequestOutcomes;
import dev.querybudget.autoconfigure.metrics.QueryBudgetMetrics;
import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.sql.FingerprintSettings;
import dev.querybudget.sql.SqlDialect;
import dev.querybudget.sql.SqlFingerprinter;
import dev.querybudget.testing.MeasuredJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jol.info.GraphLayout;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Prints the heap that Query Budget retains, measured with JOL as the bytes of an object
 * graph: an idle tracker, the fingerprint cache empty and full, open scopes from a
 * typical request to one at its caps, the {@code querybudget} endpoint's statistics, and
 * the meters of an endpoint. These are the figures of the "Memory" section of
 * {@code docs/performance.md}. Statements go through the datasource-proxy listener, as in
 * an application.
 * <p>
 * {@code java -Djdk.attach.allowAttachSelf=true -cp budget-benchmarks/target/benchmarks.jar dev.querybudget.benchmarks.MemoryReport}
 */
public final class MemoryReport {

	private MemoryReport() {
	}

	public static void main(String[] args) throws ReflectiveOperationException {
		System.out.println("| What | Retained |");
		System.out.println("|---|---:|");
		printTracker();
		printCaches();
		printScopes();
		printStatistics();
		printMeters();
	}

	private static void printTracker() {
		row("idle tracker, default settings (fingerprint caches empty)", size(QueryBudgetTracker.create()));
	}

	private static void printCaches() {
		FingerprintSettings defaults = FingerprintSettings.ofDefaults();
		FingerprintSettings configured = new FingerprintSettings(defaults.maxSqlLength(), 512, 1024);
		long empty = size(SqlFingerprinter.create(defaults));
		row("fingerprint caches, empty", empty);
		printFullCache("default size: 2048 statements of 130 characters", defaults, 130, empty);
		printFullCache("default size: 2048 statements of 4096 characters, the longest cached", defaults,
				defaults.maxCachedSqlLength(), empty);
		printFullCache("cacheCapacity=512, maxCachedSqlLength=1024: 512 statements of 1024 characters", configured,
				configured.maxCachedSqlLength(), empty);
	}

	/**
	 * Prints what a full cache of one dialect (an application's DataSource has one)
	 * retains: the bytes per entry, measured with the cache a quarter full, times the
	 * capacity. A cache is never measured full, because its segments fill unevenly and
	 * each is cleared when full; a quarter full, none has been cleared yet, and the
	 * tables, allocated at full size on the first entry, are counted generously.
	 */
	private static void printFullCache(String what, FingerprintSettings settings, int length, long empty) {
		SqlFingerprinter fingerprinter = SqlFingerprinter.create(settings);
		int entries = settings.cacheCapacity() / 4;
		for (int i = 0; i < entries; i++) {
			fingerprinter.fingerprint(statement(i, length), SqlDialect.POSTGRESQL);
		}
		long perEntry = (size(fingerprinter) - empty) / entries;
		row("fingerprint cache, per cached statement of " + length + " characters", perEntry);
		row("fingerprint cache, full at " + what + " (computed)", empty + perEntry * settings.cacheCapacity());
	}

	private static void printScopes() {
		TrackerSettings defaults = TrackerSettings.ofDefaults();
		MeasuredJob typical = new MeasuredJob(defaults);
		row("open scope, empty", typical.retained());
		typical.run(0, 20, (i) -> statement(i % 5, 130), (i) -> (i / 5) % 4);
		row("open scope, typical request: 20 statements in 5 shapes, with call sites", typical.retained());
		// excluding the caller's package leaves no frame to report: no call site
		MeasuredJob withoutSites = new MeasuredJob(TrackerSettings.builder()
			.addExcludedPackages("dev.querybudget.benchmarks.", "dev.querybudget.testing.")
			.build());
		withoutSites.run(0, 20, (i) -> statement(i % 5, 130), (i) -> (i / 5) % 4);
		row("open scope, typical request: 20 statements in 5 shapes, without call sites", withoutSites.retained());
		int shapes = defaults.maxFingerprintsPerScope();
		MeasuredJob atShapeCap = new MeasuredJob(defaults);
		atShapeCap.run(0, shapes * 4, (i) -> statement(i % (shapes * 2), 130), (i) -> 0);
		row("open scope at maxFingerprintsPerScope (256 shapes of about 130 characters; 256 more overflowed)",
				atShapeCap.retained());
		int sets = defaults.maxParameterSetsPerFingerprint();
		MeasuredJob atBothCaps = new MeasuredJob(defaults);
		atBothCaps.run(0, shapes * sets, (i) -> statement(i % shapes, 130), (i) -> (i / shapes) % sets);
		row("open scope at both caps (256 shapes × 256 parameter sets, 65,536 statements)", atBothCaps.retained());
		int longest = FingerprintSettings.ofDefaults().maxSqlLength();
		MeasuredJob longStatements = new MeasuredJob(defaults);
		longStatements.run(0, shapes, (i) -> statement(i, longest + 100), (i) -> 0);
		row("open scope at maxFingerprintsPerScope, every statement at least maxSqlLength (65,536) characters",
				longStatements.retained());
	}

	private static void printStatistics() throws ReflectiveOperationException {
		for (int endpoints : new int[] { 10, 100, 500, 1000 }) {
			BudgetViolationListener statistics = scopeStatistics();
			QueryBudgetTracker tracker = QueryBudgetTracker
				.create(TrackerSettings.builder().addListener(statistics).build());
			QueryBudgetExecutionListener listener = new QueryBudgetExecutionListener(tracker, SqlDialect.POSTGRESQL);
			// every endpoint breaches its budget with an N+1 and a duplicate, so that
			// every
			// part of the statistics fills
			Budget budget = new Budget(5, Budget.UNLIMITED, Budget.UNLIMITED, Budget.UNLIMITED, Budget.UNLIMITED,
					Budget.UNLIMITED, 0, 3, null);
			for (int requests = 0; requests < 3; requests++) {
				for (int e = 0; e < endpoints; e++) {
					try (QueryScope scope = tracker.open(ScopeKind.REQUEST, "GET /endpoint" + e + "/{id}", budget,
							EnforcementMode.RECORD)) {
						for (int i = 0; i < 6; i++) {
							MeasuredJob.execute(listener, statement(e, 130), i);
						}
						MeasuredJob.execute(listener, statement(e + 1_000_000, 130), 0);
						MeasuredJob.execute(listener, statement(e + 1_000_000, 130), 0);
					}
				}
			}
			row("endpoint statistics, " + endpoints + " endpoints (each with an N+1 and a duplicate)",
					size(statistics));
		}
	}

	/**
	 * The Micrometer meters of the closed request scopes of 100 endpoints, one status
	 * each, on a Prometheus registry: the registry's growth per endpoint, with the
	 * default histograms, with the DB time's percentile histogram too, and with neither.
	 */
	private static void printMeters() {
		int endpoints = 100;
		printMeters(endpoints, "default histograms", new QueryBudgetProperties.Metrics());
		QueryBudgetProperties.Metrics dbTimeHistogram = new QueryBudgetProperties.Metrics();
		dbTimeHistogram.setDbTimeHistogram(true);
		printMeters(endpoints, "db-time-histogram=true", dbTimeHistogram);
		QueryBudgetProperties.Metrics noPercentiles = new QueryBudgetProperties.Metrics();
		noPercentiles.setHistogram(false);
		printMeters(endpoints, "histogram=false", noPercentiles);
	}

	private static void printMeters(int endpoints, String what, QueryBudgetProperties.Metrics properties) {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("registry", registry);
		RequestOutcomes outcomes = new RequestOutcomes();
		QueryBudgetMetrics metrics = new QueryBudgetMetrics(beans.getBeanProvider(MeterRegistry.class), outcomes,
				properties);
		QueryBudgetTracker tracker = QueryBudgetTracker.create(TrackerSettings.builder().addListener(metrics).build());
		QueryBudgetExecutionListener listener = new QueryBudgetExecutionListener(tracker, SqlDialect.POSTGRESQL);
		Object[] graph = { registry, metrics };
		long before = size(graph);
		for (int e = 0; e < endpoints; e++) {
			QueryScope scope = tracker.open(ScopeKind.REQUEST, "GET /endpoint" + e + "/{id}", Budget.ofMaxStatements(5),
					EnforcementMode.RECORD);
			MeasuredJob.execute(listener, statement(e, 130), 0);
			outcomes.closing(new RequestOutcome("GET", "/endpoint" + e + "/{id}", 200), scope::close);
		}
		row("meters on a Prometheus registry, per endpoint and status, " + what + " (" + endpoints + " endpoints)",
				(size(graph) - before) / endpoints);
	}

	/**
	 * Builds the endpoint's statistics as {@code QueryBudgetEndpointAutoConfiguration}
	 * does, with the default bounds: the class is package-private, so through reflection.
	 */
	private static BudgetViolationListener scopeStatistics() throws ReflectiveOperationException {
		Class<?> type = Class.forName("dev.querybudget.autoconfigure.actuate.ScopeStatistics");
		Constructor<?> constructor = type.getDeclaredConstructor(Clock.class, QueryBudgetProperties.Statistics.class);
		constructor.setAccessible(true);
		return (BudgetViolationListener) constructor.newInstance(Clock.systemUTC(),
				new QueryBudgetProperties.Statistics());
	}

	/**
	 * A distinct statement of the given length, or a little longer when too short for its
	 * distinct part, in the style of the corpus.
	 */
	private static String statement(int i, int length) {
		StringBuilder sql = new StringBuilder(SqlCorpus.STATEMENTS.get(i % 3)).append(" and c").append(i).append("=?");
		while (sql.length() < length) {
			sql.append(" and x=?");
		}
		// exactly as long as asked, once the distinct part is in
		sql.setLength(Math.max(length, sql.indexOf("=?", sql.indexOf(" and c")) + 2));
		return sql.toString();
	}

	private static long size(Object root) {
		return GraphLayout.parseInstance(root).totalSize();
	}

	private static void row(String what, long bytes) {
		System.out.println("| " + what + " | " + format(bytes) + " |");
	}

	private static String format(long bytes) {
		if (bytes < 10 * 1024) {
			return String.format(Locale.ROOT, "%,d B", bytes);
		}
		if (bytes < 10 * 1024 * 1024) {
			return String.format(Locale.ROOT, "%,.1f KiB", bytes / 1024.0);
		}
		return String.format(Locale.ROOT, "%,.1f MiB", bytes / (1024.0 * 1024.0));
	}

}
