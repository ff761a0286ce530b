package dev.querybudget.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.querybudget.FingerprintCount;
import dev.querybudget.ScopeReport;
import org.jspecify.annotations.Nullable;

/**
 * A reviewable file of the statement shapes a test executed, with their execution counts:
 * one {@code count<TAB>shape} line per shape, ordered by shape text, so that the file
 * diffs cleanly in code review. Shapes are normalised: no literal or parameter value is
 * ever written.
 */
final class QuerySnapshot {

	/**
	 * System property naming the snapshot directory.
	 */
	static final String DIRECTORY_PROPERTY = "query-budget.snapshot.dir";

	/**
	 * System property that, when {@code true}, rewrites every snapshot file.
	 */
	static final String UPDATE_PROPERTY = "query-budget.snapshot.update";

	private static final String DEFAULT_DIRECTORY = "src/test/resources/query-snapshots";

	private final String name;

	private final Path file;

	private final boolean update;

	QuerySnapshot(String name, Path directory, boolean update) {
		this.name = validName(name);
		this.file = directory.resolve(name + ".txt");
		this.update = update;
	}

	static QuerySnapshot of(String name) {
		return new QuerySnapshot(name, Path.of(System.getProperty(DIRECTORY_PROPERTY, DEFAULT_DIRECTORY)),
				Boolean.getBoolean(UPDATE_PROPERTY));
	}

	/**
	 * Compares a report with the snapshot, writing the snapshot when it is missing or
	 * when updating.
	 * @return the difference to fail with, or {@code null} when the report matches
	 */
	@Nullable String compare(ScopeReport report, int tolerance) {
		if (tolerance < 0) {
			throw new IllegalArgumentException("'tolerance' must not be negative, but was " + tolerance);
		}
		SortedMap<String, Long> actual = counts(report);
		if (this.update) {
			write(actual);
			return null;
		}
		if (!Files.exists(this.file)) {
			write(actual);
			return "Query snapshot '" + this.name + "' did not exist: wrote " + this.file + " with " + actual.size()
					+ " shapes. Review it, commit it and run the test again.";
		}
		return difference(read(), actual, tolerance);
	}

	private @Nullable String difference(SortedMap<String, Long> expected, SortedMap<String, Long> actual,
			int tolerance) {
		StringBuilder changes = new StringBuilder();
		TreeSet<String> shapes = new TreeSet<>(expected.keySet());
		shapes.addAll(actual.keySet());
		for (String shape : shapes) {
			Long before = expected.get(shape);
			Long now = actual.get(shape);
			if (before == null) {
				changes.append("\n  + ").append(now).append('\t').append(shape);
			}
			else if (now == null) {
				changes.append("\n  - ").append(before).append('\t').append(shape);
			}
			else if (Math.abs(now - before) > tolerance) {
				changes.append("\n  ~ ").append(before).append(" -> ").append(now).append('\t').append(shape);
			}
		}
		if (changes.length() == 0) {
			return null;
		}
		return "Query snapshot '" + this.name + "' (" + this.file + ") changed beyond a tolerance of " + tolerance
				+ " (+ new shape, - shape gone, ~ count changed):" + changes + "\nExpected " + total(expected)
				+ " statements, executed " + total(actual) + ". If the change is intended, rewrite the snapshots with"
				+ " -D" + UPDATE_PROPERTY + "=true and review the diff.";
	}

	private static long total(Map<String, Long> counts) {
		long total = 0;
		for (long count : counts.values()) {
			total += count;
		}
		return total;
	}

	static SortedMap<String, Long> counts(ScopeReport report) {
		SortedMap<String, Long> counts = new TreeMap<>();
		for (FingerprintCount count : report.fingerprints()) {
			counts.merge(oneLine(count.fingerprint().normalizedSql()), count.executions(), Long::sum);
		}
		return counts;
	}

	private static String oneLine(String sql) {
		return sql.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
	}

	private void write(SortedMap<String, Long> counts) {
		StringBuilder text = new StringBuilder();
		text.append("# Query snapshot '")
			.append(this.name)
			.append("': statement shapes and their execution counts, no literal values.\n");
		text.append("# Rewrite with -D").append(UPDATE_PROPERTY).append("=true after reviewing the change.\n");
		counts.forEach((shape, count) -> text.append(count).append('\t').append(shape).append('\n'));
		try {
			Path parent = this.file.getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(this.file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write query snapshot " + this.file, ex);
		}
	}

	private SortedMap<String, Long> read() {
		List<String> lines;
		try {
			lines = Files.readAllLines(this.file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read query snapshot " + this.file, ex);
		}
		SortedMap<String, Long> counts = new TreeMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int tab = line.indexOf('\t');
			try {
				counts.put(line.substring(tab + 1), Long.parseLong(line.substring(0, Math.max(tab, 0))));
			}
			catch (NumberFormatException ex) {
				throw new IllegalStateException(
						"Query snapshot " + this.file + " line " + (i + 1) + " is not 'count<TAB>shape': '" + line
								+ "'. Fix it or rewrite it with -D" + UPDATE_PROPERTY + "=true.",
						ex);
			}
		}
		return counts;
	}

	private static String validName(String name) {
		Objects.requireNonNull(name, "'name' must not be null");
		boolean valid = !name.isEmpty() && !name.contains("..") && !name.startsWith("/");
		for (int i = 0; valid && i < name.length(); i++) {
			char c = name.charAt(i);
			valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '.' || c == '/';
		}
		if (!valid) {
			throw new IllegalArgumentException("Snapshot name '" + name
					+ "' must be a relative path of letters, digits, '-', '_', '.' and '/', without '..'");
		}
		return name;
	}

}
