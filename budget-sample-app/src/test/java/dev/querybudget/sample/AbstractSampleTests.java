package dev.querybudget.sample;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.querybudget.BudgetViolation;
import dev.querybudget.CallSite;
import dev.querybudget.FingerprintCount;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.Verdict;
import dev.querybudget.ViolationKind;
import dev.querybudget.sample.leaderboard.LeaderboardSnapshotJob;
import dev.querybudget.sql.StatementKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every endpoint of the sample, on the seeded data: each naive variant breaks its budget
 * with the audit's statement count and the N+1 or duplicates that cause it, named at the
 * sample's own line; each fixed variant stays within its budget.
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
		assertWithin(request("GET /fixed/registrations", get("/fixed/registrations")), 2);
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
		assertWithin(request("GET /fixed/tournaments", get("/fixed/tournaments")), 2);
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
		assertWithin(request("GET /fixed/leaderboards/{game}", get("/fixed/leaderboards/valorant")), 2);
	}

	@Test
	void profilePageLooksUpUserAndProfileTwiceAndLoadsPassportsOneByOne() throws Exception {
		ScopeReport report = request("GET /naive/profiles/{username}",
				get("/naive/profiles/alice").param("viewer", "player02"));
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
	void fixedProfilePageStaysWithinTenStatements() throws Exception {
		ScopeReport report = request("GET /fixed/profiles/{username}",
				get("/fixed/profiles/alice").param("viewer", "player02"));
		assertWithin(report, 4);
		assertThat(report.statementCount()).isLessThanOrEqualTo(10);
		assertThat(report.duplicates()).isEmpty();
	}

	@Test
	void dashboardRunsOneCountPerFigure() throws Exception {
		ScopeReport report = request("GET /naive/organizers/{username}/dashboard",
				get("/naive/organizers/org01/dashboard"));
		assertBroken(report, 6, 4);
		assertThat(report.fingerprints()).hasSize(5)
			.allSatisfy((shape) -> assertThat(shape.fingerprint().normalizedSql()).startsWith("select count("));
		assertThat(report.nPlusOneSuspects()).isEmpty();
	}

	@Test
	void fixedDashboardComputesEveryFigureInOneAggregate() throws Exception {
		assertWithin(request("GET /fixed/organizers/{username}/dashboard", get("/fixed/organizers/org01/dashboard")),
				1);
	}

	@Test
	void authProfileSerializerWalksSubscriptionPlanAndRolesLazily() throws Exception {
		ScopeReport report = request("GET /naive/auth/profile", get("/naive/auth/profile").header("X-User", "alice"));
		assertBroken(report, 4, 2);
		assertThat(report.fingerprints()).extracting((shape) -> shape.fingerprint().normalizedSql())
			.satisfiesExactlyInAnyOrder((sql) -> assertThat(sql).contains("users u1_0 where u1_0.username = ?"),
					(sql) -> assertThat(sql).contains("subscriptions s1_0 where s1_0.id = ?"),
					(sql) -> assertThat(sql).contains("plans p1_0 where p1_0.id = ?"),
					(sql) -> assertThat(sql).contains("user_roles r1_0"));
	}

	@Test
	void fixedAuthProfileStaysWithinItsBudget() throws Exception {
		assertWithin(request("GET /fixed/auth/profile", get("/fixed/auth/profile").header("X-User", "alice")), 1);
	}

	@Test
	void tokenRefreshFetchesTheSameUserThreeTimes() throws Exception {
		String refreshToken = login("player03");
		ScopeReport report = request("POST /naive/auth/token/refresh",
				refresh("/naive/auth/token/refresh", refreshToken));
		assertBroken(report, 3, 1);
		assertThat(report.violations()).extracting(BudgetViolation::rule)
			.containsExactly(ViolationKind.STATEMENTS, ViolationKind.DUPLICATES);
		assertThat(report.duplicates()).hasSize(1);
		assertDuplicate(report, "users u1_0 where u1_0.id = ?", 2, "auth.TokenService", "activeUser");
	}

	@Test
	void fixedTokenRefreshFetchesTheUserOnce() throws Exception {
		String refreshToken = login("player04");
		ScopeReport report = request("POST /fixed/auth/token/refresh",
				refresh("/fixed/auth/token/refresh", refreshToken));
		assertWithin(report, 1);
		assertThat(report.duplicateCount()).isZero();
	}

	@Test
	void settingsSaveMergesDetachedSettingsAndLooksUpTheUserAgain() throws Exception {
		ScopeReport report = request("PUT /naive/settings/privacy", savePrivacy("/naive/settings/privacy", "player05"));
		assertBroken(report, 6, 5);
		assertThat(report.statementCount(StatementKind.SELECT)).isEqualTo(4);
		assertThat(report.statementCount(StatementKind.UPDATE)).isEqualTo(1);
		assertThat(report.statementCount(StatementKind.INSERT)).isEqualTo(1);
	}

	@Test
	void fixedSettingsSaveStaysWithinItsBudget() throws Exception {
		ScopeReport report = request("PUT /fixed/settings/privacy", savePrivacy("/fixed/settings/privacy", "player06"));
		assertWithin(report, 3);
		assertThat(report.statementCount(StatementKind.UPDATE)).isEqualTo(1);
		assertThat(report.statementCount(StatementKind.INSERT)).isEqualTo(1);
	}

	@Test
	void adminListTakesItsBudgetFromPropertiesAndStillNamesItsNPlusOne() throws Exception {
		ScopeReport report = request("GET /admin/users", get("/admin/users"));
		assertThat(report.budget().maxStatements()).isEqualTo(50);
		assertThat(report.budget().critical()).isEqualTo(100);
		assertWithin(report, 22);
		assertNPlusOne(report, "user_roles r1_0", 20, "user.User", "roleNames");
	}

	@Test
	void leaderboardSnapshotJobRunsInItsOwnScopeWithinItsBudget() throws Exception {
		ScopeReport report = this.reports.of("LeaderboardSnapshotJob#snapshotLiveTournaments",
				this.snapshotJob::snapshotLiveTournaments);
		assertThat(report.kind()).isEqualTo(ScopeKind.JOB);
		assertThat(report.budget().maxStatements()).isEqualTo(4);
		assertWithin(report, 3);
		assertThat(report.batchCount()).isEqualTo(1);
		assertThat(report.batchedStatementCount()).isEqualTo(24);
	}

	private ScopeReport request(String scope, org.springframework.test.web.servlet.RequestBuilder request)
			throws Exception {
		return this.reports.of(scope, () -> this.mvc.perform(request).andExpect(status().isOk()));
	}

	private String login(String username) throws Exception {
		ResultActions login = this.mvc.perform(post("/auth/login").header("X-User", username))
			.andExpect(status().isOk());
		return JsonPath.read(login.andReturn().getResponse().getContentAsString(), "$.refreshToken");
	}

	private static org.springframework.test.web.servlet.RequestBuilder refresh(String path, String refreshToken) {
		return post(path).contentType(MediaType.APPLICATION_JSON)
			.content("{\"refreshToken\":\"" + refreshToken + "\"}");
	}

	private static org.springframework.test.web.servlet.RequestBuilder savePrivacy(String path, String username) {
		return put(path).header("X-User", username)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"showGamePassports\":false,\"showFollowers\":true}");
	}

	private static void assertBroken(ScopeReport report, long statements, int budget) {
		assertThat(report.statementCount()).as(report.format()).isEqualTo(statements);
		assertThat(report.budget().maxStatements()).isEqualTo(budget);
		assertThat(report.verdict()).isEqualTo(Verdict.OVER);
		assertThat(report.violations())
			.contains(new BudgetViolation(ViolationKind.STATEMENTS, budget, statements, Verdict.OVER));
	}

	private static void assertWithin(ScopeReport report, long statements) {
		assertThat(report.statementCount()).as(report.format()).isEqualTo(statements);
		assertThat(report.verdict()).isEqualTo(Verdict.WITHIN);
		assertThat(report.violations()).isEmpty();
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
