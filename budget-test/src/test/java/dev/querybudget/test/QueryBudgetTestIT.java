package dev.querybudget.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import dev.querybudget.QueryBudget;
import dev.querybudget.QueryBudgetExceededException;
import dev.querybudget.test.app.LibraryApplication;
import dev.querybudget.test.app.LibraryData;
import dev.querybudget.test.app.LibraryJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link QueryBudgetTest @QueryBudgetTest} over real PostgreSQL: each case is a test
 * class run on the Jupiter engine, so that a failing case can be asserted.
 */
class QueryBudgetTestIT {

	@Test
	void breachSwallowedInsideAMockMvcRequestFailsTheTestWithTheReport() {
		Throwable failure = EngineRuns.failureOf(SwallowedBreachInMockMvcRequest.class);
		assertThat(failure).isInstanceOf(AssertionError.class)
			.hasMessageContaining("1 scope broke the query budget during "
					+ "'SwallowedBreachInMockMvcRequest#responseIsFineButTheServiceBrokeItsBudget':")
			.hasMessageContaining(
					"Scope 'AuthorService#titlesUnderMethodBudget' executed 4 statements, budget is 2: OVER")
			.hasMessageContaining("N+1 suspect: 3 executions of [select")
			.hasMessageContaining("at dev.querybudget.test.app.AuthorService.titles(AuthorService.java:");
	}

	@Test
	void breachesInsideRealHttpRequestsFailTheTestsWithTheReports() {
		assertThat(EngineRuns.failuresOf(BreachesInRealHttpRequests.class)).hasSize(2)
			.anySatisfy((failure) -> assertThat(failure)
				.hasMessageContaining("during 'BreachesInRealHttpRequests#smokeTestThatIgnoresTheStatus'")
				.hasMessageContaining("Scope 'GET /authors/titles' executed 4 statements, budget is 3: OVER"))
			.anySatisfy((failure) -> assertThat(failure)
				.hasMessageContaining("during 'BreachesInRealHttpRequests#responseIsFineButTheServiceBrokeItsBudget'")
				.hasMessageContaining("Scope 'AuthorService#titlesUnderMethodBudget' executed 4 statements"));
	}

	@Test
	void breachOfAJobWhoseSchedulerSwallowsTheFailureFailsTheTestWithTheReport() {
		assertThat(EngineRuns.failureOf(SwallowedBreachInAJob.class))
			.hasMessageContaining("1 scope broke the query budget during 'SwallowedBreachInAJob#jobRunOnAnotherThread'")
			.hasMessageContaining("Scope 'LibraryJob#refreshTitles' executed 4 statements, budget is 2: OVER");
	}

	@Test
	void fixedEndpointsPassOverMockMvcAndARealServer() {
		EngineRuns.assertPasses(FixedEndpointOverMockMvc.class);
		EngineRuns.assertPasses(FixedEndpointOverRealHttp.class);
	}

	@Test
	void breachInABeforeEachFixtureDoesNotCountByDefault() {
		EngineRuns.assertPasses(BreachInFixture.class);
	}

	@Test
	void breachInABeforeEachFixtureCountsWhenFixturesAreIncluded() {
		assertThat(EngineRuns.failureOf(BreachInIncludedFixture.class))
			.hasMessageContaining("1 scope broke the query budget during 'BreachInIncludedFixture#testItself'")
			.hasMessageContaining("Scope 'AuthorService#titlesUnderMethodBudget' executed 4 statements");
	}

	@Test
	void queryBudgetOnATestMethodFailsTheTestWhenItsStatementsBreakIt() {
		assertThat(EngineRuns.failureOf(TestMethodOverItsBudget.class)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("Test 'TestMethodOverItsBudget#titlesOneByOne' broke its @QueryBudget:")
			.hasMessageContaining(
					"Scope 'TestMethodOverItsBudget#titlesOneByOne' executed 4 statements, budget is 2: OVER")
			.hasMessageContaining("statements by shape:\n  3 x [select");
	}

	abstract static class MockMvcCase extends LibraryTestBase {

		@BeforeEach
		void threeAuthorsWithTwoBooksEach() {
			this.data.seed(3, 2);
		}

	}

	@SpringBootTest(classes = LibraryApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
	@QueryBudgetTest
	abstract static class RealServerCase {

		private static final HttpClient client = HttpClient.newHttpClient();

		@LocalServerPort
		int port;

		@Autowired
		LibraryData data;

		@BeforeEach
		void threeAuthorsWithTwoBooksEach() {
			this.data.seed(3, 2);
		}

		HttpResponse<String> get(String path) throws Exception {
			return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

	}

	static class SwallowedBreachInMockMvcRequest extends MockMvcCase {

		@Test
		void responseIsFineButTheServiceBrokeItsBudget() throws Exception {
			this.mvc.perform(get("/authors/titles/swallowed")).andExpect(status().isOk());
		}

	}

	static class SwallowedBreachInAJob extends MockMvcCase {

		@Autowired
		LibraryJob job;

		@Test
		void jobRunOnAnotherThread() {
			// As a scheduler does, the failure is handled away from the test
			CompletableFuture.runAsync(this.job::refreshTitles).exceptionally((ex) -> null).join();
		}

	}

	static class FixedEndpointOverMockMvc extends MockMvcCase {

		@Test
		void joinFetchedTitlesStayWithinTheEndpointBudget() throws Exception {
			this.mvc.perform(get("/authors/titles/fetched")).andExpect(status().isOk());
		}

	}

	static class BreachesInRealHttpRequests extends RealServerCase {

		@Test
		void smokeTestThatIgnoresTheStatus() throws Exception {
			assertThat(get("/authors/titles").body()).isNotEmpty();
		}

		@Test
		void responseIsFineButTheServiceBrokeItsBudget() throws Exception {
			assertThat(get("/authors/titles/swallowed").statusCode()).isEqualTo(200);
		}

	}

	static class FixedEndpointOverRealHttp extends RealServerCase {

		@Test
		void joinFetchedTitlesStayWithinTheEndpointBudget() throws Exception {
			assertThat(get("/authors/titles/fetched").statusCode()).isEqualTo(200);
		}

	}

	static class BreachInFixture extends MockMvcCase {

		@BeforeEach
		void fixtureThatBreaksAMethodBudget() {
			try {
				this.service.titlesUnderMethodBudget();
			}
			catch (QueryBudgetExceededException ex) {
				// Swallowed: only the extension can see it
			}
		}

		@Test
		void testItself() {
			assertThat(this.service.titlesJoinFetched()).hasSize(6);
		}

	}

	@QueryBudgetTest(includeFixtures = true)
	static class BreachInIncludedFixture extends BreachInFixture {

	}

	static class TestMethodOverItsBudget extends MockMvcCase {

		@Test
		@QueryBudget(max = 2)
		void titlesOneByOne() {
			this.service.titlesOneByOne();
		}

	}

}
