package dev.querybudget.testapp;

import dev.querybudget.QueryBudget;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints the Prometheus integration test drives: one far over its critical level, one
 * slow in the database (PostgreSQL's {@code pg_sleep}), one well within its budget.
 */
@RestController
public class ReportController {

	private final JdbcTemplate jdbc;

	public ReportController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/reports/{id}")
	@QueryBudget(max = 20, critical = 40)
	public int report(@PathVariable int id) {
		int total = 0;
		for (int row = 0; row < 120; row++) {
			Integer value = this.jdbc.queryForObject("select ? + 0", Integer.class, id + row);
			total += (value != null) ? value : 0;
		}
		return total;
	}

	@GetMapping("/reports/slow")
	@QueryBudget(max = 5, critical = 10)
	public String slow() {
		return this.jdbc.queryForObject("select cast(pg_sleep(0.15) as text)", String.class);
	}

	@GetMapping("/reports/summary")
	@QueryBudget(max = 5, critical = 10)
	public int summary() {
		Integer value = this.jdbc.queryForObject("select 1", Integer.class);
		return (value != null) ? value : 0;
	}

}
