package dev.querybudget.autoconfigure.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.querybudget.Budget;
import dev.querybudget.BudgetViolation;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.Verdict;
import dev.querybudget.ViolationKind;
import dev.querybudget.autoconfigure.actuate.QueryBudgetEndpoint.BreachDescriptor;
import dev.querybudget.autoconfigure.actuate.ScopeStatistics.ScopeKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's statistics stay within their bounds however many scopes close.
 */
class ScopeStatisticsTests {

	private final ScopeStatistics statistics = new ScopeStatistics(
			Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC));

	@Test
	void figuresAreKeptForABoundedNumberOfScopes() {
		for (int i = 0; i < ScopeStatistics.MAX_SCOPES + 100; i++) {
			this.statistics.scopeClosed(report("Job" + i + "#run", 1, false));
		}
		assertThat(this.statistics.figures()).hasSize(ScopeStatistics.MAX_SCOPES);
		assertThat(this.statistics.untrackedScopes()).isEqualTo(100);
	}

	@Test
	void onlyTheMostRecentBreachesAreKeptNewestFirst() {
		for (int i = 0; i < ScopeStatistics.MAX_BREACHES + 10; i++) {
			this.statistics.scopeClosed(report("NightlyJob#run", i, true));
		}
		List<BreachDescriptor> breaches = this.statistics.recentBreaches();
		assertThat(breaches).hasSize(ScopeStatistics.MAX_BREACHES);
		assertThat(breaches.get(0).statements()).isEqualTo(ScopeStatistics.MAX_BREACHES + 9);
		assertThat(breaches.get(0).violations()).singleElement()
			.satisfies((violation) -> assertThat(violation.rule()).isEqualTo(ViolationKind.STATEMENTS));
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
