package dev.querybudget.test.app;

import java.util.List;

import dev.querybudget.QueryBudget;
import dev.querybudget.QueryBudgetExceededException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AuthorController {

	private final AuthorService service;

	public AuthorController(AuthorService service) {
		this.service = service;
	}

	@GetMapping("/authors/titles")
	@QueryBudget(max = 3)
	public List<String> titles() {
		return this.service.titlesOneByOne();
	}

	@GetMapping("/authors/titles/fetched")
	@QueryBudget(max = 3)
	public List<String> titlesFetched() {
		return this.service.titlesJoinFetched();
	}

	/**
	 * Swallows the method scope's budget failure: the response is fine, the breach
	 * happened anyway.
	 */
	@GetMapping("/authors/titles/swallowed")
	public List<String> titlesSwallowed() {
		try {
			return this.service.titlesUnderMethodBudget();
		}
		catch (QueryBudgetExceededException ex) {
			return List.of();
		}
	}

}
