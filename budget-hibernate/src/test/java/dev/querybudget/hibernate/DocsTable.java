package dev.querybudget.hibernate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of the scenario table of {@code docs/diagnosis.md}, between its
 * {@code scenarios:start} and {@code scenarios:end} markers, after the header, so that
 * the test proves the table the docs show.
 */
final class DocsTable {

	private static final Path DOCS = Path.of("..", "docs", "diagnosis.md");

	private DocsTable() {
	}

	static String read() {
		List<String> rows = new ArrayList<>();
		boolean inside = false;
		try {
			for (String line : Files.readAllLines(DOCS)) {
				if (line.contains("scenarios:end")) {
					break;
				}
				if (inside && line.startsWith("| ") && !line.startsWith("| Scenario ")) {
					rows.add(line);
				}
				inside |= line.contains("scenarios:start");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read " + DOCS.toAbsolutePath(), ex);
		}
		return String.join("\n", rows);
	}

}
