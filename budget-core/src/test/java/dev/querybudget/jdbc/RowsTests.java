package dev.querybudget.jdbc;

import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowsTests {

	@Test
	void readsUpdateCountsOfEveryExecuteVariant() {
		assertThat(Rows.of(3)).isEqualTo(3);
		assertThat(Rows.of(4L)).isEqualTo(4);
		assertThat(Rows.of(new int[] { 1, 2, Statement.SUCCESS_NO_INFO })).isEqualTo(3);
		assertThat(Rows.of(new long[] { 5, 6 })).isEqualTo(11);
	}

	@Test
	void queriesAndUnknownCountsAreUnknown() {
		assertThat(Rows.of(null)).isEqualTo(Rows.UNKNOWN);
		assertThat(Rows.of(Boolean.TRUE)).isEqualTo(Rows.UNKNOWN);
		assertThat(Rows.of(-1)).isEqualTo(Rows.UNKNOWN);
	}

}
