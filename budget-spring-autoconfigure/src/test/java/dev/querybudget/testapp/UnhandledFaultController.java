package dev.querybudget.testapp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A handler whose database exception nobody handles: it leaves the dispatcher, passes
 * Query Budget's filter on its way out, and the container renders the error page.
 */
@RestController
public class UnhandledFaultController {

	private final JdbcTemplate jdbc;

	public UnhandledFaultController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/faults/unhandled/syntax")
	public Long syntax() {
		return this.jdbc.queryForObject("selec count(*) from qb_owner", Long.class);
	}

}
