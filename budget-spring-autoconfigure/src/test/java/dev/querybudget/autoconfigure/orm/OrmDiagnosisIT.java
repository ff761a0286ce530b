package dev.querybudget.autoconfigure.orm;

import dev.querybudget.Budget;
import dev.querybudget.EnforcementMode;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.StatementOrigin;
import dev.querybudget.testapp.CapturedReports;
import dev.querybudget.testapp.OwnerRepository;
import dev.querybudget.testapp.TestApplication;
import dev.querybudget.testing.TestDatabase;
import dev.querybudget.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The starter's diagnosis over real PostgreSQL: the Hibernate integrator and the
 * repository origins are wired without any configuration, and a request's report names
 * the association or repository method behind its N+1, its call site and the fix.
 */
@SpringBootTest(classes = TestApplication.class)
@AutoConfigureMockMvc
class OrmDiagnosisIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	CapturedReports reports;

	@Autowired
	QueryBudgetTracker tracker;

	@Autowired
	OwnerRepository owners;

	@DynamicPropertySource
	static void postgresql(DynamicPropertyRegistry registry) {
		TestDatabase database = TestDatabases.postgresql();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

	@BeforeEach
	void clearReports() {
		this.reports.clear();
	}

	@Test
	void requestReportNamesTheLazyCollectionItsCallSiteAndTheFix() throws Exception {
		this.mvc.perform(get("/owners/pets")).andExpect(status().isOk());
		ScopeReport report = this.reports.only("GET /owners/pets");
		assertThat(report.nPlusOneSuspects()).singleElement()
			.satisfies((suspect) -> assertThat(suspect.nPlusOneOrigin())
				.isEqualTo(StatementOrigin.collection("Owner.pets", false)));
		assertThat(report.format())
			.contains("    at dev.querybudget.testapp.OwnerService.petNamesOneByOne(OwnerService.java:")
			.contains("    cause: lazy collection Owner.pets initialised once per Owner\n"
					+ "    fix: fetch Owner.pets with the Owner entities: JOIN FETCH o.pets in the query that loaded "
					+ "them, @EntityGraph(attributePaths = \"pets\") on the repository method, or "
					+ "@BatchSize(size = ...) on Owner.pets / hibernate.default_batch_fetch_size")
			.doesNotContain("owner-1");
	}

	@Test
	void repositoryMethodCalledOncePerKeyIsNamed() {
		ScopeReport report;
		try (QueryScope scope = this.tracker.open(ScopeKind.TEST, "exists loop", Budget.unlimited(),
				EnforcementMode.RECORD)) {
			for (long id = 1; id <= 3; id++) {
				this.owners.existsById(id);
			}
			report = scope.report();
		}
		assertThat(report.nPlusOneSuspects()).singleElement()
			.satisfies((suspect) -> assertThat(suspect.nPlusOneOrigin())
				.isEqualTo(StatementOrigin.query("OwnerRepository.existsById")));
		assertThat(report.format()).contains("    cause: query method OwnerRepository.existsById called once per key\n"
				+ "    fix: consolidate the counts into one aggregate: SELECT the key, COUNT(*) FROM qb_owner GROUP BY "
				+ "the key, instead of one COUNT per key");
	}

}
