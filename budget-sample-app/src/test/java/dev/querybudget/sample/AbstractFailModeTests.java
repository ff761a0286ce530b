package dev.querybudget.sample;

import dev.querybudget.test.QueryBudgetTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static dev.querybudget.sample.SampleRequests.authProfile;
import static dev.querybudget.sample.SampleRequests.privacySave;
import static dev.querybudget.sample.SampleRequests.profilePage;
import static dev.querybudget.sample.SampleRequests.tokenRefresh;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audited endpoints of one variant, {@code naive} or {@code fixed}, as plain MockMvc
 * tests that expect a 200 and say nothing about queries, in a
 * {@link QueryBudgetTest @QueryBudgetTest}: every request runs in fail mode, and a test
 * whose request breaks its budget fails with the report. On H2, in a database of its own,
 * because the application context of {@link H2SampleTests} stays cached, with its own
 * in-memory database, next to this one.
 */
@SpringBootTest(properties = { "sample.leaderboard-snapshot.initial-delay=PT1H",
		"spring.datasource.url=jdbc:h2:mem:sample-fail-mode;DB_CLOSE_DELAY=-1" })
@AutoConfigureMockMvc
@QueryBudgetTest
abstract class AbstractFailModeTests {

	@Autowired
	MockMvc mvc;

	private final String variant;

	private final String player;

	/**
	 * Tests of one variant.
	 * @param variant {@code naive} or {@code fixed}
	 * @param player the player whose token is refreshed and whose settings are saved, one
	 * per variant, so that one variant's save does not change what the other's finds
	 */
	AbstractFailModeTests(String variant, String player) {
		this.variant = variant;
		this.player = player;
	}

	@Test
	void profilePageAnswersWithinItsBudget() throws Exception {
		answers(profilePage(this.variant));
	}

	@Test
	void registrationListAnswersWithinItsBudget() throws Exception {
		answers(get("/" + this.variant + "/registrations"));
	}

	@Test
	void tournamentDiscoveryAnswersWithinItsBudget() throws Exception {
		answers(get("/" + this.variant + "/tournaments"));
	}

	@Test
	void leaderboardAnswersWithinItsBudget() throws Exception {
		answers(get("/" + this.variant + "/leaderboards/valorant"));
	}

	@Test
	void dashboardAnswersWithinItsBudget() throws Exception {
		answers(get("/" + this.variant + "/organizers/org01/dashboard"));
	}

	@Test
	void authProfileAnswersWithinItsBudget() throws Exception {
		answers(authProfile(this.variant));
	}

	@Test
	void tokenRefreshAnswersWithinItsBudget() throws Exception {
		answers(tokenRefresh(this.mvc, this.variant, this.player));
	}

	@Test
	void privacySaveAnswersWithinItsBudget() throws Exception {
		answers(privacySave(this.variant, this.player));
	}

	void answers(RequestBuilder request) throws Exception {
		this.mvc.perform(request).andExpect(status().isOk());
	}

}
