package dev.querybudget.benchmarks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link FingerprintBenchmark} and {@link ListenerBenchmark} in one JMH run with the
 * GC profiler and prints the tables of {@code docs/performance.md}: every figure next to
 * its baseline from the same run, as a ratio, with the bytes allocated per operation.
 * <p>
 * {@code java -cp budget-benchmarks/target/benchmarks.jar dev.querybudget.benchmarks.PerformanceReport}
 */
public final class PerformanceReport {

	private PerformanceReport() {
	}

	public static void main(String[] args) throws RunnerException {
		Options options = new OptionsBuilder().include(FingerprintBenchmark.class.getSimpleName())
			.include(ListenerBenchmark.class.getSimpleName())
			.addProfiler(GCProfiler.class)
			.build();
		Map<String, Figure> figures = new LinkedHashMap<>();
		for (RunResult result : new Runner(options).run()) {
			String benchmark = result.getParams().getBenchmark();
			figures.put(benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1),
					Figure.of(result));
		}
		printFingerprintTable(figures);
		printListenerTable(figures);
	}

	private static void printFingerprintTable(Map<String, Figure> figures) {
		Figure sanitizer = figures.get("FingerprintBenchmark.openTelemetrySanitizer");
		System.out.println();
		System.out.println("| Fingerprint one statement (mean) | ns/op | B/op | OpenTelemetry sanitizer ÷ this |");
		System.out.println("|---|---:|---:|---:|");
		Figure baseline = figures.get("FingerprintBenchmark.baselineNextStatement");
		System.out.println("| baseline: pick the next statement | " + format(baseline.nanos) + " | "
				+ format(baseline.bytes) + " | |");
		row(figures, "FingerprintBenchmark.queryBudgetCacheHit", "Query Budget, cache hit", sanitizer);
		row(figures, "FingerprintBenchmark.queryBudgetMiss", "Query Budget, miss (full lexer pass)", sanitizer);
		row(figures, "FingerprintBenchmark.queryBudgetMissWithText", "Query Budget, miss + normalised text", sanitizer);
		row(figures, "FingerprintBenchmark.openTelemetrySanitizer", "OpenTelemetry sanitizer, uncached", sanitizer);
		row(figures, "FingerprintBenchmark.openTelemetryAnalyzerCacheHit", "OpenTelemetry analyzer, cache hit",
				sanitizer);
	}

	private static void printListenerTable(Map<String, Figure> figures) {
		Figure noOp = figures.get("ListenerBenchmark.proxyWithNoOpListener");
		Figure raw = figures.get("ListenerBenchmark.rawH2");
		System.out.println();
		System.out.println("| One H2 statement (median) | ns/op | B/op | ÷ no-op proxy | ÷ raw H2 |");
		System.out.println("|---|---:|---:|---:|---:|");
		listenerRow(figures, "ListenerBenchmark.rawH2", "raw H2 connection", noOp, raw);
		listenerRow(figures, "ListenerBenchmark.proxyWithNoOpListener", "datasource-proxy, no-op listener", noOp, raw);
		listenerRow(figures, "ListenerBenchmark.queryBudgetNoScope", "Query Budget listener, no scope open", noOp, raw);
		listenerRow(figures, "ListenerBenchmark.queryBudgetInScope", "Query Budget listener, in a request scope", noOp,
				raw);
		listenerRow(figures, "ListenerBenchmark.queryBudgetInScopeWithOrigin",
				"Query Budget listener, in a request scope, with a declared origin", noOp, raw);
	}

	private static void row(Map<String, Figure> figures, String key, String label, Figure reference) {
		Figure figure = figures.get(key);
		System.out.println("| " + label + " | " + format(figure.nanos) + " | " + format(figure.bytes) + " | "
				+ format(reference.nanos / figure.nanos) + "× |");
	}

	private static void listenerRow(Map<String, Figure> figures, String key, String label, Figure noOp, Figure raw) {
		Figure figure = figures.get(key);
		System.out.println("| " + label + " | " + format(figure.nanos) + " | " + format(figure.bytes) + " | "
				+ format(figure.nanos / noOp.nanos) + " | " + format(figure.nanos / raw.nanos) + " |");
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, (value >= 100) ? "%.0f" : "%.2f", value);
	}

	private record Figure(double nanos, double bytes) {

		static Figure of(RunResult result) {
			Result<?> primary = result.getPrimaryResult();
			// Sampled benchmarks are compared by their median, which preempted samples
			// barely move
			double nanos = (result.getParams().getMode() == Mode.SampleTime) ? primary.getStatistics().getPercentile(50)
					: primary.getScore();
			double bytes = Double.NaN;
			for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
				if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
					bytes = secondary.getValue().getScore();
				}
			}
			return new Figure(nanos, bytes);
		}

	}

}
