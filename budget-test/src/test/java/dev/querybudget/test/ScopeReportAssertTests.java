package dev.querybudget.test;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static dev.querybudget.test.QueryBudgetAssertions.assertThatQueries;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ScopeReportAssertTests {

	private final ProxiedH2 h2 = new ProxiedH2();

	ScopeReportAssertTests() {
		this.h2.execute("create table item (id int primary key, name varchar(20))");
	}

	@Test
	void countsEveryKindOfStatement() {
		assertThatQueries(this.h2.tracker, this::writeAndRead).hasTotal(4)
			.hasAtMost(4)
			.hasInserts(1)
			.hasUpdates(1)
			.hasDeletes(1)
			.hasSelects(1);
	}

	@Test
	void tooManyStatementsFailsWithTheExpectedAndActualCounts() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatQueries(this.h2.tracker, this::writeAndRead).hasAtMost(3))
			.withMessage(String
				.format("%nExpecting scope:%n  <block>%nto execute at most:%n  <3> statements%n"
						+ "but executed:%n  <4>%n")
					+ "statements by shape:\n  1 x [delete from item where id = ?]\n"
					+ "  1 x [insert into item values (?, ?)]\n  1 x [select name from item]\n"
					+ "  1 x [update item set name = ? where id = ?]");
	}

	@Test
	void wrongCountOfAKindNamesTheKind() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatQueries(this.h2.tracker, this::writeAndRead).hasDeletes(0))
			.withMessageContaining(String.format("to execute exactly:%n  <0> DELETE statements%nbut executed:%n  <1>"));
	}

	@Test
	void blockThatThrowsACheckedExceptionFailsTheAssertion() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatQueries(this.h2.tracker, () -> {
			throw new IOException("disk");
		})).withMessage("Expecting block 'block' to run, but it threw java.io.IOException: disk");
	}

	@Test
	void blockThatThrowsAnUncheckedExceptionPassesItOn() {
		assertThatIllegalStateException().isThrownBy(() -> assertThatQueries(this.h2.tracker, () -> {
			throw new IllegalStateException("boom");
		})).withMessage("boom");
	}

	private void writeAndRead() {
		this.h2.execute("insert into item values (1, 'one')", "update item set name = 'uno' where id = 1",
				"delete from item where id = 1", "select name from item");
	}

}
