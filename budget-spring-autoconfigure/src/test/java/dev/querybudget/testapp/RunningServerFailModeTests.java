package dev.querybudget.testapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fail and fail-fast modes on a running Tomcat: the client gets a 500 problem detail.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class RunningServerFailModeTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

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
