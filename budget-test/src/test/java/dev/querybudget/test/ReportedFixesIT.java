package dev.querybudget.test;

import org.junit.jupiter.api.Test;

import static dev.querybudget.test.QueryBudgetAssertions.assertThatQueries;
import static dev.querybudget.test.QueryBudgetAssertions.assertThatScaling;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The loop from a report to a fix, over real PostgreSQL with the Hibernate integration
 * on: the report names the lazy collection behind the N+1 and the fixes with the names
 * filled in, the scale check names it too, and each fix the report names, applied, passes
 * the scale check.
 */
class ReportedFixesIT extends LibraryTestBase {

	@Test
	void reportNamesTheLazyCollectionAndItsFixes() {
		this.data.seed(10, 2);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatQueries(() -> this.service.titlesOneByOne()).hasNoNPlusOne())
			.withMessageContaining("    cause: lazy collection Author.books initialised once per Author\n"
					+ "    fix: fetch Author.books with the Author entities: JOIN FETCH a.books in the query that "
					+ "loaded them, @EntityGraph(attributePaths = \"books\") on the repository method, or "
					+ "@BatchSize(size = ...) on Author.books");
	}

	@Test
	void scaleCheckNamesTheCauseOfTheShapeThatGrows() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatScaling((n) -> this.data.seed(n, 2), () -> this.service.titlesOneByOne())
				.atSizes(1, 10, 50)
				.staysConstant())
			.withMessageContaining("n=1: 1, n=10: 10, n=50: 50 (allowed at n=50: 1)\n"
					+ "    at dev.querybudget.test.app.AuthorService.titles(AuthorService.java:")
			.withMessageContaining("    cause: COLLECTION Author.books");
	}

	@Test
	void joinFetchTheReportNamesStaysConstant() {
		assertThatScaling((n) -> this.data.seed(n, 2), () -> this.service.titlesJoinFetched()).atSizes(1, 10, 50)
			.staysConstant();
	}

	@Test
	void entityGraphTheReportNamesStaysConstant() {
		assertThatScaling((n) -> this.data.seed(n, 2), () -> this.service.titlesWithEntityGraph()).atSizes(1, 10, 50)
			.staysConstant();
	}

}
