package dev.querybudget.test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.querybudget.Budget;
import dev.querybudget.ScopeReport;
import dev.querybudget.testing.Secrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.querybudget.test.QueryBudgetAssertions.assertThatReport;
import static dev.querybudget.test.QueryBudgetAssertions.assertThatScaling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * No literal or parameter value reaches what the test support writes or fails with:
 * secrets in every literal and parameter position run over real PostgreSQL, then the
 * snapshot files, the snapshot differences and the failure messages of the assertions and
 * the scale check are scanned for them. The control that the scanner finds values where
 * they are is {@code SecretsNeverLeakIT} of the auto-configuration's tests.
 */
class SecretsNeverLeakIT extends LibraryTestBase {

	private static final Secrets secrets = Secrets.random();

	private static final String SNAPSHOT = "secrets/every-position";

	@Autowired
	DataSource dataSource;

	@TempDir
	Path directory;

	private int repeats;

	@Test
	void snapshotFilesHoldShapesWithoutAnyValue() throws Exception {
		ScopeReport report = CapturedQueries.capture(this.tracker, "secrets", this::executeSecrets);
		assertThat(new QuerySnapshot(SNAPSHOT, this.directory, true).compare(report, 0)).isNull();
		String written = Files.readString(this.directory.resolve(SNAPSHOT + ".txt"), StandardCharsets.UTF_8);
		assertThat(written).contains("4\tselect v from qb_secret_sink where v = ? or v like ?");
		assertNoLeak("the snapshot file", written);
		String missing = new QuerySnapshot("secrets/missing", this.directory, false).compare(report, 0);
		assertThat(missing).contains("did not exist");
		assertNoLeak("the missing snapshot message", missing);
		assertNoLeak("the missing snapshot file",
				Files.readString(this.directory.resolve("secrets/missing.txt"), StandardCharsets.UTF_8));
	}

	@Test
	void snapshotDifferencesShowShapesWithoutAnyValue() throws Exception {
		ScopeReport report = CapturedQueries.capture(this.tracker, "secrets", this::executeSecrets);
		Files.createDirectories(this.directory.resolve("secrets"));
		Files.writeString(this.directory.resolve(SNAPSHOT + ".txt"), "1\tselect ? from gone\n", StandardCharsets.UTF_8);
		String difference = new QuerySnapshot(SNAPSHOT, this.directory, false).compare(report, 0);
		assertThat(difference).contains("  - 1\tselect ? from gone").contains("  + 4\tselect v from qb_secret_sink");
		assertNoLeak("the snapshot difference", difference);
	}

	@Test
	void assertionFailuresNameShapesWithoutAnyValue() {
		ScopeReport report = CapturedQueries.capture(this.tracker, "secrets", this::executeSecrets);
		List<Consumer<ScopeReportAssert>> failing = List.of((assertion) -> assertion.hasAtMost(1),
				(assertion) -> assertion.hasTotal(1), (assertion) -> assertion.hasSelects(0),
				(assertion) -> assertion.hasInserts(0), ScopeReportAssert::hasNoDuplicates,
				ScopeReportAssert::hasNoNPlusOne, (assertion) -> assertion.isWithin(Budget.ofMaxStatements(1)));
		for (Consumer<ScopeReportAssert> assertion : failing) {
			AssertionError failure = catchThrowableOfType(AssertionError.class,
					() -> assertion.accept(assertThatReport(report)));
			assertThat(failure).isNotNull();
			assertNoLeak("an assertion failure", failure.getMessage());
		}
	}

	@Test
	void scaleCheckFailuresNameShapesWithoutAnyValue() {
		AssertionError failure = catchThrowableOfType(AssertionError.class,
				() -> assertThatScaling(this.tracker, (size) -> this.repeats = size, () -> {
					for (int i = 0; i < this.repeats; i++) {
						executeSecrets();
					}
				}).atSizes(1, 2).staysConstant());
		assertThat(failure).isNotNull();
		assertThat(failure.getMessage()).contains("[select v from qb_secret_sink where v = ? or v like ?]");
		assertNoLeak("the scale check failure", failure.getMessage());
	}

	private void executeSecrets() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			secrets.execute(connection);
		}
	}

	private static void assertNoLeak(String surface, String text) {
		assertThat(secrets.leaksIn(text)).as("secrets in %s", surface).isEmpty();
	}

}
