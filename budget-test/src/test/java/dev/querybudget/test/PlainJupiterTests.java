package dev.querybudget.test;

import java.util.concurrent.CompletableFuture;

import dev.querybudget.QueryBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.Events;

import static dev.querybudget.test.QueryBudgetAssertions.assertThatQueries;
import static dev.querybudget.test.QueryBudgetAssertions.assertThatScaling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The test support in a plain JUnit Jupiter test over a proxied DataSource, without
 * Spring.
 */
class PlainJupiterTests {

	static final ProxiedH2 h2 = new ProxiedH2();

	@RegisterExtension
	static final QueryBudgetExtension queries = QueryBudgetExtension.of(h2.tracker);

	private int seeded;

	@BeforeAll
	static void items() {
		h2.execute("create table item (id int primary key)", "insert into item select x from system_range(1, 50)");
	}

	@Test
	void blockAssertionsUseTheTrackerOfTheRegisteredExtension() {
		assertThatQueries(() -> h2.selectEach("select id from item where id = ?", 2)).hasTotal(2)
			.hasSelects(2)
			.hasNoDuplicates()
			.hasNoNPlusOne();
	}

	@Test
	void scaleCheckFailsForOneQueryPerSeededRow() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatScaling(this::rowsSeeded,
					() -> h2.selectEach("select id from item where id = ?", this.seeded))
				.atSizes(2, 4)
				.staysConstant())
			.withMessageContaining("<PlainJupiterTests#scaleCheckFailsForOneQueryPerSeededRow>")
			.withMessageContaining("  [select id from item where id = ?]\n    n=2: 2, n=4: 4 (allowed at n=4: 2)")
			.withMessageEndingWith("statements per size: n=2: 2, n=4: 4");
	}

	@Test
	void scaleCheckPassesWhenTheCountDoesNotDependOnTheRows() {
		assertThatScaling(this::rowsSeeded, () -> h2.execute("select count(*) from item where id <= " + this.seeded))
			.atSizes(2, 4, 8)
			.staysConstant();
	}

	private void rowsSeeded(int n) {
		this.seeded = n;
	}

	@Test
	void assertionsWithoutABoundTrackerSayHowToBindOne() {
		Throwable thrown = CompletableFuture.supplyAsync(() -> {
			try {
				assertThatQueries(() -> h2.execute("select 1")).hasTotal(1);
				return null;
			}
			catch (IllegalStateException ex) {
				return ex;
			}
		}).join();
		assertThat(thrown).hasMessageStartingWith("No QueryBudgetTracker is bound to this test.")
			.hasMessageContaining("register QueryBudgetExtension.of(tracker) with @RegisterExtension");
	}

	@Test
	void queryBudgetOnATestMethodPassesWithinItAndFailsWithTheReportBeyondIt() {
		Events tests = EngineRuns.run(ThreeLookups.class);
		assertThat(tests.succeeded().stream().map((event) -> event.getTestDescriptor().getDisplayName()))
			.containsExactly("withinItsBudget()");
		assertThat(EngineRuns.failures(tests)).singleElement()
			.satisfies((failure) -> assertThat(failure)
				.hasMessageContaining("Test 'ThreeLookups#beyondItsBudget' broke its @QueryBudget:\n"
						+ "Scope 'ThreeLookups#beyondItsBudget' executed 3 statements, budget is 2: OVER")
				.hasMessageContaining("statements by shape:\n  3 x [select id from item where id = ?]"));
	}

	@Test
	void extensionWithoutATrackerOutsideSpringSaysHowToRegisterIt() {
		assertThat(EngineRuns.failureOf(WithoutTracker.class)).isInstanceOf(ExtensionConfigurationException.class)
			.hasMessageContaining("QueryBudgetExtension found no QueryBudgetTracker for ")
			.hasMessageContaining("register it with @RegisterExtension and QueryBudgetExtension.of(tracker)");
	}

	static class ThreeLookups {

		@RegisterExtension
		static final QueryBudgetExtension queries = QueryBudgetExtension.of(h2.tracker);

		@Test
		@QueryBudget(max = 3)
		void withinItsBudget() {
			h2.selectEach("select id from item where id = ?", 3);
		}

		@Test
		@QueryBudget(max = 2)
		void beyondItsBudget() {
			h2.selectEach("select id from item where id = ?", 3);
		}

	}

	@ExtendWith(QueryBudgetExtension.class)
	static class WithoutTracker {

		@Test
		void anything() {
		}

	}

}
