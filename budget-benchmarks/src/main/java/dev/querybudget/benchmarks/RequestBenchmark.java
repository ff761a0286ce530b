package dev.querybudget.benchmarks;

import java.util.concurrent.TimeUnit;

import dev.querybudget.QueryBudget;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Cost of one MockMvc request ({@code GET /owners/{id}}, one SELECT on in-memory H2
 * through JdbcTemplate and HikariCP) with the Query Budget starter, and without it (its
 * auto-configurations excluded), in an application with the actuator and a Prometheus
 * registry, as in production. The request scope costs a filter, an interceptor, a
 * detached scope, the budget lookup, one counted statement, and the scope's report
 * recorded by the meters and the {@code querybudget} endpoint's statistics.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class RequestBenchmark {

	@Param({ "with-starter", "without-starter" })
	public String variant;

	private ConfigurableApplicationContext context;

	private MockMvc mvc;

	@Setup
	public void start() {
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		// A servlet application context without a server: MockMvc drives the
		// DispatcherServlet
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.setDefaultProperties(java.util.Map.of("server.port", "-1", "spring.main.banner-mode", "off",
				"logging.level.root", "warn", "spring.datasource.url", "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1"));
		String[] args = "with-starter".equals(this.variant) ? new String[0]
				: new String[] { StarterApplications.excludeStarter() };
		this.context = application.run(args);
		JdbcTemplate jdbc = this.context.getBean(JdbcTemplate.class);
		jdbc.execute("create table if not exists owner (id int primary key, name varchar(40))");
		jdbc.update("merge into owner values (1, 'owner-1')");
		this.mvc = StarterApplications.mockMvc(this.context);
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public MockHttpServletResponse request() throws Exception {
		return this.mvc.perform(get("/owners/1")).andReturn().getResponse();
	}

	/**
	 * The benchmarked application.
	 */
	@SpringBootApplication
	@RestController
	public static class BenchmarkApplication {

		private final JdbcTemplate jdbc;

		public BenchmarkApplication(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/owners/{id}")
		@QueryBudget(max = 5)
		public String owner(@PathVariable int id) {
			return this.jdbc.queryForObject("select name from owner where id = ?", String.class, id);
		}

	}

}
