package dev.querybudget.testapp;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import dev.querybudget.Budget;
import dev.querybudget.EnforcementMode;
import dev.querybudget.FingerprintCount;
import dev.querybudget.QueryBudget;
import dev.querybudget.QueryBudgetExceededException;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.testing.Secrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * No literal or parameter value, and no raw request path, reaches any surface of the
 * library: secrets in every literal and parameter position run through real requests on a
 * real port over PostgreSQL, breaking their budgets in log, fail and fail-fast modes,
 * with an N+1 loop, exact duplicates and an internal error, and then every log line
 * (everything logged, the library at {@code TRACE}), every report, every exception, the
 * problem detail, the Prometheus scrape and the {@code querybudget} endpoint are scanned
 * for them. The library has no opt-in that shows values, so the control is the scanner
 * finding the values in a log line that does carry them.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=prometheus,querybudget",
				"logging.level.dev.querybudget=TRACE" })
@Import(SecretsNeverLeakIT.SecretEndpoints.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsNeverLeakIT {

	static final Secrets secrets = Secrets.random();

	private static final String PATH_SECRET = secrets.urlSecret("path");

	private static final String QUERY_SECRET = secrets.urlSecret("query");

	private static final String UNMATCHED_SECRET = secrets.urlSecret("unmatched");

	private static final String UNCONVERTIBLE_SECRET = secrets.urlSecret("unconvertible");

	/**
	 * The shapes of the N+1 loop and of the duplicates: reports and the endpoint show
	 * them, and their statements carry secrets as literals and as parameters.
	 */
	private static final String N_PLUS_ONE_SHAPE = "select v from qb_secret_sink where v = ? or v like ?";

	private static final String DUPLICATE_SHAPE = "select ?::text as duplicate, ?, ?";

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private final HttpClient client = HttpClient.newHttpClient();

	private final CapturedLog log = new CapturedLog();

	@LocalServerPort
	int port;

	@Autowired
	CapturedReports reports;

	@Autowired
	QueryBudgetTracker tracker;

	@Autowired
	DataSource dataSource;

	@DynamicPropertySource
	static void postgresql(DynamicPropertyRegistry registry) {
		PostgresqlProperties.register(registry);
	}

	@BeforeAll
	void captureEveryLogEvent() {
		this.log.start();
		root().addAppender(this.log);
	}

	@AfterAll
	void stopCapturing() {
		root().detachAppender(this.log);
		this.log.stop();
	}

	@BeforeEach
	void forgetEarlierTests() {
		this.reports.clear();
		this.log.clear();
	}

	@Test
	void logModeLogsAndReportsShapesWithoutAnyValue() throws Exception {
		HttpResponse<String> response = get("/secrets/" + PATH_SECRET + "?apiKey=" + QUERY_SECRET);
		assertThat(response.statusCode()).isEqualTo(200);
		ScopeReport report = this.reports.only("GET /secrets/{token}");
		assertThat(report.isBreached()).isTrue();
		assertNoLeak("the report and its parts", everyPartOf(report));
		assertThat(report.format()).contains(N_PLUS_ONE_SHAPE).contains(DUPLICATE_SHAPE);
		assertNoLeak("the log", this.log.awaitText("broke its query budget"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "strict", "fail-fast" })
	void failingModesAnswerAndLogWithoutAnyValue(String endpoint) throws Exception {
		HttpResponse<String> response = get("/secrets/" + PATH_SECRET + "/" + endpoint + "?apiKey=" + QUERY_SECRET);
		assertThat(response.statusCode()).isEqualTo(500);
		assertNoLeak("the report and its parts", everyPartOf(this.reports.only("GET /secrets/{token}/" + endpoint)));
		// The client gets back the path it sent, as in Spring's own problem details, but
		// neither its query nor any value of the statements
		String instance = "\"instance\":\"/secrets/" + PATH_SECRET + "/" + endpoint + "\"";
		assertThat(response.body()).contains("\"title\":\"Query budget exceeded\"").contains(instance);
		assertNoLeak("the problem detail", response.body().replace(instance, ""));
		assertNoLeak("the log", this.log.awaitText(QueryBudgetExceededException.class.getName()));
	}

	@Test
	void exceptionsCarryNoValueInTheirMessagesCausesOrSuppressed() throws Exception {
		for (EnforcementMode mode : List.of(EnforcementMode.FAIL, EnforcementMode.FAIL_FAST)) {
			QueryBudgetExceededException exceeded = catchThrowableOfType(QueryBudgetExceededException.class, () -> {
				try (QueryScope scope = this.tracker.open(ScopeKind.CUSTOM, "secrets " + mode,
						Budget.ofMaxStatements(3), mode); Connection connection = this.dataSource.getConnection()) {
					secrets.execute(connection);
				}
			});
			assertThat(exceeded).as(mode.name()).isNotNull();
			assertNoLeak(mode + " exception", stackTrace(exceeded) + "\n" + everyPartOf(exceeded.report()));
		}
	}

	@Test
	void internalErrorWarningCarriesNoValue() throws Exception {
		HttpResponse<String> response = get("/secrets/" + PATH_SECRET + "/unhashable?apiKey=" + QUERY_SECRET);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.reports.only("GET /secrets/{token}/unhashable").incomplete()).isTrue();
		assertNoLeak("the log", this.log.awaitText("stopped counting after an internal error"));
	}

	@Test
	void metricsAndEndpointCarryNoValueAndNoRawPath() throws Exception {
		assertThat(get("/secrets/" + PATH_SECRET + "?apiKey=" + QUERY_SECRET).statusCode()).isEqualTo(200);
		assertThat(get("/secrets/" + PATH_SECRET + "/strict").statusCode()).isEqualTo(500);
		assertThat(get("/no-such/" + UNMATCHED_SECRET + "?apiKey=" + QUERY_SECRET).statusCode()).isEqualTo(404);
		assertThat(get("/owners/" + UNCONVERTIBLE_SECRET).statusCode()).isEqualTo(400);
		assertThat(send(HttpRequest.newBuilder(uri("/" + UNMATCHED_SECRET))
			.method("PURGE", HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
		awaitReports(5);
		String scrape = get("/actuator/prometheus").body();
		assertNoLeak("the Prometheus scrape", scrape);
		// Unmatched paths fall to the static resources' /** mapping
		assertThat(tagValues(scrape, "uri"))
			.contains("/secrets/{token}", "/secrets/{token}/strict", "/**", "/owners/{id}")
			.isSubsetOf("/secrets/{token}", "/secrets/{token}/strict", "/secrets/{token}/fail-fast",
					"/secrets/{token}/unhashable", "/**", "/owners/{id}", "NOT_FOUND", "NONE");
		assertThat(tagValues(scrape, "method")).contains("UNKNOWN");
		String endpoint = get("/actuator/querybudget").body();
		assertNoLeak("the querybudget endpoint", endpoint);
		assertThat(endpoint).contains("GET /secrets/{token}").contains(N_PLUS_ONE_SHAPE).contains(DUPLICATE_SHAPE);
		// Spring MVC's own warning names the path segment it could not convert to a long:
		// not a line of the library
		assertThat(secrets.leaksIn(this.log.text(), PATH_SECRET, QUERY_SECRET, UNMATCHED_SECRET))
			.as("secrets in the log")
			.isEmpty();
	}

	@Test
	void theScannerFindsEveryValueInALogLineThatCarriesIt() {
		LoggerFactory.getLogger(SecretsNeverLeakIT.class)
			.info("Raw statements, as a careless log line would show them:\n{}\n{} {} {} {}",
					String.join("\n", secrets.statements()).toUpperCase(Locale.ROOT), PATH_SECRET, QUERY_SECRET,
					UNMATCHED_SECRET, UNCONVERTIBLE_SECRET);
		Set<String> found = new TreeSet<>();
		for (String leak : secrets.leaksIn(this.log.text(), PATH_SECRET, QUERY_SECRET, UNMATCHED_SECRET,
				UNCONVERTIBLE_SECRET)) {
			found.add(leak.substring(0, leak.indexOf(':')));
		}
		Set<String> all = new TreeSet<>(secrets.needles().keySet());
		all.addAll(List.of("URL secret URL_path", "URL secret URL_query", "URL secret URL_unmatched",
				"URL secret URL_unconvertible"));
		assertThat(found).isEqualTo(all);
	}

	/**
	 * Waits for the scopes of this test's requests to close, whatever their names.
	 */
	private void awaitReports(int count) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (this.reports.all().size() < count) {
			assertThat(System.nanoTime()).as("nanos until %d scopes closed", count).isLessThan(deadline);
			Thread.sleep(10);
		}
	}

	private void assertNoLeak(String surface, String text) {
		assertThat(secrets.leaksIn(text, PATH_SECRET, QUERY_SECRET, UNMATCHED_SECRET, UNCONVERTIBLE_SECRET))
			.as("secrets in %s", surface)
			.isEmpty();
	}

	/**
	 * The report's own text and the text of every part a listener or a test can read.
	 */
	private static String everyPartOf(ScopeReport report) {
		List<Object> parts = new ArrayList<>(List.of(report.format(), report.toString(), report.name(), report.budget(),
				report.statementsByKind(), report.verdict()));
		parts.addAll(report.violations());
		for (FingerprintCount count : report.fingerprints()) {
			parts.addAll(List.of(count, count.fingerprint(), count.fingerprint().normalizedSql(), count.origins(),
					count.callSites()));
		}
		StringBuilder text = new StringBuilder();
		parts.forEach((part) -> text.append(part).append('\n'));
		return text.toString();
	}

	private static String stackTrace(Throwable throwable) {
		StringWriter text = new StringWriter();
		throwable.printStackTrace(new PrintWriter(text));
		return text.toString();
	}

	/**
	 * Returns the values of one tag over every Query Budget meter of a scrape.
	 */
	private static Set<String> tagValues(String scrape, String tag) {
		Set<String> values = new TreeSet<>();
		Matcher matcher = Pattern.compile("(?m)^query_budget_.*?[{,]" + tag + "=\"([^\"]*)\"").matcher(scrape);
		while (matcher.find()) {
			values.add(matcher.group(1));
		}
		return values;
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	/**
	 * Every event logged anywhere in the application, rendered with its level, logger,
	 * message, MDC and full stack trace (causes and suppressed included).
	 */
	static final class CapturedLog extends AppenderBase<ILoggingEvent> {

		private final List<String> events = new CopyOnWriteArrayList<>();

		@Override
		protected void append(ILoggingEvent event) {
			StringBuilder text = new StringBuilder().append(event.getLevel())
				.append(' ')
				.append(event.getLoggerName())
				.append(' ')
				.append(event.getFormattedMessage())
				.append(' ')
				.append(event.getMDCPropertyMap());
			IThrowableProxy thrown = event.getThrowableProxy();
			if (thrown != null) {
				text.append('\n').append(ThrowableProxyUtil.asString(thrown));
			}
			this.events.add(text.toString());
		}

		void clear() {
			this.events.clear();
		}

		String text() {
			return String.join("\n", this.events);
		}

		/**
		 * Returns everything logged so far once the expected text was logged: the server
		 * may log after the client has its response.
		 */
		String awaitText(String expected) throws InterruptedException {
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			String text = text();
			while (!text.contains(expected)) {
				assertThat(System.nanoTime()).as("nanos until '%s' is logged in:%n%s", expected, text)
					.isLessThan(deadline);
				Thread.sleep(10);
				text = text();
			}
			return text;
		}

	}

	/**
	 * Endpoints that run every secret-carrying statement: in log, fail and fail-fast
	 * modes over a budget of 3 statements, and with a parameter the engine cannot hash.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SecretEndpoints {

		@Bean
		SecretController secretController(DataSource dataSource) {
			return new SecretController(dataSource);
		}

	}

	@RestController
	static class SecretController {

		private final DataSource dataSource;

		SecretController(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		@GetMapping("/secrets/{token}")
		@QueryBudget(max = 3)
		List<String> log(@PathVariable String token) throws Exception {
			try (Connection connection = this.dataSource.getConnection()) {
				secrets.execute(connection);
			}
			// JSON, streamed: a text body of known length would commit the response
			// before the scope closes, and fail mode could not answer 500
			return List.of("ran");
		}

		@GetMapping("/secrets/{token}/strict")
		@QueryBudget(max = 3, mode = EnforcementMode.FAIL)
		List<String> strict(@PathVariable String token) throws Exception {
			return log(token);
		}

		@GetMapping("/secrets/{token}/fail-fast")
		@QueryBudget(max = 3, mode = EnforcementMode.FAIL_FAST)
		List<String> failFast(@PathVariable String token) throws Exception {
			return log(token);
		}

		@GetMapping("/secrets/{token}/unhashable")
		String unhashable(@PathVariable String token) throws Exception {
			try (Connection connection = this.dataSource.getConnection()) {
				secrets.executeWithUnhashableParameter(connection);
			}
			return "ran";
		}

	}

}
