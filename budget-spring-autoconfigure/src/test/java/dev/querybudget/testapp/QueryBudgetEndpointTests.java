package dev.querybudget.testapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON of the {@code querybudget} endpoint on a running server: known scopes with
 * their budgets and sources, figures since start, breaches and N+1 shapes without
 * literals.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=querybudget")
class QueryBudgetEndpointTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	NightlyJob job;

	@Test
	void listsEveryKnownScopeWithItsBudgetAndWhereItCameFrom() throws Exception {
		DocumentContext json = JsonPath.parse(get("/actuator/querybudget").body());
		assertThat(json.<List<Integer>>read("$.scopes[?(@.name == 'GET /owners/{id}')].budget.max")).containsExactly(2);
		assertThat(json.<List<String>>read("$.scopes[?(@.name == 'GET /owners/{id}')].source"))
			.containsExactly("ANNOTATION");
		assertThat(json.<List<String>>read("$.scopes[?(@.name == 'GET /owners/{id}')].origin"))
			.containsExactly("dev.querybudget.testapp.OwnerController#owner");
		assertThat(json.<List<String>>read("$.scopes[?(@.name == 'GET /admin/owners/count')].source"))
			.containsExactly("PROPERTY");
		assertThat(json.<List<Integer>>read("$.scopes[?(@.name == 'GET /admin/owners/count')].budget.max"))
			.containsExactly(5);
		assertThat(json.<List<String>>read("$.scopes[?(@.name == 'GET /pets/count')].source"))
			.containsExactly("DEFAULT");
		assertThat(json.<List<String>>read("$.scopes[?(@.name == 'NightlyJob#run')].kind")).containsExactly("JOB");
		assertThat(json.<List<Integer>>read("$.scopes[?(@.name == 'NightlyJob#run')].budget.max")).containsExactly(1);
		assertThat(json.<List<String>>read("$.scopes[?(@.name == 'OwnerService#summary')].kind"))
			.containsExactly("METHOD");
	}

	@Test
	void showsFiguresBreachesAndNPlusOneShapesWithoutLiterals() throws Exception {
		assertThat(get("/owners/pets").statusCode()).isEqualTo(200);
		assertThat(get("/owners/pets").statusCode()).isEqualTo(200);
		this.job.run();
		DocumentContext json = JsonPath.parse(get("/actuator/querybudget").body());
		assertThat(json.<List<Integer>>read("$.scopes[?(@.name == 'GET /owners/pets')].observed.scopes"))
			.allSatisfy((scopes) -> assertThat(scopes).isGreaterThanOrEqualTo(2));
		assertThat(json.<List<Integer>>read("$.scopes[?(@.name == 'GET /owners/pets')].observed.p95"))
			.containsExactly(4);
		assertThat(json.<List<Integer>>read("$.scopes[?(@.name == 'GET /owners/pets')].observed.max"))
			.containsExactly(4);
		assertThat(json.<List<String>>read("$.recentBreaches[*].name")).contains("GET /owners/pets", "NightlyJob#run");
		assertThat(json.<List<String>>read("$.recentBreaches[?(@.name == 'NightlyJob#run')].violations[0].rule"))
			.contains("STATEMENTS");
		assertThat(json.<List<String>>read("$.nPlusOne[?(@.scope == 'GET /owners/pets')].fingerprint")).singleElement()
			.satisfies((sql) -> assertThat(sql).startsWith("select").endsWith("owner_id = ?"));
		assertThat(json.<List<String>>read("$.nPlusOne[?(@.scope == 'GET /owners/pets')].callSite")).singleElement()
			.satisfies((site) -> assertThat(site).contains("OwnerService"));
		assertThat(json.<List<String>>read("$.nPlusOne[?(@.scope == 'GET /owners/pets')].cause"))
			.containsExactly("COLLECTION Owner.pets");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
