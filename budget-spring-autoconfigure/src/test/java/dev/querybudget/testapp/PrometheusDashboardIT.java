package dev.querybudget.testapp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.jayway.jsonpath.JsonPath;
import dev.querybudget.autoconfigure.metrics.PrometheusBinaries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meters, the dashboard and the alert rules against a real Prometheus: the test
 * application runs on PostgreSQL and a random port, traffic hits a breaching, a slow and
 * a healthy endpoint while a Prometheus process scrapes {@code /actuator/prometheus}
 * every second with the alert rules of {@code docs/prometheus} loaded. Their {@code for}
 * durations (minutes) are shortened to seconds in the copy Prometheus loads: the
 * expressions are the ones of the file, and the promtool tests of {@code AlertRulesTests}
 * check the real durations on simulated time.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=prometheus,querybudget",
				"management.metrics.tags.application=query-budget-it" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusDashboardIT {

	private static final Duration PATIENCE = Duration.ofSeconds(120);

	private final HttpClient client = HttpClient.newHttpClient();

	private final AtomicBoolean driving = new AtomicBoolean(true);

	@LocalServerPort
	int port;

	@TempDir
	static Path directory;

	private Process prometheus;

	private Thread traffic;

	private String prometheusUrl;

	private long started;

	@DynamicPropertySource
	static void postgresql(DynamicPropertyRegistry registry) {
		PostgresqlProperties.register(registry);
	}

	@BeforeAll
	void startTrafficAndPrometheus() throws Exception {
		this.started = System.currentTimeMillis() / 1000;
		this.traffic = new Thread(this::driveTraffic, "query-budget-it-traffic");
		this.traffic.start();
		int prometheusPort = freePort();
		this.prometheusUrl = "http://127.0.0.1:" + prometheusPort;
		String rules = Files.readString(PrometheusBinaries.RULES_DIRECTORY.resolve("query-budget-alerts.yml"))
			.replaceAll("for: \\d+m", "for: 5s");
		Files.writeString(directory.resolve("alerts.yml"), rules);
		Files.writeString(directory.resolve("prometheus.yml"), """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				rule_files:
				  - alerts.yml
				scrape_configs:
				  - job_name: query-budget-it
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(this.port));
		this.prometheus = new ProcessBuilder(PrometheusBinaries.find("prometheus").toString(),
				"--config.file=" + directory.resolve("prometheus.yml"),
				"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
			.directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("prometheus.log").toFile())
			.start();
		awaitPrometheusReady();
	}

	/**
	 * Prometheus answers 503 until its storage is open: wait for its readiness endpoint,
	 * and fail with its log if it exits or never gets ready.
	 */
	private void awaitPrometheusReady() throws Exception {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (System.nanoTime() < deadline && this.prometheus.isAlive()) {
			try {
				if (get(this.prometheusUrl + "/-/ready").statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("Prometheus did not get ready (alive: " + this.prometheus.isAlive() + "):\n"
				+ Files.readString(directory.resolve("prometheus.log")));
	}

	@AfterAll
	void stopTrafficAndPrometheus() throws Exception {
		this.driving.set(false);
		if (this.traffic != null) {
			this.traffic.join(10_000);
		}
		if (this.prometheus != null) {
			if (this.prometheus.isAlive()) {
				exportRanges(JsonPath.read(PrometheusBinaries.DASHBOARD.toFile(), "$.panels[*].targets[*].expr"));
			}
			this.prometheus.destroy();
			if (!this.prometheus.waitFor(10, TimeUnit.SECONDS)) {
				this.prometheus.destroyForcibly();
			}
		}
	}

	@Test
	void scrapeShowsEveryMeterWithItsPrometheusType() throws Exception {
		// Plain text format 0.0.4, as curl gets it; Prometheus itself negotiates
		// OpenMetrics
		String scrape = get("http://localhost:" + this.port + "/actuator/prometheus").body();
		assertThat(scrape).contains("# TYPE query_budget_scope_statements histogram",
				"# TYPE query_budget_duplicates_statements_total counter",
				"# TYPE query_budget_n_plus_one_shapes_total counter",
				"# TYPE query_budget_scope_db_time_seconds histogram",
				"# TYPE query_budget_slow_statements_total counter", "# TYPE query_budget_violations_total counter",
				"# TYPE query_budget_scope_limit_statements gauge");
		assertThat(scrape).contains("query_budget_scope_statements_bucket{application=\"query-budget-it\","
				+ "kind=\"request\",method=\"GET\",outcome=\"SUCCESS\",scope=\"GET /reports/{id}\",status=\"200\","
				+ "uri=\"/reports/{id}\",le=\"40.0\"}");
		// The actuator's handler mapping runs no interceptor of ours: its pattern still
		// tags its requests
		assertThat(scrape).contains("scope=\"GET /actuator/prometheus\"");
		assertThat(scrape).doesNotContain("select", "/reports/1\"");
		assertThat(scrape.lines().filter((line) -> line.startsWith("query_budget_")))
			.noneMatch((line) -> line.contains("uri=\"UNKNOWN\""));
	}

	@Test
	void everyDashboardQueryReturnsSeries() throws Exception {
		List<String> expressions = JsonPath.read(PrometheusBinaries.DASHBOARD.toFile(), "$.panels[*].targets[*].expr");
		assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
		Map<String, Integer> empty = new LinkedHashMap<>();
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		do {
			empty.clear();
			for (String expression : expressions) {
				int series = seriesOf(substitute(expression));
				if (series == 0) {
					empty.put(expression, series);
				}
			}
			if (empty.isEmpty()) {
				break;
			}
			Thread.sleep(2000);
		}
		while (System.nanoTime() < deadline);
		assertThat(empty).as("dashboard expressions without series").isEmpty();
	}

	/**
	 * Writes what each dashboard query returned over the whole run, one tab-separated
	 * file per query and one gnuplot data block per series, for
	 * docs/observability/plot.gp.
	 */
	private void exportRanges(List<String> expressions) throws IOException, InterruptedException {
		Path export = Files.createDirectories(Path.of("target", "prometheus-dashboard"));
		long end = System.currentTimeMillis() / 1000;
		for (int i = 0; i < expressions.size(); i++) {
			String expression = substitute(expressions.get(i));
			String body = get(this.prometheusUrl + "/api/v1/query_range?start=" + this.started + "&end=" + end
					+ "&step=1&query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8))
				.body();
			List<Map<String, Object>> series = JsonPath.read(body, "$.data.result");
			StringBuilder data = new StringBuilder("# ").append(expression).append('\n');
			for (Map<String, Object> one : series) {
				Map<?, ?> labels = (Map<?, ?>) one.get("metric");
				data.append("\"seconds\"\t\"")
					.append(String.join(" ", labels.values().stream().map(String::valueOf).toList()))
					.append("\"\n");
				for (Object point : (List<?>) one.get("values")) {
					List<?> pair = (List<?>) point;
					data.append(((Number) pair.get(0)).longValue() - this.started)
						.append('\t')
						.append(pair.get(1))
						.append('\n');
				}
				data.append("\n\n");
			}
			Files.writeString(export.resolve("query-" + (i + 1) + ".tsv"), data);
		}
	}

	@Test
	void breachingEndpointsFireTheirAlertsAndTheHealthyOneDoesNot() throws Exception {
		List<String> expected = List.of("QueryBudgetEndpointOverCritical /reports/{id}",
				"QueryBudgetSustainedBreaches /reports/{id}", "QueryBudgetEndpointOverCeiling /reports/{id}",
				"QueryBudgetDbTimeHigh /reports/slow");
		List<String> firing = new ArrayList<>();
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (System.nanoTime() < deadline) {
			firing = alerts("firing");
			if (firing.containsAll(expected)) {
				break;
			}
			Thread.sleep(2000);
		}
		assertThat(firing).containsAll(expected);
		List<String> any = new ArrayList<>(alerts("firing"));
		any.addAll(alerts("pending"));
		assertThat(any).noneMatch((alert) -> alert.endsWith(" /reports/summary"));
	}

	/**
	 * What Grafana does with the dashboard's variables, with every value selected.
	 */
	private static String substitute(String expression) {
		return expression.replace("$application", ".*")
			.replace("$instance", ".*")
			.replace("$uri", ".*")
			.replace("$__rate_interval", "1m")
			.replace("$__range", "5m");
	}

	private List<String> alerts(String state) throws IOException, InterruptedException {
		String body = get(this.prometheusUrl + "/api/v1/alerts").body();
		List<String> names = JsonPath.read(body, "$.data.alerts[?(@.state == '" + state + "')].labels.alertname");
		List<String> uris = JsonPath.read(body, "$.data.alerts[?(@.state == '" + state + "')].labels.uri");
		List<String> alerts = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			alerts.add(names.get(i) + " " + uris.get(i));
		}
		return alerts;
	}

	private int seriesOf(String expression) throws IOException, InterruptedException {
		HttpResponse<String> response = get(
				this.prometheusUrl + "/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<Object> result = JsonPath.read(response.body(), "$.data.result");
		return result.size();
	}

	private void driveTraffic() {
		int id = 0;
		while (this.driving.get()) {
			try {
				get("http://localhost:" + this.port + "/reports/" + (id++ % 50));
				get("http://localhost:" + this.port + "/reports/slow");
				for (int i = 0; i < 5; i++) {
					get("http://localhost:" + this.port + "/reports/summary");
				}
				Thread.sleep(100);
			}
			catch (IOException ex) {
				// The server is stopping
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
