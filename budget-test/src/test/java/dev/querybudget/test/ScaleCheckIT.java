package dev.querybudget.test;

import org.junit.jupiter.api.Test;

import static dev.querybudget.test.QueryBudgetAssertions.assertThatScaling;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The scale check over real PostgreSQL: Hibernate's lazy loading of each author's books
 * is caught without guessing a count; the join-fetched version passes.
 */
class ScaleCheckIT extends LibraryTestBase {

	@Test
	void lazyLoadingPerAuthorGrowsWithTheAuthorsAndIsNamedWithItsCountsPerSize() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatScaling((n) -> this.data.seed(n, 2), () -> this.service.titlesOneByOne())
				.atSizes(1, 10, 50)
				.staysConstant())
			.withMessageContaining("Expecting the statements of:\n"
					+ "  <ScaleCheckIT#lazyLoadingPerAuthorGrowsWithTheAuthorsAndIsNamedWithItsCountsPerSize>\n"
					+ "to stay constant as the data grows\nbut 1 shape grew:\n"
					+ "  [select b1_0.author_id, b1_0.id, b1_0.title from qbt_book b1_0 where b1_0.author_id = ?"
					+ " order by b1_0.id]\n" + "    n=1: 1, n=10: 10, n=50: 50 (allowed at n=50: 1)\n"
					+ "    at dev.querybudget.test.app.AuthorService.titles(AuthorService.java:")
			.withMessageEndingWith("statements per size: n=1: 2, n=10: 11, n=50: 51");
	}

	@Test
	void joinFetchedTitlesStayConstant() {
		assertThatScaling((n) -> this.data.seed(n, 2), () -> this.service.titlesJoinFetched()).atSizes(1, 10, 50)
			.staysConstant();
	}

	@Test
	void lazyLoadingPerAuthorIsWithinADeclaredLinearGrowth() {
		assertThatScaling((n) -> this.data.seed(n, 2), () -> this.service.titlesOneByOne()).atSizes(1, 10, 50)
			.growsAtMost(Growth.linear());
	}

	@Test
	void lazyLoadingPerAuthorIsBeyondALogarithmicGrowth() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatScaling((n) -> this.data.seed(n, 2), () -> this.service.titlesOneByOne())
				.growsAtMost(Growth.logarithmic()))
			.withMessageContaining("to grow at most logarithmically as the data grows")
			.withMessageContaining("n=1: 1, n=10: 10, n=50: 50 (allowed at n=50: 7)");
	}

}
