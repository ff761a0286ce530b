package dev.querybudget.sample.tournament;

import dev.querybudget.QueryBudget;
import dev.querybudget.sample.ItemsPage;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registration list, tournament discovery and the organiser dashboard, each under
 * {@code /naive} as the audit found it and under {@code /fixed} as the audit fixed it.
 * The budgets are the audit's targets after the fix.
 */
@RestController
class TournamentController {

	private final TournamentService service;

	TournamentController(TournamentService service) {
		this.service = service;
	}

	@GetMapping("/naive/registrations")
	@QueryBudget(max = 2)
	ItemsPage<RegistrationView> registrationsNaive(@RequestParam(defaultValue = "0") int page) {
		return this.service.registrationsOneByOne(page);
	}

	@GetMapping("/fixed/registrations")
	@QueryBudget(max = 2)
	ItemsPage<RegistrationView> registrations(@RequestParam(defaultValue = "0") int page) {
		return this.service.registrations(page);
	}

	@GetMapping("/naive/tournaments")
	@QueryBudget(max = 2)
	ItemsPage<TournamentView> tournamentsNaive(@RequestParam(defaultValue = "0") int page) {
		return this.service.tournamentsOneByOne(page);
	}

	@GetMapping("/fixed/tournaments")
	@QueryBudget(max = 2)
	ItemsPage<TournamentView> tournaments(@RequestParam(defaultValue = "0") int page) {
		return this.service.tournaments(page);
	}

	@GetMapping("/naive/organizers/{username}/dashboard")
	@QueryBudget(max = 4)
	DashboardStats dashboardNaive(@PathVariable String username) {
		return this.service.dashboardCountByCount(username);
	}

	@GetMapping("/fixed/organizers/{username}/dashboard")
	@QueryBudget(max = 4)
	DashboardStats dashboard(@PathVariable String username) {
		return this.service.dashboard(username);
	}

}
