package dev.querybudget.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.querybudget.ScopeReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class QuerySnapshotTests {

	private final ProxiedH2 h2 = new ProxiedH2();

	@TempDir
	Path directory;

	QuerySnapshotTests() {
		this.h2.execute("create table item (id int primary key, name varchar(20))",
				"insert into item values (1, 'secret-one'), (2, 'secret-two'), (3, 'secret-three')");
	}

	@Test
	void missingSnapshotIsWrittenSortedWithoutLiteralsAndTheTestAsksForAReview() throws IOException {
		ScopeReport report = capture(3);
		String difference = snapshot(false).compare(report, 0);
		assertThat(difference).startsWith("Query snapshot 'items/list' did not exist: wrote ")
			.endsWith(" with 2 shapes. Review it, commit it and run the test again.");
		assertThat(Files.readString(this.directory.resolve("items/list.txt"))).isEqualTo(
				"# Query snapshot 'items/list': statement shapes and their execution counts, no literal values.\n"
						+ "# Rewrite with -Dquery-budget.snapshot.update=true after reviewing the change.\n"
						+ "1\tselect count(*) from item where name like ?\n"
						+ "3\tselect name from item where id = ?\n");
		assertThat(snapshot(false).compare(capture(3), 0)).isNull();
	}

	@Test
	void countBeyondTheToleranceFailsWithADiff() {
		snapshot(true).compare(capture(1), 0);
		assertThat(snapshot(false).compare(capture(2), 1)).isNull();
		assertThat(snapshot(false).compare(capture(3), 1))
			.isEqualTo("Query snapshot 'items/list' (" + this.directory.resolve("items/list.txt")
					+ ") changed beyond a tolerance of 1 (+ new shape, - shape gone, ~ count changed):\n"
					+ "  ~ 1 -> 3\tselect name from item where id = ?\n"
					+ "Expected 2 statements, executed 4. If the change is intended, rewrite the snapshots with"
					+ " -Dquery-budget.snapshot.update=true and review the diff.");
	}

	@Test
	void addedAndRemovedShapesAreBothListed() {
		snapshot(true).compare(capture(1), 0);
		ScopeReport other = CapturedQueries.capture(this.h2.tracker, "other",
				() -> this.h2.execute("select max(id) from item"));
		assertThat(snapshot(false).compare(other, 0)).contains("\n  + 1\tselect max(id) from item\n")
			.contains("\n  - 1\tselect count(*) from item where name like ?\n")
			.contains("\n  - 1\tselect name from item where id = ?\n");
	}

	@Test
	void updateRewritesAChangedSnapshot() {
		snapshot(true).compare(capture(1), 0);
		assertThat(snapshot(true).compare(capture(3), 0)).isNull();
		assertThat(snapshot(false).compare(capture(3), 0)).isNull();
	}

	@Test
	void assertionFailsWithTheDifference() {
		snapshot(true).compare(capture(1), 0);
		System.setProperty(QuerySnapshot.DIRECTORY_PROPERTY, this.directory.toString());
		try {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> QueryBudgetAssertions.assertThatReport(capture(2)).matchesSnapshot("items/list"))
				.withMessageStartingWith("Query snapshot 'items/list' (")
				.withMessageContaining("  ~ 1 -> 2\tselect name from item where id = ?");
			QueryBudgetAssertions.assertThatReport(capture(2)).matchesSnapshot("items/list", 1);
		}
		finally {
			System.clearProperty(QuerySnapshot.DIRECTORY_PROPERTY);
		}
	}

	@Test
	void malformedLineIsNamedWithItsFileAndNumber() throws IOException {
		Files.createDirectories(this.directory.resolve("items"));
		Files.writeString(this.directory.resolve("items/list.txt"), "# header\nthree\tselect 1\n");
		assertThatIllegalStateException().isThrownBy(() -> snapshot(false).compare(capture(1), 0))
			.withMessageContaining("items/list.txt line 2 is not 'count<TAB>shape': 'three\tselect 1'");
	}

	@Test
	void nameMustStayInsideTheSnapshotDirectory() {
		assertThatIllegalArgumentException().isThrownBy(() -> new QuerySnapshot("../escape", this.directory, false))
			.withMessage("Snapshot name '../escape' must be a relative path of letters, digits, '-', '_', '.' and "
					+ "'/', without '..'");
	}

	private QuerySnapshot snapshot(boolean update) {
		return new QuerySnapshot("items/list", this.directory, update);
	}

	private ScopeReport capture(int lookups) {
		return CapturedQueries.capture(this.h2.tracker, "items", () -> {
			this.h2.execute("select count(*) from item where name like 'secret%'");
			this.h2.selectEach("select name from item where id = ?", lookups);
		});
	}

}
