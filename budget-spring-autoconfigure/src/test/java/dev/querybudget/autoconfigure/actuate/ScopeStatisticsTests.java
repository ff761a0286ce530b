package dev.querybudget.autoconfigure.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.querybudget.Budget;
import dev.querybudget.BudgetViolation;
import dev.querybudget.FingerprintCount;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.Verdict;
import dev.querybudget.ViolationKind;
import dev.querybudget.autoconfigure.QueryBudgetProperties;
import dev.querybudget.autoconfigure.actuate.QueryBudgetEndpoint.BreachDescriptor;
import dev.querybudget.autoconfigure.actuate.QueryBudgetEndpoint.ShapeDescriptor;
import dev.querybudget.autoconfigure.actuate.ScopeStatistics.ScopeKey;
import dev.querybudget.sql.SqlDialect;
import dev.querybudget.sql.SqlFingerprinter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The endpoint's statistics stay within their bounds however many scopes close.
 */
class ScopeStatisticsTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC);

	private static final SqlFingerprinter FINGERPRINTER = SqlFingerprinter.create();

	private final ScopeStatistics statistics = new ScopeStatistics(CLOCK, new QueryBudgetProperties.Statistics());

	@Test
	void defaultBoundsAre500Scopes20BreachesAnd200ShapesPerList() {
		QueryBudgetProperties.Statistics defaults = new QueryBudgetProperties.Statistics();
		assertThat(defaults.getMaxScopes()).isEqualTo(500);
		assertThat(defaults.getMaxBreaches()).isEqualTo(20);
		assertThat(defaults.getMaxShapes()).isEqualTo(200);
	}

	@Test
	void figuresAreKeptForTheConfiguredNumberOfScopes() {
		ScopeStatistics statistics = new ScopeStatistics(CLOCK, bounds(5, 20, 200));
		for (int i = 0; i < 8; i++) {
			statistics.scopeClosed(report("Job" + i + "#run", 1, false));
		}
		assertThat(statistics.figures()).hasSize(5);
		assertThat(statistics.untrackedScopes()).isEqualTo(3);
	}

	@Test
	void onlyTheConfiguredNumberOfMostRecentBreachesAreKeptNewestFirst() {
		ScopeStatistics statistics = new ScopeStatistics(CLOCK, bounds(500, 3, 200));
		for (int i = 0; i < 10; i++) {
			statistics.scopeClosed(report("NightlyJob#run", i, true));
		}
		List<BreachDescriptor> breaches = statistics.recentBreaches();
		assertThat(breaches).extracting(BreachDescriptor::statements).containsExactly(9L, 8L, 7L);
		assertThat(breaches.get(0).violations()).singleElement()
			.satisfies((violation) -> assertThat(violation.rule()).isEqualTo(ViolationKind.STATEMENTS));
	}

	@Test
	void shapesBeyondTheConfiguredNumberAreNotKeptInEitherList() {
		ScopeStatistics statistics = new ScopeStatistics(CLOCK, bounds(500, 20, 2));
		for (int i = 0; i < 4; i++) {
			FingerprintCount repeated = new FingerprintCount(
					FINGERPRINTER.fingerprint("select * from t" + i + " where id = 1", SqlDialect.GENERIC), 12, 10,
					false, 2, Duration.ofMillis(12), Duration.ofMillis(1), 0, null);
			statistics.scopeClosed(new ScopeReport(ScopeKind.JOB, "Job" + i + "#run", Budget.unlimited(), 12, Map.of(),
					0, 0, 0, 0, 0, Duration.ofMillis(12), List.of(repeated), 0, false, Verdict.WITHIN, List.of()));
		}
		assertThat(statistics.topNPlusOne()).extracting(ShapeDescriptor::scope).containsOnly("Job0#run", "Job1#run");
		assertThat(statistics.topDuplicates()).extracting(ShapeDescriptor::scope).containsOnly("Job0#run", "Job1#run");
	}

	@Test
	void zeroBoundsKeepNothing() {
		ScopeStatistics statistics = new ScopeStatistics(CLOCK, bounds(0, 0, 0));
		statistics.scopeClosed(report("NightlyJob#run", 3, true));
		assertThat(statistics.figures()).isEmpty();
		assertThat(statistics.untrackedScopes()).isOne();
		assertThat(statistics.recentBreaches()).isEmpty();
	}

	@Test
	void negativeBoundIsRejectedWithItsNameAndValue() {
		QueryBudgetProperties.Statistics bounds = new QueryBudgetProperties.Statistics();
		assertThatIllegalArgumentException().isThrownBy(() -> bounds.setMaxShapes(-1))
			.withMessage("'maxShapes' must not be negative, but was -1");
	}

	@Test
	void percentileIsExactForSmallCountsAndBoundedByTheMaximum() {
		for (int statements = 1; statements <= 100; statements++) {
			this.statistics.scopeClosed(report("NightlyJob#run", statements, false));
		}
		ObservedScope.Figures figures = this.statistics.figures().get(new ScopeKey(ScopeKind.JOB, "NightlyJob#run"));
		assertThat(figures.scopes()).isEqualTo(100);
		assertThat(figures.mean()).isEqualTo(50.5);
		assertThat(figures.max()).isEqualTo(100);
		assertThat(figures.p95()).isEqualTo(95);
		this.statistics.scopeClosed(report("BigJob#run", 1000, false));
		assertThat(this.statistics.figures().get(new ScopeKey(ScopeKind.JOB, "BigJob#run")).p95()).isEqualTo(1000);
	}

	@Test
	void scopesOfOneKindAndNameAreCountedTogetherAndApartFromOthers() {
		this.statistics.scopeClosed(report(new String("NightlyJob#run"), 1, false));
		this.statistics.scopeClosed(report(new String("NightlyJob#run"), 3, false));
		this.statistics.scopeClosed(report(ScopeKind.METHOD, "NightlyJob#run", 5));
		assertThat(this.statistics.figures()).hasSize(2);
		assertThat(this.statistics.figures().get(new ScopeKey(ScopeKind.JOB, "NightlyJob#run")).scopes()).isEqualTo(2);
		assertThat(this.statistics.figures().get(new ScopeKey(ScopeKind.METHOD, "NightlyJob#run")).max()).isEqualTo(5);
		assertThat(new ScopeKey(ScopeKind.JOB, "a")).hasSameHashCodeAs(new ScopeKey(ScopeKind.JOB, new String("a")))
			.isNotEqualTo(new ScopeKey(ScopeKind.JOB, "b"))
			.isNotEqualTo(null);
	}

	private static QueryBudgetProperties.Statistics bounds(int maxScopes, int maxBreaches, int maxShapes) {
		QueryBudgetProperties.Statistics bounds = new QueryBudgetProperties.Statistics();
		bounds.setMaxScopes(maxScopes);
		bounds.setMaxBreaches(maxBreaches);
		bounds.setMaxShapes(maxShapes);
		return bounds;
	}

	private static ScopeReport report(ScopeKind kind, String name, long statements) {
		return new ScopeReport(kind, name, Budget.ofMaxStatements(10), statements, Map.of(), 0, 0, 0, 0, 0,
				Duration.ZERO, List.of(), 0, false, Verdict.WITHIN, List.of());
	}

	private static ScopeReport report(String name, long statements, boolean breached) {
		List<BudgetViolation> violations = breached
				? List.of(new BudgetViolation(ViolationKind.STATEMENTS, 1, statements, Verdict.OVER)) : List.of();
		return new ScopeReport(ScopeKind.JOB, name, Budget.ofMaxStatements(1), statements, Map.of(), 0, 0, 0, 0, 0,
				Duration.ZERO, List.of(), 0, false, breached ? Verdict.OVER : Verdict.WITHIN, violations);
	}

}
