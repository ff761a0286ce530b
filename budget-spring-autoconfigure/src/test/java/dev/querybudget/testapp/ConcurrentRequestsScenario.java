package dev.querybudget.testapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.querybudget.QueryScope;
import dev.querybudget.ScopeReport;
import dev.querybudget.Verdict;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A running server over PostgreSQL and a Hikari pool much smaller than the number of
 * clients: 64 clients send a few thousand requests across synchronous and asynchronous
 * endpoints, each request asking for its own number of statements, once before the tests
 * of the class. Subclasses choose the threads.
 */
@SpringBootTest(classes = { TestApplication.class, ConcurrencyConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.maximum-pool-size=" + ConcurrentRequestsScenario.POOL_SIZE,
				"spring.datasource.hikari.minimum-idle=0" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConcurrentRequestsScenario {

	static final int POOL_SIZE = 8;

	private static final Log logger = LogFactory.getLog(ConcurrentRequestsScenario.class);

	private static final int CLIENTS = 64;

	private static final int REQUESTS_PER_CLIENT = 40;

	private static final int TOTAL = CLIENTS * REQUESTS_PER_CLIENT;

	private final List<Sent> sent = new ArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	CapturedReports reports;

	@Autowired
	WitnessedStatements statements;

	@Autowired
	ThreadStateProbe probe;

	@Autowired
	MeterRegistry registry;

	@DynamicPropertySource
	static void postgresql(DynamicPropertyRegistry registry) {
		PostgresqlProperties.register(registry);
	}

	@BeforeAll
	void sendRequestsFromConcurrentClients() throws Exception {
		this.reports.clear();
		this.statements.clear();
		this.probe.clear();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<List<Sent>>> results = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				int clientNumber = c;
				results.add(clients.submit(() -> {
					start.await();
					return sendAll(client, clientNumber);
				}));
			}
			long started = System.nanoTime();
			start.countDown();
			for (Future<List<Sent>> result : results) {
				this.sent.addAll(result.get(2, TimeUnit.MINUTES));
			}
			logger.info("Sent " + TOTAL + " requests from " + CLIENTS + " clients in "
					+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms: up to "
					+ this.probe.peakInFlight() + " dispatches at once, up to " + this.probe.peakConnectionWaits()
					+ " threads waiting for one of " + POOL_SIZE + " connections, "
					+ this.probe.containerThreads().size() + " container threads, " + this.probe.taskThreads().size()
					+ " task threads");
		}
		finally {
			clients.shutdownNow();
		}
		// The filter closes a scope once the response is complete: clients may see it
		// first. Waiting a little longer lets a second report of any request show up.
		await().atMost(Duration.ofSeconds(30))
			.during(Duration.ofMillis(300))
			.until(() -> concurrencyReports().size() == TOTAL);
	}

	private List<Sent> sendAll(HttpClient client, int clientNumber) throws Exception {
		List<Sent> sent = new ArrayList<>(REQUESTS_PER_CLIENT);
		Endpoint[] endpoints = Endpoint.values();
		for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
			int number = clientNumber * REQUESTS_PER_CLIENT + i;
			Endpoint endpoint = endpoints[(clientNumber + i) % endpoints.length];
			// 1 to 3 statements per thread, varying between neighbouring requests
			int statements = 1 + (clientNumber * 7 + i) % 3;
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + endpoint.path + "?n=" + statements))
				.header(ConcurrencyController.REQUEST_HEADER, Integer.toString(number))
				.timeout(Duration.ofSeconds(30))
				.build();
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			sent.add(new Sent(number, endpoint, statements, response.statusCode(), response.body()));
		}
		return sent;
	}

	@Test
	void everyRequestGetsTheAnswerOfItsEndpoint() {
		assertThat(this.sent).hasSize(TOTAL);
		assertThat(this.sent)
			.filteredOn((sent) -> sent.status() != sent.endpoint().status
					|| (sent.status() == 200 && !"ok".equals(sent.body())))
			.isEmpty();
	}

	@Test
	void everyRequestCountsExactlyItsOwnStatementsInItsOwnScope() {
		List<String> mismatches = new ArrayList<>();
		Set<QueryScope> scopes = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Sent sent : this.sent) {
			List<WitnessedStatements.Sighting> sightings = this.statements.sightings(sent.number());
			QueryScope scope = (sightings.isEmpty()) ? null : sightings.get(0).scope();
			if (sightings.size() != sent.endpoint().threads || scope == null
					|| sightings.stream().anyMatch((sighting) -> sighting.scope() != scope)) {
				mismatches.add(sent + " ran its statements in scopes " + sightings);
				continue;
			}
			scopes.add(scope);
			ScopeReport report = scope.report();
			if (!scope.isClosed() || !report.name().equals(sent.endpoint().scopeName())
					|| report.statementCount() != sent.expectedStatements()) {
				mismatches.add(sent + " has " + (scope.isClosed() ? "closed" : "open") + " scope '" + report.name()
						+ "' with " + report.statementCount() + " statements");
			}
		}
		assertThat(mismatches).as("requests whose scope is not exactly their own").isEmpty();
		assertThat(scopes).as("distinct request scopes").hasSize(TOTAL);
	}

	@Test
	void everyRequestScopeIsReportedOnceWithItsStatements() {
		Map<String, List<Long>> reported = new LinkedHashMap<>();
		for (ScopeReport report : concurrencyReports()) {
			reported.computeIfAbsent(report.name(), (name) -> new ArrayList<>()).add(report.statementCount());
			assertThat(report.budget().maxStatements()).isEqualTo(6);
			assertThat(report.verdict()).isEqualTo(Verdict.WITHIN);
		}
		Map<String, List<Long>> expected = new LinkedHashMap<>();
		for (Sent sent : this.sent) {
			expected.computeIfAbsent(sent.endpoint().scopeName(), (name) -> new ArrayList<>())
				.add(sent.expectedStatements());
		}
		assertThat(reported).hasSameSizeAs(expected);
		expected.forEach(
				(name, counts) -> assertThat(reported.get(name)).as(name).containsExactlyInAnyOrderElementsOf(counts));
	}

	@Test
	void metricsTotalsEqualTheRequestsAndStatementsSent() {
		for (Endpoint endpoint : Endpoint.values()) {
			List<Sent> toEndpoint = this.sent.stream().filter((sent) -> sent.endpoint() == endpoint).toList();
			long statements = toEndpoint.stream().mapToLong(Sent::expectedStatements).sum();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				List<DistributionSummary> summaries = this.registry.find("query.budget.scope.statements")
					.tag("uri", endpoint.template())
					.summaries()
					.stream()
					.toList();
				// the status the client got
				assertThat(summaries).extracting((summary) -> summary.getId().getTag("status"))
					.containsOnly(Integer.toString(endpoint.status));
				assertThat(summaries.stream().mapToLong(DistributionSummary::count).sum()).as(endpoint.path)
					.isEqualTo(toEndpoint.size());
				assertThat(summaries.stream().mapToDouble(DistributionSummary::totalAmount).sum()).as(endpoint.path)
					.isEqualTo(statements);
			});
		}
	}

	@Test
	void everyThreadThatServedARequestIsLeftWithoutScope() {
		assertThat(this.probe.violations()).isEmpty();
		// The probes saw every dispatch and every task of the run
		long dispatches = this.sent.stream().mapToLong((sent) -> sent.endpoint().dispatches).sum();
		long tasks = this.sent.stream().filter((sent) -> sent.endpoint().threads == 2).count();
		assertThat(this.probe.dispatches()).isEqualTo(dispatches);
		assertThat(this.probe.tasks()).isEqualTo(tasks);
	}

	@Test
	void requestsRanConcurrentlyAndWaitedForConnections() {
		assertThat(this.probe.peakInFlight()).isGreaterThan(POOL_SIZE);
		assertThat(this.probe.peakConnectionWaits()).isPositive();
		assertThat(this.probe.containerThreads()).hasSizeGreaterThan(POOL_SIZE);
		assertThat(this.probe.taskThreads()).hasSizeGreaterThan(1);
	}

	@Test
	void requestsAndTasksRanOnTheExpectedKindOfThreads() {
		assertThat(this.probe.containerThreads()).allMatch((thread) -> isVirtual(thread) == virtualThreads());
		assertThat(this.probe.taskThreads()).allMatch((thread) -> isVirtual(thread) == virtualThreads());
	}

	/**
	 * Returns whether this scenario runs with {@code spring.threads.virtual.enabled}.
	 * @return {@code true} for virtual threads
	 */
	abstract boolean virtualThreads();

	private List<ScopeReport> concurrencyReports() {
		return this.reports.all().stream().filter((report) -> report.name().startsWith("GET /concurrency/")).toList();
	}

	private static boolean isVirtual(Thread thread) {
		// Thread.isVirtual() is JDK 21 API; the tests compile for 17
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The endpoints of {@link ConcurrencyController}, with the number of threads each
	 * runs statements on, the number of dispatches of each request (one more for every
	 * asynchronous dispatch and error page) and the status the client gets.
	 */
	enum Endpoint {

		SYNC("/concurrency/sync", 1, 1, 200), CALLABLE("/concurrency/callable", 2, 2, 200),
		DEFERRED("/concurrency/deferred", 2, 2, 200), TIMEOUT("/concurrency/timeout", 1, 3, 503),
		FUTURE("/concurrency/future", 2, 2, 200), ASYNC_METHOD("/concurrency/async-method", 2, 1, 200),
		ASYNC_METHOD_FUTURE("/concurrency/async-method-future", 2, 2, 200);

		private final String path;

		private final int threads;

		private final int dispatches;

		private final int status;

		Endpoint(String path, int threads, int dispatches, int status) {
			this.path = path;
			this.threads = threads;
			this.dispatches = dispatches;
			this.status = status;
		}

		String template() {
			return this.path;
		}

		String scopeName() {
			return "GET " + this.path;
		}

	}

	/**
	 * A request a client sent, with the answer it got.
	 */
	record Sent(int number, Endpoint endpoint, int statementsPerThread, int status, String body) {

		long expectedStatements() {
			return (long) this.endpoint.threads * this.statementsPerThread;
		}

	}

}
