package dev.querybudget.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java snippet of {@code docs/testing.md} is quoted from the tests, so that the
 * guide cannot drift from code that compiles and runs.
 */
class TestingGuideExamplesTests {

	private static final Path GUIDE = Path.of("../docs/testing.md");

	private static final Path TESTS = Path.of("src/test/java");

	@Test
	void everyJavaSnippetOfTheGuideIsQuotedFromTheTests() throws IOException {
		List<List<String>> snippets = javaSnippets(Files.readAllLines(GUIDE));
		List<List<String>> sources = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TESTS)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				sources.add(trimmed(Files.readAllLines(file)));
			}
		}
		assertThat(snippets).hasSizeGreaterThan(10);
		assertThat(snippets)
			.allSatisfy((snippet) -> assertThat(sources).as("a test source containing%n%s", String.join("\n", snippet))
				.anyMatch((source) -> Collections.indexOfSubList(source, snippet) >= 0));
	}

	private static List<List<String>> javaSnippets(List<String> lines) {
		List<List<String>> snippets = new ArrayList<>();
		List<String> current = null;
		for (String line : lines) {
			if (line.trim().equals("```java")) {
				current = new ArrayList<>();
			}
			else if (current != null && line.trim().equals("```")) {
				snippets.add(trimmed(current));
				current = null;
			}
			else if (current != null) {
				current.add(line);
			}
		}
		return snippets;
	}

	private static List<String> trimmed(List<String> lines) {
		return lines.stream().map(String::trim).toList();
	}

}
