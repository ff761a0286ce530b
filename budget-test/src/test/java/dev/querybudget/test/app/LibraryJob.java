package dev.querybudget.test.app;

import dev.querybudget.QueryBudget;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A scheduled job that runs the N+1 under a budget it breaks; the tests trigger it.
 */
@Component
public class LibraryJob {

	private final AuthorService service;

	public LibraryJob(AuthorService service) {
		this.service = service;
	}

	@Scheduled(cron = "-")
	@QueryBudget(max = 2)
	public void refreshTitles() {
		this.service.titlesOneByOne();
	}

}
