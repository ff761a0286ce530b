package dev.querybudget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.querybudget.sql.SqlDialect;
import dev.querybudget.sql.SqlFingerprinter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The N+1 rules and fix texts of {@code docs/diagnosis.md}, with origins declared the way
 * an ORM adapter declares them, through a real ProxyDataSource over H2.
 */
@SuppressWarnings("try")
class DiagnosisTests {

	private static final Budget BUDGET = Budget.builder().nPlusOneThreshold(3).build();

	// H2Fixture's own frames are no call site, so that each test line that calls it is
	// one
	private final H2Fixture db = new H2Fixture(
			TrackerSettings.builder().addExcludedPackages("dev.querybudget.H2Fixture").build());

	private final QueryBudgetTracker tracker = this.db.tracker;

	@Test
	void lazyCollectionLoopNamesTheAssociationAndTheFixes() throws SQLException {
		ScopeReport report = report(() -> {
			for (int owner = 1; owner <= 10; owner++) {
				try (Attribution attribution = this.tracker
					.attribute(StatementOrigin.collection("Owner.pets", false))) {
					this.db.petsOf(owner);
				}
			}
		});
		assertThat(report.nPlusOneSuspects()).singleElement().satisfies((suspect) -> {
			assertThat(suspect.nPlusOneParameterSets()).isEqualTo(10);
			assertThat(suspect.nPlusOneOrigin()).isEqualTo(StatementOrigin.collection("Owner.pets", false));
			assertThat(suspect.origins())
				.containsExactly(new OriginCount(StatementOrigin.collection("Owner.pets", false), 10, 10));
		});
		assertThat(report.violations()).extracting(BudgetViolation::rule).containsExactly(ViolationKind.N_PLUS_ONE);
		assertThat(report.format()).contains("with 10 distinct parameter sets\n    at dev.querybudget.DiagnosisTests")
			.contains("    cause: lazy collection Owner.pets initialised once per Owner\n")
			.contains("    fix: fetch Owner.pets with the Owner entities: JOIN FETCH o.pets in the query that loaded "
					+ "them, @EntityGraph(attributePaths = \"pets\") on the repository method, or "
					+ "@BatchSize(size = ...) on Owner.pets / hibernate.default_batch_fetch_size")
			.doesNotContain("secret");
	}

	@Test
	void lazyToOneLoopNamesTheCandidateAssociations() throws SQLException {
		StatementOrigin owner = StatementOrigin.toOne("Owner", false, List.of("Pet.owner", "Visit.owner"));
		ScopeReport report = report(() -> {
			for (int id = 1; id <= 5; id++) {
				try (Attribution attribution = this.tracker.attribute(owner)) {
					this.db.ownerName(id);
				}
			}
		});
		assertThat(report.nPlusOneSuspects()).singleElement()
			.satisfies((suspect) -> assertThat(suspect.nPlusOneOrigin()).isEqualTo(owner));
		assertThat(report.format())
			.contains("    cause: Owner loaded once per parent through Pet.owner or Visit.owner\n"
					+ "    fix: fetch Pet.owner with the Pet entities: JOIN FETCH p.owner in the query that loaded "
					+ "them, @EntityGraph(attributePaths = \"owner\") on the repository method\n"
					+ "    fix: fetch Visit.owner with the Visit entities: JOIN FETCH v.owner in the query that "
					+ "loaded them, @EntityGraph(attributePaths = \"owner\") on the repository method\n"
					+ "    fix: or @BatchSize(size = ...) on Owner / hibernate.default_batch_fetch_size");
	}

	@Test
	void cacheMissLoopNamesTheCacheFixBeforeTheFetchFixes() throws SQLException {
		StatementOrigin missed = StatementOrigin.collection("Owner.pets", false).withCacheMiss(true);
		ScopeReport report = report(() -> {
			for (int owner = 1; owner <= 10; owner++) {
				try (Attribution attribution = this.tracker.attribute(missed)) {
					this.db.petsOf(owner);
				}
			}
		});
		assertThat(report.nPlusOneSuspects()).singleElement()
			.satisfies((suspect) -> assertThat(suspect.nPlusOneOrigin()).isEqualTo(missed));
		assertThat(missed).hasToString("COLLECTION Owner.pets (cache miss)");
		assertThat(report.format()).contains(
				"    cause: lazy collection Owner.pets initialised once per Owner, each a second-level cache miss\n"
						+ "    fix: keep Owner.pets in the second-level cache: size its region to hold what the loop reads "
						+ "and check its expiry, or warm the region before the loop\n"
						+ "    fix: fetch Owner.pets with the Owner entities: JOIN FETCH o.pets");
	}

	@Test
	void cacheMissesAndUncachedLoadsOfOneRoleAreDistinctOrigins() {
		StatementOrigin loaded = StatementOrigin.entityLoad("Owner");
		assertThat(loaded.withCacheMiss(false)).isSameAs(loaded);
		assertThat(loaded.withCacheMiss(true)).isNotEqualTo(loaded)
			.hasToString("ENTITY_LOAD Owner (cache miss)")
			.satisfies((missed) -> assertThat(missed.withCacheMiss(false)).isEqualTo(loaded));
		assertThat(StatementOrigin.collection("Owner.tags", true).withCacheMiss(true))
			.hasToString("COLLECTION Owner.tags (batch fetch, cache miss)");
	}

	@Test
	void onlyLoadsCanBeCacheMisses() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StatementOrigin.query("OwnerRepository.findAll").withCacheMiss(true))
			.withMessage("'cacheMiss' applies to collection, to-one and entity loads, but the kind was QUERY");
	}

	@Test
	void batchFetchIsInformationNotAnNPlusOne() throws SQLException {
		ScopeReport report = report(() -> {
			for (int owner = 1; owner <= 10; owner += 4) {
				try (Attribution attribution = this.tracker.attribute(StatementOrigin.collection("Owner.pets", true))) {
					this.db.petsOf(owner);
				}
			}
		});
		assertThat(report.nPlusOneSuspects()).isEmpty();
		assertThat(report.isBreached()).isFalse();
		assertThat(report.exemptRepetitions()).hasSize(1);
		assertThat(report.format()).contains("  batch fetch of Owner.pets: 3 executions of [")
			.contains("], bounded by N / batch size: not an N+1")
			.doesNotContain("N+1 suspect");
	}

	@Test
	void declaredRepetitionIsNotAnNPlusOneWhateverCausedIt() throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners", BUDGET, EnforcementMode.FAIL)) {
			try (Attribution allowed = this.tracker.allowRepetition("warms the cache one key at a time")) {
				for (int owner = 1; owner <= 10; owner++) {
					try (Attribution attribution = this.tracker
						.attribute(StatementOrigin.collection("Owner.pets", false))) {
						this.db.petsOf(owner);
					}
				}
			}
			assertThat(scope.isBreached()).isFalse();
			ScopeReport report = scope.report();
			assertThat(report.nPlusOneSuspects()).isEmpty();
			assertThat(report.format())
				.contains("  allowed repetition: warms the cache one key at a time: " + "10 executions of [")
				.contains("], declared deliberate");
		}
	}

	@Test
	void repetitionAfterTheAllowanceEndsCountsAgain() throws SQLException {
		ScopeReport report = report(() -> {
			try (Attribution allowed = this.tracker.allowRepetition("warm-up")) {
				this.db.petsOf(1);
			}
			for (int owner = 2; owner <= 4; owner++) {
				this.db.petsOf(owner);
			}
		});
		assertThat(report.nPlusOneSuspects()).singleElement()
			.satisfies((suspect) -> assertThat(suspect.nPlusOneParameterSets()).isEqualTo(3));
	}

	@Test
	void jdbcBatchesAreNotAnNPlusOne() throws SQLException {
		ScopeReport report = report(() -> {
			try (Connection connection = this.db.proxied.getConnection();
					PreparedStatement insert = connection.prepareStatement("insert into pet values (?, ?, ?)")) {
				for (int batch = 0; batch < 5; batch++) {
					for (int row = 0; row < 3; row++) {
						int id = 100 + batch * 3 + row;
						insert.setInt(1, id);
						insert.setInt(2, 1);
						insert.setString(3, "pet-secret-" + id);
						insert.addBatch();
					}
					insert.executeBatch();
				}
			}
		});
		assertThat(report.fingerprints()).singleElement().satisfies((count) -> {
			assertThat(count.batchExecutions()).isEqualTo(5);
			assertThat(count.distinctParameterSets()).isEqualTo(5);
			assertThat(count.nPlusOneParameterSets()).isZero();
		});
		assertThat(report.nPlusOneSuspects()).isEmpty();
		assertThat(report.isBreached()).isFalse();
	}

	@Test
	void keyedLookupsFromDifferentCallSitesAreNotAnNPlusOne() throws SQLException {
		ScopeReport report = report(() -> {
			this.db.ownerName(1);
			this.db.ownerName(2);
			this.db.ownerName(3);
			this.db.ownerName(4);
			this.db.ownerName(5);
		});
		assertThat(report.fingerprints()).singleElement().satisfies((count) -> {
			assertThat(count.distinctParameterSets()).isEqualTo(5);
			assertThat(count.callSites()).hasSize(3);
			assertThat(count.nPlusOneParameterSets()).isZero();
		});
		assertThat(report.nPlusOneSuspects()).isEmpty();
	}

	@Test
	void entityLoadsFromDifferentCallSitesAreNotAnNPlusOneButALoopOfThemIs() throws SQLException {
		StatementOrigin load = StatementOrigin.entityLoad("Owner");
		ScopeReport spread = report(() -> {
			try (Attribution attribution = this.tracker.attribute(load)) {
				this.db.ownerName(1);
				this.db.ownerName(2);
				this.db.ownerName(3);
				this.db.ownerName(4);
			}
		});
		assertThat(spread.nPlusOneSuspects()).isEmpty();
		ScopeReport loop = report(() -> {
			for (int id = 1; id <= 4; id++) {
				try (Attribution attribution = this.tracker.attribute(load)) {
					this.db.ownerName(id);
				}
			}
		});
		assertThat(loop.nPlusOneSuspects()).singleElement()
			.satisfies((suspect) -> assertThat(suspect.nPlusOneOrigin()).isEqualTo(load));
		assertThat(loop.format()).contains("    cause: Owner loaded by identifier one at a time\n"
				+ "    fix: load them together: findAllById, a query with IN (...), or Session.findMultiple");
	}

	@Test
	void loopAfterLookupsFromOtherCallSitesIsAnNPlusOne() throws SQLException {
		ScopeReport report = report(() -> {
			this.db.ownerName(1);
			this.db.ownerName(2);
			for (int id = 3; id <= 10; id++) {
				this.db.ownerName(id);
			}
		});
		assertThat(report.nPlusOneSuspects()).singleElement().satisfies((suspect) -> {
			assertThat(suspect.nPlusOneOrigin()).isNull();
			assertThat(suspect.nPlusOneParameterSets()).isEqualTo(10);
		});
	}

	@Test
	void manyCountsOnOneTableSuggestOneAggregate() throws SQLException {
		ScopeReport report = report(() -> {
			for (int owner = 1; owner <= 4; owner++) {
				this.db.countPetsOf(owner);
			}
		});
		assertThat(report.format()).contains("    fix: consolidate the counts into one aggregate: SELECT the key, "
				+ "COUNT(*) FROM pet GROUP BY the key, instead of one COUNT per key");
	}

	@Test
	void duplicateNamesTheCallSitesThatIssuedIt() throws SQLException {
		ScopeReport report = report(() -> {
			this.db.ownerName(1);
			this.db.ownerName(2);
			this.db.ownerName(1);
		});
		assertThat(report.duplicates()).singleElement()
			.satisfies((duplicate) -> assertThat(duplicate.callSites()).hasSize(2));
		assertThat(report.format()).containsPattern(
				"duplicate: 3 executions of \\[[^]]+] with 1 exact duplicate\n    at dev\\.querybudget\\.DiagnosisTests\\."
						+ "[^\n]+\n    at dev\\.querybudget\\.DiagnosisTests\\.[^\n]+\n    fix: reuse");
	}

	@Test
	void innermostOriginWinsAndClosingRestoresTheOuterOne() throws SQLException {
		StatementOrigin query = StatementOrigin.query("OwnerRepository.findAll");
		StatementOrigin pets = StatementOrigin.collection("Owner.pets", false);
		ScopeReport report = report(() -> {
			try (Attribution outer = this.tracker.attribute(query)) {
				this.db.ownerName(1);
				try (Attribution inner = this.tracker.attribute(pets)) {
					this.db.ownerName(2);
				}
				this.db.ownerName(3);
			}
			this.db.ownerName(4);
		});
		assertThat(report.fingerprints()).singleElement()
			.satisfies((count) -> assertThat(count.origins()).containsExactly(new OriginCount(query, 2, 2),
					new OriginCount(pets, 1, 1)));
	}

	@Test
	void aShapeNamesItsFirstEightOriginsWithTheirCountsAndCountsTheRestUnnamed() throws SQLException {
		List<StatementOrigin> queries = new ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			queries.add(StatementOrigin.query("OwnerRepository.find" + i));
		}
		ScopeReport report = report(() -> {
			for (int round = 1; round <= 2; round++) {
				for (int i = 0; i < queries.size(); i++) {
					try (Attribution attribution = this.tracker.attribute(queries.get(i))) {
						this.db.ownerName(i + 1);
					}
				}
			}
		});
		List<OriginCount> named = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			named.add(new OriginCount(queries.get(i), 2, 1));
		}
		assertThat(report.fingerprints()).singleElement().satisfies((count) -> {
			assertThat(count.executions()).isEqualTo(20);
			assertThat(count.distinctParameterSets()).isEqualTo(10);
			assertThat(count.origins()).containsExactlyElementsOf(named);
		});
	}

	@Test
	void originEndsWithItsBlockWhenTheWorkThrows() throws SQLException {
		StatementOrigin pets = StatementOrigin.collection("Owner.pets", false);
		ScopeReport report = report(() -> {
			try (Attribution attribution = this.tracker.attribute(pets)) {
				this.db.execute("select * from no_such_table");
			}
			catch (SQLException ex) {
				this.db.petsOf(1);
			}
		});
		assertThat(report.failedStatementCount()).isEqualTo(1);
		assertThat(report.fingerprints()).extracting(FingerprintCount::origins)
			.containsExactlyInAnyOrder(List.of(new OriginCount(pets, 1, 1)), List.of());
	}

	@Test
	void replacedOriginHoldsUntilItsHandleCloses() throws SQLException {
		StatementOrigin flush = StatementOrigin.flush("Session.flush");
		StatementOrigin tag = StatementOrigin.flush("Tag");
		ScopeReport report = report(() -> {
			Attribution attribution = this.tracker.attribute(flush);
			this.db.ownerName(1);
			attribution.replace(tag);
			this.db.ownerName(2);
			attribution.close();
			attribution.replace(flush);
			this.db.ownerName(3);
		});
		assertThat(report.fingerprints()).singleElement()
			.satisfies((count) -> assertThat(count.origins()).containsExactly(new OriginCount(flush, 1, 1),
					new OriginCount(tag, 1, 1)));
	}

	@Test
	void attributingWithoutAScopeReturnsTheSharedHandle() {
		StatementOrigin origin = StatementOrigin.collection("Owner.pets", false);
		assertThat(this.tracker.attribute(origin)).isSameAs(this.tracker.attribute(origin));
		assertThat(this.tracker.activeScopes()).isNull();
	}

	@Test
	void reportWithoutOriginsReadsAsBefore() {
		SqlFingerprinter fingerprinter = SqlFingerprinter.create();
		FingerprintCount count = new FingerprintCount(
				fingerprinter.fingerprint("select id from pet where owner_id = ?", SqlDialect.H2), 4, 4, false, 0,
				java.time.Duration.ZERO, java.time.Duration.ZERO, 0, null);
		assertThat(count.nPlusOneParameterSets()).isEqualTo(4);
		assertThat(count.callSites()).isEmpty();
		assertThat(count.origins()).isEmpty();
		assertThat(count.nPlusOneOrigin()).isNull();
	}

	private ScopeReport report(Work work) throws SQLException {
		try (QueryScope scope = this.tracker.open(ScopeKind.REQUEST, "GET /owners", BUDGET, EnforcementMode.RECORD)) {
			work.run();
			return scope.report();
		}
	}

	@FunctionalInterface
	private interface Work {

		void run() throws SQLException;

	}

}
