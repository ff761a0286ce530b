package dev.querybudget.testapp;

import dev.querybudget.ScopeReport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The test application over H2: the fast variant of {@link PostgresqlRequestScopeIT},
 * plus the fault test.
 */
@SpringBootTest(classes = TestApplication.class)
@AutoConfigureMockMvc
class H2RequestScopeTests extends AbstractRequestScopeTests {

	@Test
	void engineFailureInsideTheListenerIsLoggedOnceAndTheRequestStillSucceeds(@Autowired JdbcTemplate jdbc,
			CapturedOutput output) throws Exception {
		jdbc.execute("create table if not exists qb_fault_probe (v java_object)");
		this.reports.clear();
		this.mvc.perform(get("/fault")).andExpect(status().isOk()).andExpect(content().string("6"));
		ScopeReport report = this.reports.only("GET /fault");
		assertThat(report.incomplete()).isTrue();
		assertThat(report.statementCount()).isZero();
		assertThat(jdbc.queryForObject("select count(*) from qb_fault_probe", Long.class)).isEqualTo(1);
		assertThat(output.getOut() + output.getErr()).containsOnlyOnce("stopped counting after an internal error")
			.contains("hashCode exploded");
	}

}
