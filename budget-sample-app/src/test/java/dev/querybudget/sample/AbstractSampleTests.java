package dev.querybudget.sample;

import java.util.List;

import dev.querybudget.BudgetViolation;
import dev.querybudget.CallSite;
import dev.querybudget.FingerprintCount;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.Verdict;
import dev.querybudget.ViolationKind;
import dev.querybudget.sample.leaderboard.LeaderboardSnapshotJob;
import dev.querybudget.test.ScopeReportAssert;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static dev.querybudget.sample.SampleRequests.authProfile;
import static dev.querybudget.sample.SampleRequests.privacySave;
import static dev.querybudget.sample.SampleRequests.profilePage;
import static dev.querybudget.sample.SampleRequests.tokenRefresh;
import static dev.querybudget.test.QueryBudgetAssertions.assertThatReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every endpoint of the sample, on the seeded data, in the default log mode: each naive
 * variant breaks its budget with the audit's statement count and the N+1 or duplicates
 * that cause it, named at the sample's own line; each fixed variant stays within its
 * budget. The reports are the request scopes' own, with the budget each endpoint
 * resolved.
 */
@SpringBootTest(properties = "sample.leaderboard-snapshot.initial-delay=PT1H")
@AutoConfigureMockMvc
@Import(ScopeReports.class)
abstract class AbstractSampleTests {

	private static final String SAMPLE = "dev.querybudget.sample.";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ScopeReports reports;

	@Autowired
	private LeaderboardSnapshotJob snapshotJob;

	@Test
	void registrationListLoadsTournamentUserAndPaymentOneByOne() throws Exception {
		ScopeReport report = request("GET /naive/registrations", get("/naive/registrations"));
		assertBroken(report, 62, 2);
		assertThat(report.nPlusOneSuspects()).hasSize(3);
		assertNPlusOne(report, "tournaments t1_0 where t1_0.id = ?", 20, "tournament.RegistrationView", "of");
		assertNPlusOne(report, "users u1_0 where u1_0.id = ?", 20, "tournament.RegistrationView", "of");
		assertNPlusOne(report, "payment_verifications pv1_0 where pv1_0.id = ?", 20, "tournament.RegistrationView",
				"of");
	}

	@Test
	void fixedRegistrationListStaysWithinItsBudget() throws Exception {
		assertWithinItsBudget(request("GET /fixed/registrations", get("/fixed/registrations"))).hasTotal(2);
	}

	@Test
	void tournamentDiscoveryLoadsGameAndOrganizerOneByOne() throws Exception {
		ScopeReport report = request("GET /naive/tournaments", get("/naive/tournaments"));
		assertBroken(report, 42, 2);
		assertThat(report.nPlusOneSuspects()).hasSize(2);
		assertNPlusOne(report, "games g1_0 where g1_0.id = ?", 20, "tournament.TournamentView", "of");
		assertNPlusOne(report, "users u1_0 where u1_0.id = ?", 20, "tournament.TournamentView", "of");
	}

	@Test
	void fixedTournamentDiscoveryStaysWithinItsBudget() throws Exception {
		assertWithinItsBudget(request("GET /fixed/tournaments", get("/fixed/tournaments"))).hasTotal(2);
	}

	@Test
	void leaderboardLoadsEachPlayerOneByOne() throws Exception {
		ScopeReport report = request("GET /naive/leaderboards/{game}", get("/naive/leaderboards/valorant"));
		assertBroken(report, 22, 2);
		assertThat(report.nPlusOneSuspects()).hasSize(1);
		assertNPlusOne(report, "users u1_0 where u1_0.id = ?", 20, "leaderboard.LeaderboardView", "of");
	}

	@Test
	void fixedLeaderboardStaysWithinItsBudget() throws Exception {
		assertWithinItsBudget(request("GET /fixed/leaderboards/{game}", get("/fixed/leaderboards/valorant")))
			.hasTotal(2);
	}

	@Test
	void profilePageLooksUpUserAndProfileTwiceAndLoadsPassportsOneByOne() throws Exception {
		ScopeReport report = request("GET /naive/profiles/{username}", profilePage("naive"));
		assertBroken(report, 23, 20);
		assertThat(report.budget().critical()).isEqualTo(25);
		assertThat(report.nPlusOneSuspects()).hasSize(2);
		assertNPlusOne(report, "games g1_0 where g1_0.id = ?", 7, "profile.PassportView", "of");
		assertNPlusOne(report, "teams t1_0 where t1_0.id = ?", 7, "profile.PassportView", "of");
		assertThat(report.duplicates()).hasSize(2);
		assertDuplicate(report, "users u1_0 where u1_0.username = ?", 1, "profile.ProfileContextBuilder", "build");
		assertDuplicate(report, "profiles p1_0 where p1_0.user_id = ?", 1, "profile.ProfileContextBuilder", "build");
	}

	@Test
	void fixedProfilePageLoadsEachRowOnce() throws Exception {
		assertWithinItsBudget(request("GET /fixed/profiles/{username}", profilePage("fixed"))).hasTotal(4)
			.hasNoDuplicates()
			.hasNoNPlusOne();
	}

	@Test
	void dashboardRunsOneCountPerFigure() throws Exception {
		ScopeReport report = request("GET /naive/organizers/{username}/dashboard",
				get("/naive/organizers/org01/dashboard"));
		assertBroken(report, 6, 4);
		assertThatReport(report).hasNoNPlusOne();
		assertThat(report.fingerprints()).hasSize(5)
			.allSatisfy((shape) -> assertThat(shape.fingerprint().normalizedSql()).startsWith("select count("));
	}

	@Test
	void fixedDashboardComputesEveryFigureInOneAggregate() throws Exception {
		assertWithinItsBudget(
				request("GET /fixed/organizers/{username}/dashboard", get("/fixed/organizers/org01/dashboard")))
			.hasTotal(1);
	}

	@Test
	void authProfileSerializerWalksSubscriptionPlanAndRolesLazily() throws Exception {
		ScopeReport report = request("GET /naive/auth/profile", authProfile("naive"));
		assertBroken(report, 4, 2);
		assertThat(report.fingerprints()).extracting((shape) -> shape.fingerprint().normalizedSql())
			.satisfiesExactlyInAnyOrder((sql) -> assertThat(sql).contains("users u1_0 where u1_0.username = ?"),
					(sql) -> assertThat(sql).contains("subscriptions s1_0 where s1_0.id = ?"),
					(sql) -> assertThat(sql).contains("plans p1_0 where p1_0.id = ?"),
					(sql) -> assertThat(sql).contains("user_roles r1_0"));
	}

	@Test
	void fixedAuthProfileStaysWithinItsBudget() throws Exception {
		assertWithinItsBudget(request("GET /fixed/auth/profile", authProfile("fixed"))).hasTotal(1);
	}

	@Test
	void tokenRefreshFetchesTheSameUserThreeTimes() throws Exception {
		ScopeReport report = request("POST /naive/auth/token/refresh", tokenRefresh(this.mvc, "naive", "player03"));
		assertBroken(report, 3, 1);
		assertThat(report.violations()).extracting(BudgetViolation::rule)
			.containsExactly(ViolationKind.STATEMENTS, ViolationKind.DUPLICATES);
		assertThat(report.duplicates()).hasSize(1);
		assertDuplicate(report, "users u1_0 where u1_0.id = ?", 2, "auth.TokenService", "activeUser");
	}

	@Test
	void fixedTokenRefreshFetchesTheUserOnce() throws Exception {
		ScopeReport report = request("POST /fixed/auth/token/refresh", tokenRefresh(this.mvc, "fixed", "player04"));
		assertWithinItsBudget(report).hasTotal(1);
	}

	@Test
	void settingsSaveMergesDetachedSettingsAndLooksUpTheUserAgain() throws Exception {
		ScopeReport report = request("PUT /naive/settings/privacy", privacySave("naive", "player05"));
		assertBroken(report, 6, 5);
		assertThatReport(report).hasSelects(4).hasUpdates(1).hasInserts(1);
		assertThat(report.duplicates()).hasSize(1);
		assertDuplicate(report, "privacy_settings ps1_0 where ps1_0.id = ?", 1, "settings.SettingsService",
				"saveDetached");
	}

	@Test
	void fixedSettingsSaveStaysWithinItsBudget() throws Exception {
		ScopeReport report = request("PUT /fixed/settings/privacy", privacySave("fixed", "player06"));
		assertWithinItsBudget(report).hasTotal(3).hasSelects(1).hasUpdates(1).hasInserts(1);
	}

	@Test
	void adminListTakesItsBudgetFromPropertiesAndStillNamesItsNPlusOne() throws Exception {
		ScopeReport report = request("GET /admin/users", get("/admin/users"));
		assertThat(report.budget().maxStatements()).isEqualTo(50);
		assertThat(report.budget().critical()).isEqualTo(100);
		assertWithinItsBudget(report).hasTotal(22);
		assertNPlusOne(report, "user_roles r1_0", 20, "user.User", "roleNames");
	}

	@Test
	void leaderboardSnapshotJobRunsInItsOwnScopeWithinItsBudget() throws Exception {
		ScopeReport report = this.reports.of("LeaderboardSnapshotJob#snapshotLiveTournaments",
				this.snapshotJob::snapshotLiveTournaments);
		assertThat(report.kind()).isEqualTo(ScopeKind.JOB);
		assertThat(report.budget().maxStatements()).isEqualTo(4);
		assertWithinItsBudget(report).hasTotal(3).hasInserts(1);
		assertThat(report.batchCount()).isEqualTo(1);
		assertThat(report.batchedStatementCount()).isEqualTo(24);
	}

	private ScopeReport request(String scope, RequestBuilder request) throws Exception {
		return this.reports.of(scope, () -> this.mvc.perform(request).andExpect(status().isOk()));
	}

	/**
	 * Asserts the statement count and that the scope broke the statement limit of the
	 * budget its endpoint resolved.
	 */
	private static void assertBroken(ScopeReport report, long statements, int budget) {
		assertThatReport(report).hasTotal(statements);
		assertThat(report.verdict()).isEqualTo(Verdict.OVER);
		assertThat(report.violations())
			.contains(new BudgetViolation(ViolationKind.STATEMENTS, budget, statements, Verdict.OVER));
	}

	/**
	 * Asserts that the scope is within the budget its endpoint (or job) resolved, a
	 * limited one, judged by the engine's rules, and returns assertions for its figures.
	 */
	private static ScopeReportAssert assertWithinItsBudget(ScopeReport report) {
		assertThat(report.budget().isUnlimited()).as("budget of %s is unlimited", report.name()).isFalse();
		return assertThatReport(report).isWithin(report.budget());
	}

	private static void assertNPlusOne(ScopeReport report, String sql, long executions, String callSiteClass,
			String callSiteMethod) {
		FingerprintCount suspect = shape(report.nPlusOneSuspects(), sql);
		assertThat(suspect.executions()).isEqualTo(executions);
		assertThat(suspect.distinctParameterSets()).isEqualTo(executions);
		assertCallSite(suspect, callSiteClass, callSiteMethod);
	}

	private static void assertDuplicate(ScopeReport report, String sql, long duplicates, String callSiteClass,
			String callSiteMethod) {
		FingerprintCount duplicate = shape(report.duplicates(), sql);
		assertThat(duplicate.duplicates()).isEqualTo(duplicates);
		assertCallSite(duplicate, callSiteClass, callSiteMethod);
	}

	private static FingerprintCount shape(List<FingerprintCount> shapes, String sql) {
		List<FingerprintCount> matching = shapes.stream()
			.filter((shape) -> shape.fingerprint().normalizedSql().contains(sql))
			.toList();
		assertThat(matching).as("shapes containing [%s] among %s", sql, shapes).hasSize(1);
		return matching.get(0);
	}

	private static void assertCallSite(FingerprintCount shape, String callSiteClass, String callSiteMethod) {
		CallSite site = shape.callSite();
		assertThat(site).isNotNull();
		assertThat(site.className()).isEqualTo(SAMPLE + callSiteClass);
		assertThat(site.methodName()).isEqualTo(callSiteMethod);
		assertThat(site.lineNumber()).isPositive();
	}

}
