package dev.querybudget.sample.admin;

import dev.querybudget.sample.ItemsPage;
import dev.querybudget.sample.user.UserRepository;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An admin changelist, like those of a generated admin panel: nobody annotates it, so its
 * budget comes from {@code query-budget.endpoints[GET /admin/**]} in
 * {@code application.properties} (the audit's 50, critical above 100). Loading the roles
 * of each user is an N+1 that this budget tolerates, and the report still names it.
 */
@RestController
class AdminController {

	private final UserRepository users;

	AdminController(UserRepository users) {
		this.users = users;
	}

	@GetMapping("/admin/users")
	@Transactional(readOnly = true)
	public ItemsPage<UserRow> users(@RequestParam(defaultValue = "0") int page) {
		return ItemsPage.of(this.users.findAll(PageRequest.of(page, ItemsPage.SIZE, Sort.by("id"))), UserRow::of);
	}

}
