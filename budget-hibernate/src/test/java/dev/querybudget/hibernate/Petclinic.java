package dev.querybudget.hibernate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.querybudget.Budget;
import dev.querybudget.EnforcementMode;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.TrackerSettings;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import dev.querybudget.hibernate.petclinic.Cat;
import dev.querybudget.hibernate.petclinic.Clinic;
import dev.querybudget.hibernate.petclinic.Owner;
import dev.querybudget.hibernate.petclinic.Pet;
import dev.querybudget.hibernate.petclinic.Review;
import dev.querybudget.hibernate.petclinic.Room;
import dev.querybudget.hibernate.petclinic.Tag;
import dev.querybudget.hibernate.petclinic.Vet;
import dev.querybudget.hibernate.petclinic.Visit;
import dev.querybudget.jdbc.QueryBudgetExecutionListener;
import dev.querybudget.testing.TestDatabase;
import dev.querybudget.testing.TestDatabases;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.Session;

/**
 * A Hibernate session factory over real PostgreSQL, in a schema of its own, behind a
 * ProxyDataSource that feeds a tracker, with the {@link QueryBudgetIntegrator} registered
 * natively: ten owners with two pets (cats and plain pets), two phones, two tags and a
 * review each, a visit per pet, five vets with two tags each, and ten clinics with two
 * rooms each, which a second-level cache over a real JCache provider (Caffeine) holds.
 */
final class Petclinic implements AutoCloseable {

	static final int OWNERS = 10;

	static final int CLINICS = 10;

	/**
	 * The budget of the scenarios: an N+1 from three distinct parameter sets.
	 */
	static final Budget BUDGET = Budget.builder().nPlusOneThreshold(3).build();

	private static final String SCHEMA = "qb_diagnosis";

	final QueryBudgetTracker tracker;

	private final SessionFactory sessionFactory;

	Petclinic() {
		// the test helpers of this module are no call site: the test lines are
		this.tracker = QueryBudgetTracker
			.create(TrackerSettings.builder().addExcludedPackages(Petclinic.class.getName()).build());
		TestDatabase database = TestDatabases.postgresql();
		DataSource raw = database.dataSource();
		createSchema(raw);
		DataSource proxied = ProxyDataSourceBuilder.create(raw)
			.listener(new QueryBudgetExecutionListener(this.tracker))
			.build();
		BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
			.applyIntegrator(new QueryBudgetIntegrator(this.tracker))
			.build();
		StandardServiceRegistryBuilder registry = new StandardServiceRegistryBuilder(bootstrap)
			.applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, proxied)
			.applySetting(AvailableSettings.DEFAULT_SCHEMA, SCHEMA)
			.applySetting(AvailableSettings.HBM2DDL_AUTO, "create-drop")
			.applySetting(AvailableSettings.USE_SECOND_LEVEL_CACHE, true)
			.applySetting(AvailableSettings.CACHE_REGION_FACTORY, "jcache")
			.applySetting("hibernate.javax.cache.provider", CaffeineCachingProvider.class.getName())
			.applySetting("hibernate.javax.cache.missing_cache_strategy", "create");
		this.sessionFactory = new MetadataSources(registry.build())
			.addAnnotatedClasses(Owner.class, Pet.class, Cat.class, Visit.class, Vet.class, Tag.class, Review.class,
					Clinic.class, Room.class)
			.buildMetadata()
			.buildSessionFactory();
		inSession(Petclinic::seed);
	}

	private static void createSchema(DataSource raw) {
		try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create schema if not exists " + SCHEMA);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create schema " + SCHEMA, ex);
		}
	}

	private static void seed(Session session) {
		Tag[] tags = new Tag[4];
		for (int i = 0; i < tags.length; i++) {
			tags[i] = new Tag(i + 1, "tag-" + (i + 1));
			session.persist(tags[i]);
		}
		for (int i = 1; i <= OWNERS; i++) {
			Owner owner = new Owner(i, "owner-secret-" + i);
			owner.getPhones().add("phone-secret-" + i + "-a");
			owner.getPhones().add("phone-secret-" + i + "-b");
			owner.getTags().add(tags[i % 4]);
			owner.getTags().add(tags[(i + 1) % 4]);
			session.persist(owner);
			session.persist(new Review(i, owner));
			for (int j = 0; j < 2; j++) {
				long id = i * 10L + j;
				Pet pet = (j == 0) ? new Cat(id, "cat-secret-" + id, owner) : new Pet(id, "pet-secret-" + id, owner);
				session.persist(pet);
				session.persist(new Visit(id, pet));
			}
		}
		for (int i = 1; i <= 5; i++) {
			Vet vet = new Vet(i);
			vet.getSpecialties().add(tags[i % 4]);
			vet.getSpecialties().add(tags[(i + 2) % 4]);
			session.persist(vet);
		}
		for (int i = 1; i <= CLINICS; i++) {
			Clinic clinic = new Clinic(i, "clinic-secret-" + i);
			session.persist(clinic);
			session.persist(new Room(i * 10L, clinic));
			session.persist(new Room(i * 10L + 1, clinic));
		}
	}

	/**
	 * Empties the second-level cache, so that the next loads miss.
	 */
	void evictSecondLevelCache() {
		this.sessionFactory.getCache().evictAllRegions();
	}

	/**
	 * Runs work in a session and a transaction inside a test scope, and returns the
	 * scope's report.
	 */
	ScopeReport report(Consumer<Session> work) {
		try (QueryScope scope = this.tracker.open(ScopeKind.TEST, "scenario", BUDGET, EnforcementMode.RECORD)) {
			inSession(work);
			return scope.report();
		}
	}

	/**
	 * Runs work in a session and a transaction.
	 */
	void inSession(Consumer<Session> work) {
		this.sessionFactory.inTransaction(work);
	}

	@Override
	public void close() {
		this.sessionFactory.close();
	}

}
