package dev.querybudget.integration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.querybudget.Budget;
import dev.querybudget.EnforcementMode;
import dev.querybudget.FingerprintCount;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.TrackerSettings;
import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.sql.FingerprintSettings;
import dev.querybudget.sql.SqlFingerprinter;
import dev.querybudget.sql.StatementKind;
import dev.querybudget.testing.MeasuredJob;
import dev.querybudget.testing.TestDatabases;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 10 MB statement through the real proxy on PostgreSQL: the server runs it, the scope
 * counts it, fingerprints its prefix, keeps neither the statement nor its literal, and
 * retains at most {@code maxSqlLength} characters for it.
 */
@SuppressWarnings("try")
class HugeStatementIT {

	private static final int TEN_MEGABYTES = 10 * 1024 * 1024;

	private final FingerprintSettings fingerprinting = FingerprintSettings.ofDefaults();

	private final QueryBudgetTracker tracker = QueryBudgetTracker
		.create(TrackerSettings.builder().fingerprinter(SqlFingerprinter.create(this.fingerprinting)).build());

	private final DataSource proxied = ProxyDataSourceBuilder.create(TestDatabases.postgresql().dataSource())
		.listener(new QueryBudgetExecutionListener(this.tracker))
		.build();

	@Test
	void runsCountsAndForgetsATenMegabyteStatement() throws SQLException {
		String literal = "secret-".repeat(TEN_MEGABYTES / 7);
		String huge = "select length('" + literal + "') as n";
		QueryScope scope = this.tracker.openDetached(ScopeKind.JOB, "import", Budget.unlimited(),
				EnforcementMode.RECORD);
		long empty = MeasuredJob.retained(scope, this.tracker);
		try (QueryScope.Attachment attachment = scope.attach();
				Connection connection = this.proxied.getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeQuery("select 1").close();
			long oneShape = MeasuredJob.retained(scope, this.tracker) - empty;
			try (ResultSet result = statement.executeQuery(huge)) {
				assertThat(result.next()).isTrue();
				assertThat(result.getInt(1)).isEqualTo(literal.length());
			}
			long bytes = MeasuredJob.retained(scope, this.tracker) - empty - oneShape;
			assertThat(bytes).as("bytes retained by the scope for a %d character statement", huge.length())
				.isLessThanOrEqualTo(oneShape + 2L * this.fingerprinting.maxSqlLength());
		}
		scope.close();
		ScopeReport report = scope.report();
		assertThat(report.statementCount()).isEqualTo(2);
		assertThat(report.statementCount(StatementKind.SELECT)).isEqualTo(2);
		FingerprintCount shape = MeasuredJob.truncatedShape(report);
		assertThat(shape.fingerprint().sqlLength()).isEqualTo(huge.length());
		assertThat(shape.fingerprint().normalizedSql()).startsWith("select length(?").doesNotContain("secret");
		assertThat(report.format()).doesNotContain("secret");
	}

}
