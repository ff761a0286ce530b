package dev.querybudget.benchmarks;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import dev.querybudget.Budget;
import dev.querybudget.BudgetViolationListener;
import dev.querybudget.EnforcementMode;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.TrackerSettings;
import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.sql.FingerprintSettings;
import dev.querybudget.sql.SqlDialect;
import dev.querybudget.sql.SqlFingerprinter;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import org.openjdk.jol.info.GraphLayout;

/**
 * Prints the heap that Query Budget retains, measured with JOL as the bytes of an object
 * graph: an idle tracker, the fingerprint cache empty and full, open scopes from a
 * typical request to one at its caps, and the {@code querybudget} endpoint's statistics.
 * These are the figures of the "Memory" section of {@code docs/performance.md}.
 * Statements go through the datasource-proxy listener, as in an application.
 * <p>
 * {@code java -Djdk.attach.allowAttachSelf=true -cp budget-benchmarks/target/benchmarks.jar dev.querybudget.benchmarks.MemoryReport}
 */
public final class MemoryReport {

	private static final Method SET_LONG = setLong();

	private MemoryReport() {
	}

	public static void main(String[] args) throws ReflectiveOperationException {
		System.out.println("| What | Retained |");
		System.out.println("|---|---:|");
		printTracker();
		printCaches();
		printScopes();
		printStatistics();
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
		Job typical = new Job(defaults);
		row("open scope, empty", typical.retained());
		typical.run(20, 5, 4);
		row("open scope, typical request: 20 statements in 5 shapes, with call sites", typical.retained());
		// excluding the caller's package leaves no frame to report: no call site
		Job withoutSites = new Job(
				TrackerSettings.builder().addExcludedPackages("dev.querybudget.benchmarks.").build());
		withoutSites.run(20, 5, 4);
		row("open scope, typical request: 20 statements in 5 shapes, without call sites", withoutSites.retained());
		int shapes = defaults.maxFingerprintsPerScope();
		Job atShapeCap = new Job(defaults);
		atShapeCap.run(shapes * 4, shapes * 2, 1);
		row("open scope at maxFingerprintsPerScope (256 shapes of about 130 characters; 256 more overflowed)",
				atShapeCap.retained());
		int sets = defaults.maxParameterSetsPerFingerprint();
		Job atBothCaps = new Job(defaults);
		atBothCaps.run(shapes * sets, shapes, sets);
		row("open scope at both caps (256 shapes × 256 parameter sets, 65,536 statements)", atBothCaps.retained());
		Job longStatements = new Job(defaults);
		longStatements.runLong(shapes, FingerprintSettings.ofDefaults().maxSqlLength());
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
							execute(listener, statement(e, 130), i);
						}
						execute(listener, statement(e + 1_000_000, 130), 0);
						execute(listener, statement(e + 1_000_000, 130), 0);
					}
				}
			}
			row("endpoint statistics, " + endpoints + " endpoints (each with an N+1 and a duplicate)",
					size(statistics));
		}
	}

	/**
	 * Builds the endpoint's statistics as {@code QueryBudgetEndpointAutoConfiguration}
	 * does: the class is package-private, so through reflection.
	 */
	private static BudgetViolationListener scopeStatistics() throws ReflectiveOperationException {
		Class<?> type = Class.forName("dev.querybudget.autoconfigure.actuate.ScopeStatistics");
		Constructor<?> constructor = type.getDeclaredConstructor(Clock.class);
		constructor.setAccessible(true);
		return (BudgetViolationListener) constructor.newInstance(Clock.systemUTC());
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

	private static void execute(QueryBudgetExecutionListener listener, String sql, long parameter) {
		ExecutionInfo execution = new ExecutionInfo();
		execution.setSuccess(true);
		execution.setResult(1);
		QueryInfo query = new QueryInfo(sql);
		query.setParametersList(List.of(List.of(new ParameterSetOperation(SET_LONG, new Object[] { 1, parameter }))));
		List<QueryInfo> queries = List.of(query);
		listener.beforeQuery(execution, queries);
		listener.afterQuery(execution, queries);
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

	private static Method setLong() {
		try {
			return PreparedStatement.class.getMethod("setLong", int.class, long.class);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A detached scope of a job that runs statements through the listener on this thread,
	 * so that its graph holds no thread.
	 */
	private static final class Job {

		private final QueryBudgetTracker tracker;

		private final QueryBudgetExecutionListener listener;

		private final QueryScope scope;

		Job(TrackerSettings settings) {
			this.tracker = QueryBudgetTracker.create(settings);
			this.listener = new QueryBudgetExecutionListener(this.tracker, SqlDialect.POSTGRESQL);
			this.scope = this.tracker.openDetached(ScopeKind.JOB, "job", Budget.unlimited(), EnforcementMode.RECORD);
		}

		/**
		 * Runs statements of {@code shapes} shapes in turn, each with one of {@code sets}
		 * parameter sets.
		 */
		void run(int statements, int shapes, int sets) {
			try (QueryScope.Attachment attachment = this.scope.attach()) {
				for (int i = 0; i < statements; i++) {
					execute(this.listener, statement(i % shapes, 130), (i / shapes) % sets);
				}
			}
		}

		void runLong(int shapes, int length) {
			try (QueryScope.Attachment attachment = this.scope.attach()) {
				for (int i = 0; i < shapes; i++) {
					execute(this.listener, statement(i, length + 100), 0);
				}
			}
		}

		/**
		 * Returns the bytes reachable from the scope but not from the tracker: what the
		 * scope adds to the heap while it is open.
		 */
		long retained() {
			return size(this.scope) - size(this.tracker);
		}

	}

}
