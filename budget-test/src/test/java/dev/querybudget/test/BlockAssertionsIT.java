package dev.querybudget.test;

import dev.querybudget.Budget;
import dev.querybudget.QueryBudget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.querybudget.test.QueryBudgetAssertions.assertThatQueries;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Block assertions over real PostgreSQL and Hibernate's lazy loading.
 */
class BlockAssertionsIT extends LibraryTestBase {

	@BeforeEach
	void threeAuthorsWithTwoBooksEach() {
		this.data.seed(3, 2);
	}

	@Test
	void joinFetchedTitlesRunInOneSelect() {
		assertThatQueries(() -> this.service.titlesJoinFetched()).hasTotal(1)
			.hasSelects(1)
			.hasNoDuplicates()
			.hasNoNPlusOne()
			.isWithin(Budget.ofMaxStatements(1));
	}

	@Test
	void nPlusOneFailsWithTheRepeatedShapeItsCountAndCallSite() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatQueries(() -> this.service.titlesOneByOne()).hasNoNPlusOne())
			.withMessageContaining("to execute no N+1 pattern")
			.withMessageContaining("N+1 suspect: 3 executions of [select")
			.withMessageContaining("at dev.querybudget.test.app.AuthorService.titles(AuthorService.java:");
	}

	@Test
	void wrongTotalFailsListingEveryShapeWithItsCount() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatQueries(() -> this.service.titlesOneByOne()).hasTotal(1))
			.withMessageContaining("BlockAssertionsIT#wrongTotalFailsListingEveryShapeWithItsCount")
			.withMessageContaining("to execute exactly:\n  <1> statements\nbut executed:\n  <4>")
			.withMessageContaining(
					"statements by shape:\n  3 x [select b1_0.author_id, b1_0.id, b1_0.title from qbt_book"
							+ " b1_0 where b1_0.author_id = ? order by b1_0.id]\n"
							+ "      at dev.querybudget.test.app.AuthorService.titles(AuthorService.java:")
			.withMessageEndingWith("\n  1 x [select a1_0.id, a1_0.name from qbt_author a1_0 order by a1_0.id]");
	}

	@Test
	void duplicateLookupFailsNamingTheDuplicatedShape() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatQueries(() -> this.service.nameTwice(1)).hasTotal(2).hasNoDuplicates())
			.withMessageContaining("to execute no exact duplicate")
			.withMessageContaining("duplicate: 2 executions of [select")
			.withMessageContaining("with 1 exact duplicate")
			.withMessageContaining("at dev.querybudget.test.app.AuthorService.nameTwice(AuthorService.java:");
	}

	@Test
	void budgetIsJudgedByItsOwnRules() {
		Budget budget = Budget.builder().maxStatements(10).nPlusOneThreshold(3).build();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatQueries(() -> this.service.titlesOneByOne()).isWithin(budget))
			.withMessageContaining("to be within its budget\nbut it was:\n  <OVER>")
			.withMessageContaining("violated: N+1: one shape ran with 3 distinct parameter sets, threshold is 3");
	}

	@Test
	void selectCountFailureNamesTheKind() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatQueries(() -> this.service.titlesOneByOne()).hasSelects(1))
			.withMessageContaining("to execute exactly:\n  <1> SELECT statements\nbut executed:\n  <4>");
	}

	@Test
	@QueryBudget(max = 1)
	void joinFetchedTitlesStayWithinTheTestMethodBudget() {
		this.service.titlesJoinFetched();
	}

}
