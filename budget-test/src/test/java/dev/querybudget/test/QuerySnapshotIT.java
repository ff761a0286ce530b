package dev.querybudget.test;

import java.nio.file.Path;

import dev.querybudget.ScopeReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.querybudget.test.QueryBudgetAssertions.assertThatQueries;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query snapshots over real PostgreSQL, against the reviewed file
 * {@code src/test/resources/query-snapshots/authors/titles-join-fetched.txt}.
 */
class QuerySnapshotIT extends LibraryTestBase {

	private static final String SNAPSHOT = "authors/titles-join-fetched";

	@BeforeEach
	void threeAuthorsWithTwoBooksEach() {
		this.data.seed(3, 2);
	}

	@Test
	void joinFetchedTitlesMatchTheirSnapshot() {
		assertThatQueries(() -> this.service.titlesJoinFetched()).matchesSnapshot(SNAPSHOT);
	}

	@Test
	void anAddedQueryIsShownInTheDiff() {
		ScopeReport report = CapturedQueries.capture(this.tracker, "counted",
				() -> this.service.titlesJoinFetchedAndCounted());
		// Never in update mode, so that rewriting the snapshots cannot record the added
		// query
		QuerySnapshot snapshot = new QuerySnapshot(SNAPSHOT, Path.of("src/test/resources/query-snapshots"), false);
		assertThat(snapshot.compare(report, 0)).startsWith("Query snapshot 'authors/titles-join-fetched' (")
			.contains("changed beyond a tolerance of 0 (+ new shape, - shape gone, ~ count changed):\n"
					+ "  + 1\tselect count(*) from qbt_author a1_0\n")
			.contains("Expected 1 statements, executed 2.");
	}

}
