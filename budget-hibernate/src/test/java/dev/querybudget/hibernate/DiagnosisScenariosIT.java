package dev.querybudget.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.querybudget.Attribution;
import dev.querybudget.EnforcementMode;
import dev.querybudget.FingerprintCount;
import dev.querybudget.OriginCount;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.StatementOrigin;
import dev.querybudget.hibernate.petclinic.Clinic;
import dev.querybudget.hibernate.petclinic.Owner;
import dev.querybudget.hibernate.petclinic.Pet;
import dev.querybudget.hibernate.petclinic.Review;
import dev.querybudget.hibernate.petclinic.Room;
import dev.querybudget.hibernate.petclinic.Tag;
import dev.querybudget.hibernate.petclinic.Vet;
import dev.querybudget.hibernate.petclinic.Visit;
import jakarta.persistence.EntityGraph;
import org.hibernate.CacheMode;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every N+1 kind and every look-alike of {@code docs/diagnosis.md}, over real PostgreSQL
 * through Hibernate with the {@link QueryBudgetIntegrator}: each true N+1 is flagged with
 * the right cause, call site and fix, each look-alike is not, and the detections and
 * false alarms table of the docs is the one these scenarios compute.
 */
class DiagnosisScenariosIT {

	// the look-alikes that the count-only rule flags: JDBC batch, declared loop, lookups
	private static final int COUNT_ONLY_FALSE_ALARMS = 3;

	private static Petclinic petclinic;

	// ids of the tags the write scenarios insert, never used twice in the schema's life
	private static long nextTagId = 100;

	@BeforeAll
	static void startPetclinic() {
		petclinic = new Petclinic();
	}

	@AfterAll
	static void stopPetclinic() {
		petclinic.close();
	}

	@Test
	void lazyCollectionIsNamedWithItsCallSiteAndFix() {
		ScopeReport report = run(DiagnosisScenariosIT::touchEveryOwnersPets);
		assertThat(report.nPlusOneSuspects()).singleElement().satisfies((suspect) -> {
			assertThat(suspect.nPlusOneOrigin()).isEqualTo(StatementOrigin.collection("Owner.pets", false));
			assertThat(suspect.nPlusOneParameterSets()).isEqualTo(Petclinic.OWNERS);
			assertThat(suspect.callSite()).asString()
				.matches("dev\\.querybudget\\.hibernate\\.DiagnosisScenariosIT\\.touchEveryOwnersPets"
						+ "\\(DiagnosisScenariosIT\\.java:\\d+\\)");
		});
		assertThat(report.format()).contains("    cause: lazy collection Owner.pets initialised once per Owner\n")
			.contains("    fix: fetch Owner.pets with the Owner entities: JOIN FETCH o.pets in the query that loaded "
					+ "them, @EntityGraph(attributePaths = \"pets\") on the repository method, or "
					+ "@BatchSize(size = ...) on Owner.pets / hibernate.default_batch_fetch_size")
			.doesNotContain("secret");
	}

	@Test
	void lazyToOneNamesTheAssociationThatHeldTheProxy() {
		ScopeReport report = run(DiagnosisScenariosIT::touchEveryPetsOwner);
		assertThat(toOneSuspect(report).associations()).containsExactly("Pet.owner");
		assertThat(report.format()).contains("    cause: Owner loaded once per parent through Pet.owner\n"
				+ "    fix: fetch Pet.owner with the Pet entities: JOIN FETCH p.owner in the query that loaded them, "
				+ "@EntityGraph(attributePaths = \"owner\") on the repository method\n")
			.doesNotContain("Review.author")
			.doesNotContain("secret");
	}

	@Test
	void lazyToOneThroughAnotherAssociationNamesThatAssociationAlone() {
		ScopeReport report = run(DiagnosisScenariosIT::touchEveryReviewsAuthor);
		assertThat(toOneSuspect(report).associations()).containsExactly("Review.author");
		assertThat(report.format()).contains("    cause: Owner loaded once per parent through Review.author\n"
				+ "    fix: fetch Review.author with the Review entities: JOIN FETCH r.author in the query that loaded "
				+ "them, @EntityGraph(attributePaths = \"author\") on the repository method\n"
				+ "    fix: or @BatchSize(size = ...) on Owner / hibernate.default_batch_fetch_size")
			.doesNotContain("Pet.owner");
		assertThat(report.format().split("fix: fetch ", -1)).hasSize(2);
	}

	@Test
	void proxyHeldByTwoAssociationsNamesBoth() {
		ScopeReport report = run((session) -> {
			session.createSelectionQuery("from Pet", Pet.class).getResultList();
			touchEveryReviewsAuthor(session);
		});
		assertThat(toOneSuspect(report).associations()).containsExactly("Pet.owner", "Review.author");
	}

	@Test
	void proxyCreatedBeforeTheScopeOpenedFallsBackToEveryCandidate() {
		AtomicReference<ScopeReport> report = new AtomicReference<>();
		petclinic.inSession((session) -> {
			List<Review> reviews = session.createSelectionQuery("from Review", Review.class).getResultList();
			try (QueryScope scope = petclinic.tracker.open(ScopeKind.TEST, "scenario", Petclinic.BUDGET,
					EnforcementMode.RECORD)) {
				reviews.forEach((review) -> review.getAuthor().getName());
				report.set(scope.report());
			}
		});
		assertThat(toOneSuspect(report.get()).associations()).containsExactlyInAnyOrder("Pet.owner", "Review.author");
	}

	/**
	 * The origin of the report's only N+1 suspect, an unbatched to-one load of
	 * {@code Owner}.
	 */
	private static StatementOrigin toOneSuspect(ScopeReport report) {
		assertThat(report.nPlusOneSuspects()).hasSize(1);
		StatementOrigin origin = report.nPlusOneSuspects().get(0).nPlusOneOrigin();
		assertThat(origin).isNotNull()
			.extracting(StatementOrigin::kind, StatementOrigin::role, StatementOrigin::batched)
			.containsExactly(StatementOrigin.Kind.TO_ONE, "Owner", false);
		return origin;
	}

	@Test
	void unbatchedFlushNamesTheEntityAndTheBatchingSettings() {
		ScopeReport report = run(DiagnosisScenariosIT::flushNewTagsOneByOne);
		assertThat(report.nPlusOneSuspects()).singleElement()
			.satisfies((suspect) -> assertThat(suspect.nPlusOneOrigin()).isEqualTo(StatementOrigin.flush("Tag")));
		assertThat(report.format())
			.contains("    cause: flush of Tag, one statement per entity\n"
					+ "    fix: batch the writes: hibernate.jdbc.batch_size, hibernate.order_inserts and "
					+ "hibernate.order_updates")
			.doesNotContain("tag-2");
	}

	@Test
	void cacheMissesOfACachedCollectionAreAnNPlusOneOfMisses() {
		ScopeReport report = runWithCache(false, DiagnosisScenariosIT::touchEveryClinicsRooms);
		assertThat(report.nPlusOneSuspects()).singleElement().satisfies((suspect) -> {
			assertThat(suspect.nPlusOneOrigin())
				.isEqualTo(StatementOrigin.collection("Clinic.rooms", false).withCacheMiss(true));
			assertThat(suspect.nPlusOneParameterSets()).isEqualTo(Petclinic.CLINICS);
		});
		assertThat(report.format())
			.contains("    cause: lazy collection Clinic.rooms initialised once per Clinic, each a second-level cache "
					+ "miss\n    fix: keep Clinic.rooms in the second-level cache: size its region to hold what the "
					+ "loop reads and check its expiry, or warm the region before the loop\n"
					+ "    fix: fetch Clinic.rooms with the Clinic entities: JOIN FETCH c.rooms")
			.doesNotContain("secret");
	}

	@Test
	void cacheHitsRunNoStatement() {
		ScopeReport collections = runWithCache(true, DiagnosisScenariosIT::touchEveryClinicsRooms);
		assertThat(collections.statementCount()).isOne();
		assertThat(collections.fingerprints()).flatExtracting(FingerprintCount::origins).isEmpty();
		ScopeReport finds = runWithCache(true, DiagnosisScenariosIT::findEveryClinic);
		assertThat(finds.statementCount()).isZero();
	}

	@Test
	void cacheMissesOfALazyToOneNameTheAssociation() {
		ScopeReport report = runWithCache(false, DiagnosisScenariosIT::touchEveryRoomsClinic);
		assertThat(report.nPlusOneSuspects()).singleElement()
			.satisfies((suspect) -> assertThat(suspect.nPlusOneOrigin())
				.isEqualTo(StatementOrigin.toOne("Clinic", false, List.of("Room.clinic")).withCacheMiss(true)));
		assertThat(report.format()).contains("    cause: Clinic loaded once per parent through Room.clinic, each a "
				+ "second-level cache miss\n    fix: keep Clinic in the second-level cache");
	}

	@Test
	void cacheMissesOfEntitiesFoundByIdentifierAreNamedAsMisses() {
		ScopeReport report = runWithCache(false, DiagnosisScenariosIT::findEveryClinic);
		assertThat(report.nPlusOneSuspects()).singleElement()
			.satisfies((suspect) -> assertThat(suspect.nPlusOneOrigin())
				.isEqualTo(StatementOrigin.entityLoad("Clinic").withCacheMiss(true)));
	}

	@Test
	void loadsThatDoNotReadTheCacheAreNoMisses() {
		ScopeReport report = runWithCache(true, (session) -> {
			session.setCacheMode(CacheMode.IGNORE);
			touchEveryClinicsRooms(session);
		});
		assertThat(report.nPlusOneSuspects()).singleElement()
			.satisfies((suspect) -> assertThat(suspect.nPlusOneOrigin())
				.isEqualTo(StatementOrigin.collection("Clinic.rooms", false)));
	}

	@Test
	void batchFetchedCollectionIsAttributedAsABatchFetch() {
		ScopeReport report = run(DiagnosisScenariosIT::touchEveryOwnersTags);
		assertThat(report.nPlusOneSuspects()).isEmpty();
		assertThat(report.fingerprints()).flatExtracting(FingerprintCount::origins)
			.containsExactly(new OriginCount(StatementOrigin.collection("Owner.tags", true), 1, 1));
	}

	@Test
	void appliedFixesKeepTheStatementCountFlat() {
		assertThat(run(DiagnosisScenariosIT::joinFetchPets).statementCount()).isEqualTo(1);
		assertThat(run(DiagnosisScenariosIT::entityGraphPets).statementCount()).isEqualTo(1);
		assertThat(run(DiagnosisScenariosIT::touchEveryOwnersTags).statementCount()).isEqualTo(2);
	}

	@Test
	void scenarioTableDetectsEveryNPlusOneWithoutFalseAlarm() {
		List<String> rows = new ArrayList<>();
		int detected = 0;
		int falseAlarms = 0;
		int countOnlyFalseAlarms = 0;
		int truths = 0;
		for (Scenario scenario : scenarios()) {
			ScopeReport report = scenario.report().get();
			List<FingerprintCount> suspects = report.nPlusOneSuspects();
			String named = (suspects.isEmpty()) ? "-" : cause(suspects.get(0));
			boolean flagged = !suspects.isEmpty();
			boolean countOnly = countOnlyRuleFlags(report);
			if (scenario.expectedCause() != null) {
				truths++;
				detected += (flagged && named.equals(scenario.expectedCause())) ? 1 : 0;
			}
			else {
				falseAlarms += (flagged) ? 1 : 0;
				countOnlyFalseAlarms += (countOnly) ? 1 : 0;
			}
			rows.add("| " + scenario.name() + " | " + ((scenario.expectedCause() != null) ? "N+1" : "look-alike")
					+ " | " + ((flagged) ? "flagged" : "not flagged") + " | " + named + " | "
					+ ((countOnly) ? "flagged" : "not flagged") + " |");
		}
		String table = String.join("\n", rows);
		assertThat(detected).isEqualTo(truths);
		assertThat(falseAlarms).isZero();
		assertThat(countOnlyFalseAlarms).isEqualTo(COUNT_ONLY_FALSE_ALARMS);
		assertThat(DocsTable.read()).isEqualTo(table);
	}

	/**
	 * The rule before origins and call sites: any shape with the threshold of distinct
	 * parameter sets.
	 */
	private static boolean countOnlyRuleFlags(ScopeReport report) {
		for (FingerprintCount count : report.fingerprints()) {
			if (count.distinctParameterSets() >= Petclinic.BUDGET.nPlusOneThreshold()) {
				return true;
			}
		}
		return false;
	}

	private static String cause(FingerprintCount suspect) {
		StatementOrigin origin = suspect.nPlusOneOrigin();
		return (origin != null) ? origin.toString() : "call site";
	}

	private static List<Scenario> scenarios() {
		return List.of(
				new Scenario("lazy one-to-many `Owner.pets` in a loop", "COLLECTION Owner.pets",
						DiagnosisScenariosIT::touchEveryOwnersPets),
				new Scenario("element collection `Owner.phones` in a loop", "COLLECTION Owner.phones",
						DiagnosisScenariosIT::touchEveryOwnersPhones),
				new Scenario("lazy many-to-many `Vet.specialties` in a loop", "COLLECTION Vet.specialties",
						DiagnosisScenariosIT::touchEveryVetsSpecialties),
				new Scenario("lazy many-to-one `Pet.owner` in a loop", "TO_ONE Owner",
						DiagnosisScenariosIT::touchEveryPetsOwner),
				new Scenario("eager many-to-one `Visit.pet` (single-table hierarchy) in JPQL", "TO_ONE Pet",
						(session) -> session.createSelectionQuery("from Visit", Visit.class).getResultList()),
				new Scenario("`Session.find` in a loop", "ENTITY_LOAD Owner", (session) -> {
					for (long id = 1; id <= Petclinic.OWNERS; id++) {
						session.find(Owner.class, id);
					}
				}), new Scenario("JPQL query per key in a loop", "call site", (session) -> {
					for (long id = 1; id <= Petclinic.OWNERS; id++) {
						session.createSelectionQuery("from Pet p where p.owner.id = :id", Pet.class)
							.setParameter("id", id)
							.getResultList();
					}
				}),
				new Scenario("flush of new entities without JDBC batching", "FLUSH Tag",
						DiagnosisScenariosIT::flushNewTagsOneByOne),
				new Scenario("second-level cache misses of `Clinic.rooms` in a loop",
						"COLLECTION Clinic.rooms (cache miss)",
						() -> runWithCache(false, DiagnosisScenariosIT::touchEveryClinicsRooms)),
				new Scenario("second-level cache misses of lazy `Room.clinic` in a loop", "TO_ONE Clinic (cache miss)",
						() -> runWithCache(false, DiagnosisScenariosIT::touchEveryRoomsClinic)),
				new Scenario("`JOIN FETCH o.pets`, then the loop", null, DiagnosisScenariosIT::joinFetchPets),
				new Scenario("entity graph `pets`, then the loop", null, DiagnosisScenariosIT::entityGraphPets),
				new Scenario("`@BatchSize` `Owner.tags` in a loop", null, DiagnosisScenariosIT::touchEveryOwnersTags),
				new Scenario("warm second-level cache, then the `Clinic.rooms` loop", null,
						() -> runWithCache(true, DiagnosisScenariosIT::touchEveryClinicsRooms)),
				new Scenario("JDBC batch of inserts", null, (session) -> {
					session.setJdbcBatchSize(5);
					for (int i = 0; i < 20; i++) {
						long id = nextTagId++;
						session.persist(new Tag(id, "tag-" + id));
					}
					session.flush();
				}), new Scenario("declared loop (`allowRepetition`)", null, (session) -> {
					try (Attribution allowed = petclinic.tracker.allowRepetition("one owner at a time")) {
						touchEveryOwnersPets(session);
					}
				}), new Scenario("`Session.find` of different keys from different lines", null, (session) -> {
					session.find(Owner.class, 1L);
					session.find(Owner.class, 2L);
					session.find(Owner.class, 3L);
					session.find(Owner.class, 4L);
				}));
	}

	private static void flushNewTagsOneByOne(Session session) {
		for (int i = 0; i < 20; i++) {
			long id = nextTagId++;
			session.persist(new Tag(id, "tag-" + id));
		}
		session.flush();
	}

	private static void touchEveryOwnersPets(Session session) {
		for (Owner owner : owners(session)) {
			owner.getPets().size();
		}
	}

	private static void touchEveryOwnersPhones(Session session) {
		for (Owner owner : owners(session)) {
			owner.getPhones().size();
		}
	}

	private static void touchEveryOwnersTags(Session session) {
		for (Owner owner : owners(session)) {
			owner.getTags().size();
		}
	}

	private static void findEveryClinic(Session session) {
		for (long id = 1; id <= Petclinic.CLINICS; id++) {
			session.find(Clinic.class, id);
		}
	}

	private static void touchEveryClinicsRooms(Session session) {
		for (Clinic clinic : session.createSelectionQuery("from Clinic", Clinic.class).getResultList()) {
			clinic.getRooms().size();
		}
	}

	private static void touchEveryRoomsClinic(Session session) {
		for (Room room : session.createSelectionQuery("from Room", Room.class).getResultList()) {
			room.getClinic().getName();
		}
	}

	private static void touchEveryVetsSpecialties(Session session) {
		for (Vet vet : session.createSelectionQuery("from Vet", Vet.class).getResultList()) {
			vet.getSpecialties().size();
		}
	}

	private static void touchEveryPetsOwner(Session session) {
		for (Pet pet : session.createSelectionQuery("from Pet", Pet.class).getResultList()) {
			pet.getOwner().getName();
		}
	}

	private static void touchEveryReviewsAuthor(Session session) {
		for (Review review : session.createSelectionQuery("from Review", Review.class).getResultList()) {
			review.getAuthor().getName();
		}
	}

	private static void joinFetchPets(Session session) {
		List<Owner> owners = session
			.createSelectionQuery("select distinct o from Owner o join fetch o.pets", Owner.class)
			.getResultList();
		for (Owner owner : owners) {
			owner.getPets().size();
		}
	}

	private static void entityGraphPets(Session session) {
		EntityGraph<Owner> graph = session.createEntityGraph(Owner.class);
		graph.addAttributeNodes("pets");
		List<Owner> owners = session.createSelectionQuery("from Owner", Owner.class)
			.setHint("jakarta.persistence.fetchgraph", graph)
			.getResultList();
		for (Owner owner : owners) {
			owner.getPets().size();
		}
	}

	private static List<Owner> owners(Session session) {
		return session.createSelectionQuery("from Owner", Owner.class).getResultList();
	}

	private static ScopeReport run(Consumer<Session> work) {
		return petclinic.report(work);
	}

	/**
	 * Runs the work in a scope after the second-level cache was emptied and, when asked,
	 * warmed by the same work outside the scope.
	 */
	private static ScopeReport runWithCache(boolean warm, Consumer<Session> work) {
		petclinic.evictSecondLevelCache();
		if (warm) {
			petclinic.inSession(work);
		}
		return run(work);
	}

	private record Scenario(String name, @Nullable String expectedCause, Supplier<ScopeReport> report) {

		Scenario(String name, @Nullable String expectedCause, Consumer<Session> work) {
			this(name, expectedCause, () -> run(work));
		}

	}

}
