package dev.querybudget.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the reference cases collected from pt-fingerprint, Prosopite, libpg_query,
 * pg_stat_statements, the MySQL digest, OpenTelemetry and Sentry Relay
 * ({@code sql/reference_cases.tsv}). Their conventions differ from ours, so the file
 * carries our own expectation per row in {@code querybudget_expected}, and for
 * libpg_query's equivalence groups a {@code querybudget_relation} of
 * {@code same-as:<row>} or {@code differs-from:<row>} (rows numbered from 1 after the
 * header). docs/fingerprinting.md explains where and why we differ.
 */
class ReferenceCasesTests {

	private static final String RESOURCE = "/sql/reference_cases.tsv";

	private static final SqlFingerprinter fingerprinter = SqlFingerprinter.create();

	static List<ReferenceCase> cases() throws IOException {
		List<ReferenceCase> cases = new ArrayList<>();
		try (InputStream in = ReferenceCasesTests.class.getResourceAsStream(RESOURCE)) {
			assertThat(in).as(RESOURCE).isNotNull();
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
			assertThat(lines[0].split("\t")).containsExactly("source", "input_sql", "expected_normalised", "note",
					"querybudget_dialect", "querybudget_expected", "querybudget_relation");
			for (int i = 1; i < lines.length; i++) {
				if (lines[i].isEmpty()) {
					continue;
				}
				String[] columns = lines[i].split("\t", -1);
				assertThat(columns).as("columns of row %d", i).hasSize(7);
				cases.add(new ReferenceCase(i, columns[0], unescape(columns[1]), SqlDialect.valueOf(columns[4]),
						unescape(columns[5]), columns[6]));
			}
		}
		return cases;
	}

	@Test
	void coversEveryReferenceRow() throws IOException {
		assertThat(cases()).hasSize(139);
	}

	@ParameterizedTest(name = "row {0}")
	@MethodSource("cases")
	void normalizesLikeTheReferenceFileSays(ReferenceCase reference) throws IOException {
		StatementFingerprint fingerprint = fingerprinter.fingerprint(reference.sql(), reference.dialect());
		assertThat(fingerprint.normalizedSql())
			.as("row %d (%s): %s", reference.row(), reference.source(), reference.sql())
			.isEqualTo(reference.expected());
		String relation = reference.relation();
		if (!relation.isEmpty()) {
			boolean same = relation.startsWith("same-as:");
			int other = Integer.parseInt(relation.substring(relation.indexOf(':') + 1));
			ReferenceCase otherCase = cases().get(other - 1);
			StatementFingerprint otherFingerprint = fingerprinter.fingerprint(otherCase.sql(), otherCase.dialect());
			if (same) {
				assertThat(fingerprint).as("row %d %s", reference.row(), relation).isEqualTo(otherFingerprint);
			}
			else {
				assertThat(fingerprint).as("row %d %s", reference.row(), relation).isNotEqualTo(otherFingerprint);
			}
		}
	}

	private static String unescape(String text) {
		StringBuilder result = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				char next = text.charAt(i + 1);
				switch (next) {
					case 'n' -> result.append('\n');
					case 't' -> result.append('\t');
					case 'r' -> result.append('\r');
					case '\\' -> result.append('\\');
					default -> {
						result.append(c);
						continue;
					}
				}
				i++;
			}
			else {
				result.append(c);
			}
		}
		return result.toString();
	}

	record ReferenceCase(int row, String source, String sql, SqlDialect dialect, String expected, String relation) {

		@Override
		public String toString() {
			return this.row + ": " + this.sql;
		}

	}

}
