package dev.querybudget.testapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Request meters on a running Tomcat: tagged by URI template, HTTP method and status,
 * whatever raw paths and methods clients send.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class RequestMetricsTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry registry;

	@Test
	void requestIsTaggedByUriTemplateMethodAndStatus() throws Exception {
		double before = statementsCount("/owners/{id}", "200");
		assertThat(send("GET", "/owners/2").statusCode()).isEqualTo(200);
		// The filter closes the scope once the response is complete: the client may see
		// it first
		await().untilAsserted(() -> assertThat(statementsCount("/owners/{id}", "200")).isEqualTo(before + 1));
		assertThat(this.registry.get("query.budget.scope.statements")
			.tag("kind", "request")
			.tag("scope", "GET /owners/{id}")
			.tag("method", "GET")
			.tag("uri", "/owners/{id}")
			.tag("status", "200")
			.tag("outcome", "SUCCESS")
			.summary()
			.max()).isEqualTo(1);
		assertThat(this.registry.get("query.budget.scope.limit")
			.tag("uri", "/owners/{id}")
			.tag("level", "max")
			.gauge()
			.value()).isEqualTo(2);
	}

	@Test
	void failModeBreachIsTaggedWithTheStatusTheClientGets() throws Exception {
		double before = statementsCount("/owners/pets/strict", "500");
		assertThat(send("GET", "/owners/pets/strict").statusCode()).isEqualTo(500);
		await().untilAsserted(() -> assertThat(statementsCount("/owners/pets/strict", "500")).isEqualTo(before + 1));
		assertThat(statementsCount("/owners/pets/strict", "200")).isZero();
		assertThat(this.registry.get("query.budget.violations")
			.tag("uri", "/owners/pets/strict")
			.tag("status", "500")
			.tag("outcome", "SERVER_ERROR")
			.tag("level", "over")
			.tag("rule", "statements")
			.counter()
			.count()).isEqualTo(before + 1);
	}

	@Test
	void thousandsOfDistinctRawPathsAndMethodsKeepTagValuesFew() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
		for (int i = 0; i < 3200; i++) {
			String method = (i < 3000) ? "GET" : "VERB" + i;
			String path = ((i % 2 == 0) ? "/owners/" : "/no-such-page/") + (1000 + i);
			batch.add(this.client.sendAsync(request(method, path), HttpResponse.BodyHandlers.ofString()));
			if (batch.size() == 32) {
				CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
				batch.clear();
			}
		}
		CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
		Set<String> uris = tagValues("uri");
		Set<String> scopes = tagValues("scope");
		Set<String> methods = tagValues("method");
		assertThat(uris).contains("/owners/{id}").hasSizeLessThan(25).noneMatch((uri) -> uri.matches(".*\\d{4}.*"));
		assertThat(scopes).hasSizeLessThan(30).noneMatch((scope) -> scope.matches(".*\\d{4}.*"));
		assertThat(methods).doesNotContain("VERB3007").hasSizeLessThan(5);
		assertThat(this.registry.find("query.budget.scope.statements").meters()).hasSizeLessThan(40);
	}

	private double statementsCount(String uri, String status) {
		return this.registry.find("query.budget.scope.statements")
			.tag("uri", uri)
			.tag("status", status)
			.summaries()
			.stream()
			.mapToDouble((summary) -> summary.count())
			.sum();
	}

	private Set<String> tagValues(String key) {
		Set<String> values = new TreeSet<>();
		for (Meter meter : this.registry.getMeters()) {
			if (meter.getId().getName().startsWith("query.budget.")) {
				String value = meter.getId().getTag(key);
				if (value != null) {
					values.add(value);
				}
			}
		}
		return values;
	}

	private HttpResponse<String> send(String method, String path) throws Exception {
		return this.client.send(request(method, path), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String method, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
	}

}
