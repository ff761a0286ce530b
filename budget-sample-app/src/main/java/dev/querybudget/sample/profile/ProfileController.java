package dev.querybudget.sample.profile;

import dev.querybudget.QueryBudget;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public profile page, with the audit's budget: at most 20 statements, critical above
 * 25.
 */
@RestController
class ProfileController {

	private final ProfileService service;

	ProfileController(ProfileService service) {
		this.service = service;
	}

	@GetMapping("/naive/profiles/{username}")
	@QueryBudget(max = 20, critical = 25)
	ProfilePage profileNaive(@PathVariable String username, @RequestParam(required = false) @Nullable String viewer) {
		return this.service.pageAsAudited(username, viewer);
	}

	@GetMapping("/fixed/profiles/{username}")
	@QueryBudget(max = 20, critical = 25)
	ProfilePage profile(@PathVariable String username, @RequestParam(required = false) @Nullable String viewer) {
		return this.service.page(username, viewer);
	}

}
