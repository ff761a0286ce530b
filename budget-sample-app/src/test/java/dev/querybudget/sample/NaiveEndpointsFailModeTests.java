package dev.querybudget.sample;

import java.util.List;

import dev.querybudget.QueryBudgetExceededException;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * The tests that {@link FixedEndpointsFailModeTests} passes fail on the naive endpoints,
 * each with the report of its request: the statement count against the budget, the N+1
 * shapes and duplicates, and the line of the sample that ran them. Each test here runs
 * one test of {@link NaiveEndpoints} on the Jupiter engine, as a build would, and asserts
 * its failure.
 */
class NaiveEndpointsFailModeTests {

	private static final String USER_BY_ID = "select u1_0.id, u1_0.active, u1_0.email, u1_0.joined_at, "
			+ "u1_0.subscription_id, u1_0.username from users u1_0 where u1_0.id = ?";

	private static final String TOURNAMENT_BY_ID = "select t1_0.id, t1_0.deleted, t1_0.game_id, t1_0.name, "
			+ "t1_0.organizer_id, t1_0.starts_at, t1_0.status from tournaments t1_0 where t1_0.id = ?";

	private static final String GAME_BY_ID = "select g1_0.id, g1_0.name, g1_0.slug from games g1_0 where g1_0.id = ?";

	@Test
	void profilePageFailsWithItsNPlusOnesAndRepeatedLookups() {
		assertThat(failureOf("profilePageAnswersWithinItsBudget"))
			.hasMessageContaining(
					"Scope 'GET /naive/profiles/{username}' executed 23 statements, budget is 20 (critical 25): OVER")
			.hasMessageContaining(nPlusOne(7, GAME_BY_ID))
			.hasMessageContaining(
					nPlusOne(7, "select t1_0.id, t1_0.game_id, t1_0.name from teams t1_0 where t1_0.id = ?"))
			.hasMessageContaining("at dev.querybudget.sample.profile.PassportView.of(PassportView.java:")
			.hasMessageContaining("duplicate: 2 executions of [select u1_0.id, u1_0.active, u1_0.email, "
					+ "u1_0.joined_at, u1_0.subscription_id, u1_0.username from users u1_0 where u1_0.username = ?] "
					+ "with 1 exact duplicate")
			.hasMessageContaining(
					"at dev.querybudget.sample.profile.ProfileContextBuilder.build(ProfileContextBuilder.java:");
	}

	@Test
	void registrationListFailsWithThreeNPlusOnesInItsView() {
		assertThat(failureOf("registrationListAnswersWithinItsBudget"))
			.hasMessageContaining("Scope 'GET /naive/registrations' executed 62 statements, budget is 2: OVER")
			.hasMessageContaining(nPlusOne(20, TOURNAMENT_BY_ID))
			.hasMessageContaining(nPlusOne(20, USER_BY_ID))
			.hasMessageContaining(nPlusOne(20,
					"select pv1_0.id, pv1_0.method, pv1_0.status from payment_verifications pv1_0 where pv1_0.id = ?"))
			.hasMessageContaining("at dev.querybudget.sample.tournament.RegistrationView.of(RegistrationView.java:");
	}

	@Test
	void tournamentDiscoveryFailsWithTwoNPlusOnesInItsView() {
		assertThat(failureOf("tournamentDiscoveryAnswersWithinItsBudget"))
			.hasMessageContaining("Scope 'GET /naive/tournaments' executed 42 statements, budget is 2: OVER")
			.hasMessageContaining(nPlusOne(20, GAME_BY_ID))
			.hasMessageContaining(nPlusOne(20, USER_BY_ID))
			.hasMessageContaining("at dev.querybudget.sample.tournament.TournamentView.of(TournamentView.java:");
	}

	@Test
	void leaderboardFailsWithAnNPlusOneOverItsPlayers() {
		assertThat(failureOf("leaderboardAnswersWithinItsBudget"))
			.hasMessageContaining("Scope 'GET /naive/leaderboards/{game}' executed 22 statements, budget is 2: OVER")
			.hasMessageContaining(nPlusOne(20, USER_BY_ID))
			.hasMessageContaining("at dev.querybudget.sample.leaderboard.LeaderboardView.of(LeaderboardView.java:");
	}

	@Test
	void dashboardFailsOnItsStatementCount() {
		assertThat(failureOf("dashboardAnswersWithinItsBudget"))
			.hasMessageContaining(
					"Scope 'GET /naive/organizers/{username}/dashboard' executed 6 statements, budget is 4: OVER")
			.hasMessageContaining("violated: statements 6 > 4 (OVER)");
	}

	@Test
	void authProfileFailsOnItsStatementCount() {
		assertThat(failureOf("authProfileAnswersWithinItsBudget"))
			.hasMessageContaining("Scope 'GET /naive/auth/profile' executed 4 statements, budget is 2: OVER")
			.hasMessageContaining("violated: statements 4 > 2 (OVER)");
	}

	@Test
	void tokenRefreshFailsOnItsCountAndItsExactDuplicates() {
		assertThat(failureOf("tokenRefreshAnswersWithinItsBudget"))
			.hasMessageContaining("Scope 'POST /naive/auth/token/refresh' executed 3 statements, budget is 1: OVER")
			.hasMessageContaining("violated: exact duplicates 2 > 0 (OVER)")
			.hasMessageContaining("duplicate: 3 executions of [" + USER_BY_ID + "] with 2 exact duplicates")
			.hasMessageContaining("at dev.querybudget.sample.auth.TokenService.activeUser(TokenService.java:");
	}

	@Test
	void privacySaveFailsWithTheSelectItsMergeRepeats() {
		assertThat(failureOf("privacySaveAnswersWithinItsBudget"))
			.hasMessageContaining("Scope 'PUT /naive/settings/privacy' executed 6 statements, budget is 5: OVER")
			.hasMessageContaining("4 SELECT, 1 INSERT, 1 UPDATE")
			.hasMessageContaining("duplicate: 2 executions of [select ps1_0.id, ps1_0.show_followers, "
					+ "ps1_0.show_game_passports, ps1_0.updated_at from privacy_settings ps1_0 where ps1_0.id = ?] "
					+ "with 1 exact duplicate")
			.hasMessageContaining(
					"at dev.querybudget.sample.settings.SettingsService.saveDetached(SettingsService.java:");
	}

	private static String nPlusOne(int executions, String shape) {
		return "N+1 suspect: " + executions + " executions of [" + shape + "] with " + executions
				+ " distinct parameter sets";
	}

	/**
	 * Runs one test of {@link NaiveEndpoints} and returns its failure: in the fail mode
	 * that {@code @QueryBudgetTest} sets, MockMvc throws the request's
	 * {@link QueryBudgetExceededException}, and the extension adds its own failure for
	 * the scope that broke its budget.
	 */
	private static Throwable failureOf(String testMethod) {
		Events tests = EngineTestKit.engine("junit-jupiter")
			.selectors(selectMethod(NaiveEndpoints.class, testMethod))
			.execute()
			.testEvents();
		List<Throwable> failures = tests.failed()
			.stream()
			.map((event) -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
			.toList();
		assertThat(tests.succeeded().count()).as("passed tests named %s", testMethod).isZero();
		assertThat(failures).as("failures of %s", testMethod).hasSize(1);
		Throwable failure = failures.get(0);
		assertThat(failure).isInstanceOf(QueryBudgetExceededException.class);
		assertThat(failure.getSuppressed()).singleElement()
			.isInstanceOf(AssertionError.class)
			.extracting(Throwable::getMessage)
			.asString()
			.contains("1 scope broke the query budget during 'NaiveEndpoints#" + testMethod + "'");
		return failure;
	}

	/**
	 * The tests of {@link FixedEndpointsFailModeTests} on the naive endpoints.
	 */
	static class NaiveEndpoints extends AbstractFailModeTests {

		NaiveEndpoints() {
			super("naive", "player05");
		}

	}

}
