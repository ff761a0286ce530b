package dev.querybudget.testapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.querybudget.autoconfigure.metrics.QueryBudgetMeters;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fail and fail-fast modes on a running Tomcat: the client gets a 500 problem detail.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class RunningServerFailModeTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry registry;

	@Test
	void failModeAnswersWithAProblemDetail() throws Exception {
		HttpResponse<String> response = get("/owners/pets/strict");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Query budget exceeded\","
				+ "\"status\":500,\"detail\":\"Scope 'GET /owners/pets/strict' executed 4 statements and broke its"
				+ " query budget: OVER\",\"instance\":\"/owners/pets/strict\"}");
	}

	@Test
	void failFastModeAnswersWithAProblemDetail() throws Exception {
		HttpResponse<String> response = get("/owners/pets/fail-fast");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("\"title\":\"Query budget exceeded\"")
			.contains("Scope 'GET /owners/pets/fail-fast' executed 2 statements");
	}

	@Test
	void asyncRequestThatTimesOutAfterBreakingItsBudgetKeepsItsTimeoutAnswerAndRecordsIt(CapturedOutput output)
			throws Exception {
		HttpResponse<String> response = get("/async/timeout/strict");
		assertThat(response.statusCode()).isEqualTo(503);
		DistributionSummary statements = this.registry.find(QueryBudgetMeters.STATEMENTS.getName())
			.tag("uri", "/async/timeout/strict")
			.summary();
		assertThat(statements).isNotNull();
		assertThat(statements.getId().getTag("status")).isEqualTo("503");
		assertThat(output.getOut()).containsOnlyOnce("Request GET /async/timeout/strict broke its query budget"
				+ " before its asynchronous processing timed out; the response could not be failed");
	}

	@Test
	void requestWithinBudgetIsUntouched() throws Exception {
		HttpResponse<String> response = get("/owners/1");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("owner-1");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
