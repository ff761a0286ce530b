package dev.querybudget.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LongHashSetTests {

	@Test
	void addsEachValueOnceIncludingZeroAcrossGrowth() {
		LongHashSet set = new LongHashSet();
		for (long value = -500; value < 500; value++) {
			assertThat(set.add(value * 0x100000001L)).isTrue();
		}
		for (long value = -500; value < 500; value++) {
			assertThat(set.add(value * 0x100000001L)).isFalse();
			assertThat(set.contains(value * 0x100000001L)).isTrue();
		}
		assertThat(set.size()).isEqualTo(1000);
		assertThat(set.contains(7)).isFalse();
	}

	@Test
	void keepsItsFirstValueWhenASecondOneBringsTheTable() {
		LongHashSet set = new LongHashSet();
		assertThat(set.contains(42)).isFalse();
		assertThat(set.add(42)).isTrue();
		assertThat(set.add(42)).isFalse();
		assertThat(set.contains(42)).isTrue();
		assertThat(set.contains(43)).isFalse();
		assertThat(set.add(0)).isTrue();
		assertThat(set.add(43)).isTrue();
		assertThat(set.add(42)).isFalse();
		assertThat(set.contains(42)).isTrue();
		assertThat(set.contains(43)).isTrue();
		assertThat(set.contains(0)).isTrue();
		assertThat(set.size()).isEqualTo(3);
	}

	@Test
	void mixSpreadsNeighbouringValues() {
		assertThat(Hashing.mix(1)).isNotEqualTo(Hashing.mix(2));
		assertThat(Hashing.combine(1, 2)).isNotEqualTo(Hashing.combine(2, 1));
	}

}
