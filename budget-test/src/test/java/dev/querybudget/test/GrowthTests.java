package dev.querybudget.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GrowthTests {

	@Test
	void constantAllowsNoMoreThanTheSmallestSizeRan() {
		assertThat(Growth.constant().allowed(2, 1, 50)).isEqualTo(2);
		assertThat(Growth.constant().allowed(0, 1, 50)).isZero();
	}

	@Test
	void logarithmicAllowsOneMoreRoundPerDoubling() {
		assertThat(Growth.logarithmic().allowed(1, 1, 50)).isEqualTo(7);
		assertThat(Growth.logarithmic().allowed(2, 10, 50)).isEqualTo(8);
		assertThat(Growth.logarithmic().allowed(1, 10, 10)).isEqualTo(1);
	}

	@Test
	void batchedAllowsOneExecutionPerBatchOfRows() {
		assertThat(Growth.batched(10).allowed(1, 1, 50)).isEqualTo(5);
		assertThat(Growth.batched(10).allowed(1, 10, 51)).isEqualTo(6);
		assertThat(Growth.batched(25).allowed(1, 1, 50)).isEqualTo(2);
	}

	@Test
	void linearAllowsProportionalGrowth() {
		assertThat(Growth.linear().allowed(2, 1, 10)).isEqualTo(20);
		assertThat(Growth.linear().allowed(1, 10, 15)).isEqualTo(2);
	}

	@Test
	void batchSizeMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> Growth.batched(0))
			.withMessage("'batchSize' must be at least 1, but was 0");
	}

	@Test
	void describesItselfForFailureMessages() {
		assertThat(Growth.batched(20)).hasToString("grow at most by one execution per 20 rows");
		assertThat(Growth.batched(20)).isEqualTo(Growth.batched(20)).isNotEqualTo(Growth.batched(10));
	}

}
