package dev.querybudget.benchmarks;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import dev.querybudget.Budget;
import dev.querybudget.EnforcementMode;
import dev.querybudget.FingerprintCount;
import dev.querybudget.QueryBudget;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.hibernate.QueryBudgetIntegrator;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Cost of the Hibernate attribution in one MockMvc JPA request ({@code GET
 * /owners/{id}/pets}: {@code Session.find} of an owner and the initialisation of its lazy
 * collection of three pets, two SELECTs on in-memory H2 through HikariCP), in three
 * variants run side by side: the application without the Query Budget starter (its
 * auto-configurations excluded), with the starter but without the
 * {@link QueryBudgetIntegrator}, and with it. The integrator declares an
 * {@code ENTITY_LOAD} and a {@code COLLECTION} origin and reads the lazy to-one of each
 * loaded pet, so the ratio of the last two variants is the attribution's cost.
 * <p>
 * Hibernate is bootstrapped here, natively, rather than by Spring Boot's JPA
 * auto-configuration: that would also change {@code RequestBenchmark}'s application,
 * which shares this class path. The application neither scans components nor is scanned
 * ({@link Profile @Profile} on its controller), for the same reason.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class HibernateAttributionBenchmark {

	private static final String PROFILE = "hibernate-attribution-benchmark";

	private static final String ATTRIBUTION = "benchmark.hibernate-attribution";

	@Param({ "without-starter", "without-attribution", "with-attribution" })
	public String variant;

	private ConfigurableApplicationContext context;

	private MockMvc mvc;

	@Setup
	public void start() throws Exception {
		SpringApplication application = new SpringApplication(JpaApplication.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.setAdditionalProfiles(PROFILE);
		application.setDefaultProperties(Map.of("server.port", "-1", "spring.main.banner-mode", "off",
				"logging.level.root", "warn", "spring.datasource.url", "jdbc:h2:mem:jpa-bench;DB_CLOSE_DELAY=-1",
				ATTRIBUTION, "with-attribution".equals(this.variant)));
		String[] args = "without-starter".equals(this.variant) ? new String[] { StarterApplications.excludeStarter() }
				: new String[0];
		this.context = application.run(args);
		try (Session session = this.context.getBean(SessionFactory.class).openSession()) {
			session.inTransaction((transaction) -> {
				Owner owner = new Owner(1);
				session.persist(owner);
				for (long id = 1; id <= 3; id++) {
					session.persist(new Pet(id, owner));
				}
			});
		}
		this.mvc = StarterApplications.mockMvc(this.context);
		verifyVariant();
	}

	/**
	 * Fails the run when the request fails, or when the variant does not attribute as it
	 * says: the statements of the request carry origins with the integrator only.
	 */
	private void verifyVariant() throws Exception {
		MockHttpServletResponse response = request();
		if (response.getStatus() != 200 || !"3".equals(response.getContentAsString())) {
			throw new IllegalStateException(
					"GET /owners/1/pets answered " + response.getStatus() + ": " + response.getContentAsString());
		}
		QueryBudgetTracker tracker = this.context.getBeanProvider(QueryBudgetTracker.class).getIfAvailable();
		if (tracker == null) {
			if (!"without-starter".equals(this.variant)) {
				throw new IllegalStateException("Variant " + this.variant + " has no tracker");
			}
			return;
		}
		try (QueryScope scope = tracker.open(ScopeKind.TEST, "verify", Budget.builder().build(),
				EnforcementMode.RECORD)) {
			this.context.getBean(PetsController.class).pets(1);
			boolean attributed = false;
			for (FingerprintCount count : scope.report().fingerprints()) {
				attributed |= !count.origins().isEmpty();
			}
			if (attributed != "with-attribution".equals(this.variant)) {
				throw new IllegalStateException("Variant " + this.variant + " attributed: " + attributed);
			}
		}
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public MockHttpServletResponse request() throws Exception {
		return this.mvc.perform(get("/owners/1/pets")).andReturn().getResponse();
	}

	/**
	 * The benchmarked application: auto-configuration, the controller and a session
	 * factory over the application's data source, with the integrator when asked.
	 */
	@EnableAutoConfiguration
	@Import(PetsController.class)
	public static class JpaApplication {

		@Bean
		SessionFactory sessionFactory(DataSource dataSource, ObjectProvider<QueryBudgetTracker> tracker,
				Environment environment) {
			BootstrapServiceRegistryBuilder bootstrap = new BootstrapServiceRegistryBuilder();
			QueryBudgetTracker available = tracker.getIfAvailable();
			if (available != null && environment.getProperty(ATTRIBUTION, Boolean.class, false)) {
				bootstrap.applyIntegrator(new QueryBudgetIntegrator(available));
			}
			StandardServiceRegistryBuilder registry = new StandardServiceRegistryBuilder(bootstrap.build())
				.applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
				.applySetting(AvailableSettings.HBM2DDL_AUTO, "create-drop");
			return new MetadataSources(registry.build()).addAnnotatedClasses(Owner.class, Pet.class)
				.buildMetadata()
				.buildSessionFactory();
		}

	}

	/**
	 * Reads an owner's pets in a session of its own.
	 */
	@RestController
	@Profile(PROFILE)
	public static class PetsController {

		private final SessionFactory sessionFactory;

		public PetsController(SessionFactory sessionFactory) {
			this.sessionFactory = sessionFactory;
		}

		@GetMapping("/owners/{id}/pets")
		@QueryBudget(max = 5)
		public int pets(@PathVariable long id) {
			try (Session session = this.sessionFactory.openSession()) {
				return session.find(Owner.class, id).getPets().size();
			}
		}

	}

	/**
	 * An owner with a lazy collection of pets.
	 */
	@Entity
	@Table(name = "jpa_owner")
	public static class Owner {

		@Id
		private Long id;

		@OneToMany(mappedBy = "owner")
		private Set<Pet> pets = new HashSet<>();

		protected Owner() {
		}

		Owner(long id) {
			this.id = id;
		}

		Set<Pet> getPets() {
			return this.pets;
		}

	}

	/**
	 * A pet with a lazy many-to-one owner.
	 */
	@Entity
	@Table(name = "jpa_pet")
	public static class Pet {

		@Id
		private Long id;

		@ManyToOne(fetch = FetchType.LAZY)
		private Owner owner;

		protected Pet() {
		}

		Pet(long id, Owner owner) {
			this.id = id;
			this.owner = owner;
		}

	}

}
