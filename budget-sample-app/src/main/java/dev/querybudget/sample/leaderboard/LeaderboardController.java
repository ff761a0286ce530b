package dev.querybudget.sample.leaderboard;

import dev.querybudget.QueryBudget;
import dev.querybudget.sample.ItemsPage;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The leaderboard of a game, as the audit found it and as the audit fixed it.
 */
@RestController
class LeaderboardController {

	private final LeaderboardService service;

	LeaderboardController(LeaderboardService service) {
		this.service = service;
	}

	@GetMapping("/naive/leaderboards/{game}")
	@QueryBudget(max = 2)
	ItemsPage<LeaderboardView> leaderboardNaive(@PathVariable String game, @RequestParam(defaultValue = "0") int page) {
		return this.service.leaderboardOneByOne(game, page);
	}

	@GetMapping("/fixed/leaderboards/{game}")
	@QueryBudget(max = 2)
	ItemsPage<LeaderboardView> leaderboard(@PathVariable String game, @RequestParam(defaultValue = "0") int page) {
		return this.service.leaderboard(game, page);
	}

}
