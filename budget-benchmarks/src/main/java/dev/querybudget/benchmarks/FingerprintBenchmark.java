package dev.querybudget.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.querybudget.sql.FingerprintSettings;
import dev.querybudget.sql.SqlDialect;
import dev.querybudget.sql.SqlFingerprinter;
import dev.querybudget.sql.StatementFingerprint;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlQuery;
import io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlQueryAnalyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of fingerprinting one statement of {@link SqlCorpus}, cycling through the corpus:
 * our cache hit (the steady state, where datasource-proxy hands the listener the same
 * String on every execution), our cache hit on a String built anew for each execution (as
 * Hibernate builds the SQL of a query with a limit), our miss (cache disabled: the full
 * lexer pass), and OpenTelemetry's SQL sanitizer on the same statements, uncached and
 * cached.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = "-XX:+UseParallelGC")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class FingerprintBenchmark {

	private static final MethodHandle OTEL_SANITIZE = findOpenTelemetrySanitizer();

	private final List<String> corpus = SqlCorpus.STATEMENTS;

	private final List<byte[]> corpusBytes = this.corpus.stream()
		.map((sql) -> sql.getBytes(StandardCharsets.UTF_8))
		.toList();

	private final SqlFingerprinter cached = SqlFingerprinter.create();

	private final SqlFingerprinter uncached = SqlFingerprinter
		.create(new FingerprintSettings(FingerprintSettings.ofDefaults().maxSqlLength(), 0, 0));

	private final SqlQueryAnalyzer openTelemetryAnalyzer = SqlQueryAnalyzer.create(true);

	private int next;

	@Setup
	public void warmCaches() {
		for (String sql : this.corpus) {
			this.cached.fingerprint(sql, SqlDialect.POSTGRESQL);
			this.openTelemetryAnalyzer.analyze(sql, SqlDialectHolder.IDENTIFIERS);
		}
	}

	private int nextIndex() {
		int index = this.next;
		this.next = (index + 1 == this.corpus.size()) ? 0 : index + 1;
		return index;
	}

	private String nextStatement() {
		return this.corpus.get(nextIndex());
	}

	// A new String with the same text, whose hash code is not computed yet
	private String nextStatementBuiltAnew() {
		return new String(this.corpusBytes.get(nextIndex()), StandardCharsets.UTF_8);
	}

	/**
	 * Baseline: what cycling through the corpus costs on its own.
	 * @return the statement
	 */
	@Benchmark
	public String baselineNextStatement() {
		return nextStatement();
	}

	@Benchmark
	public StatementFingerprint queryBudgetCacheHit() {
		return this.cached.fingerprint(nextStatement(), SqlDialect.POSTGRESQL);
	}

	/**
	 * Baseline of the next: building the statement anew, without fingerprinting it.
	 * @return the statement
	 */
	@Benchmark
	public String baselineStatementBuiltAnew() {
		return nextStatementBuiltAnew();
	}

	/**
	 * A cache hit on a String built anew: its hash code is computed and its text compared
	 * with the cached key's.
	 * @return the fingerprint
	 */
	@Benchmark
	public StatementFingerprint queryBudgetCacheHitBuiltAnew() {
		return this.cached.fingerprint(nextStatementBuiltAnew(), SqlDialect.POSTGRESQL);
	}

	@Benchmark
	public StatementFingerprint queryBudgetMiss() {
		return this.uncached.fingerprint(nextStatement(), SqlDialect.POSTGRESQL);
	}

	/**
	 * The miss path when the normalised text is also rendered (what a reported shape
	 * costs once).
	 * @return the normalised text
	 */
	@Benchmark
	public String queryBudgetMissWithText() {
		return this.uncached.fingerprint(nextStatement(), SqlDialect.POSTGRESQL).normalizedSql();
	}

	@Benchmark
	public SqlQuery openTelemetrySanitizer() throws Throwable {
		return (SqlQuery) OTEL_SANITIZE.invokeExact(nextStatement(), SqlDialectHolder.IDENTIFIERS);
	}

	@Benchmark
	public SqlQuery openTelemetryAnalyzerCacheHit() {
		return this.openTelemetryAnalyzer.analyze(nextStatement(), SqlDialectHolder.IDENTIFIERS);
	}

	// OpenTelemetry's uncached sanitizer is package-private; reach it the way its own
	// cache does.
	private static MethodHandle findOpenTelemetrySanitizer() {
		try {
			Class<?> sanitizer = Class
				.forName("io.opentelemetry.instrumentation.api.incubator.semconv.db.AutoSqlSanitizer");
			Method sanitize = sanitizer.getDeclaredMethod("sanitize", String.class,
					io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlDialect.class);
			sanitize.setAccessible(true);
			return MethodHandles.lookup().unreflect(sanitize);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("OpenTelemetry's AutoSqlSanitizer.sanitize(String, SqlDialect) not found",
					ex);
		}
	}

	private static final class SqlDialectHolder {

		static final io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlDialect IDENTIFIERS = io.opentelemetry.instrumentation.api.incubator.semconv.db.SqlDialect.DOUBLE_QUOTES_ARE_IDENTIFIERS;

	}

}
