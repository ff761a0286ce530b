package dev.querybudget.sample;

import dev.querybudget.sample.leaderboard.LeaderboardSnapshotJob;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every fixed endpoint, the admin list and the snapshot job pass a
 * {@link dev.querybudget.test.QueryBudgetTest @QueryBudgetTest}: in fail mode, each stays
 * within its budget. {@link NaiveEndpointsFailModeTests} runs the same tests on the naive
 * endpoints.
 */
class FixedEndpointsFailModeTests extends AbstractFailModeTests {

	@Autowired
	private LeaderboardSnapshotJob snapshotJob;

	FixedEndpointsFailModeTests() {
		super("fixed", "player06");
	}

	@Test
	void adminListAnswersWithinItsPropertyBudgetDespiteItsNPlusOne() throws Exception {
		answers(get("/admin/users"));
	}

	@Test
	void leaderboardSnapshotJobRunsWithinItsBudget() {
		this.snapshotJob.snapshotLiveTournaments();
	}

}
