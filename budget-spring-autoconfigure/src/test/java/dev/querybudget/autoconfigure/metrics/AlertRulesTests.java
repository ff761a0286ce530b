package dev.querybudget.autoconfigure.metrics;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules of {@code docs/prometheus} are valid and pass their promtool unit tests
 * (breaching endpoint fires after each rule's {@code for} duration, healthy one never).
 */
class AlertRulesTests {

	@Test
	void alertRulesAreValid() throws Exception {
		PrometheusBinaries.Result result = PrometheusBinaries
			.run(List.of("promtool", "check", "rules", "query-budget-alerts.yml"), PrometheusBinaries.RULES_DIRECTORY);
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: 4 rules found");
	}

	@Test
	void alertRulesPassTheirPromtoolUnitTests() throws Exception {
		PrometheusBinaries.Result result = PrometheusBinaries.run(
				List.of("promtool", "test", "rules", "query-budget-alerts.test.yml"),
				PrometheusBinaries.RULES_DIRECTORY);
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS");
	}

}
