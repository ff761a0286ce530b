package dev.querybudget.jdbc;

import java.util.List;

import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

final class ParameterHashesTests {

	private final ParameterHashes hashes = new ParameterHashes();

	@Test
	void hashIsTheHashOfTheBoundOperationsAsTheOnlyParameterSet() {
		assertThat(this.hashes.hash()).isEqualTo(Parameters.hash(List.of(List.of())));
		bind(setInt(3, 3));
		bind(setInt(1, 1));
		bind(setInt(0, 0));
		bind(setInt(70_000, 70_000));
		assertThat(this.hashes.hash()).isEqualTo(
				Parameters.hash(List.of(List.of(setInt(0, 0), setInt(1, 1), setInt(3, 3), setInt(70_000, 70_000)))));
	}

	@Test
	void rebindingAnIndexReplacesItsValueInTheHash() {
		bind(setInt(1, 1));
		bind(setInt(2, 2));
		bind(setInt(1, 10));
		bind(setInt(70_000, 1));
		bind(setInt(70_000, 2));
		assertThat(this.hashes.hash())
			.isEqualTo(Parameters.hash(List.of(List.of(setInt(1, 10), setInt(2, 2), setInt(70_000, 2)))))
			.isNotEqualTo(Parameters.hash(List.of(List.of(setInt(1, 1), setInt(2, 2), setInt(70_000, 2)))));
	}

	@Test
	void clearLeavesTheHashOfAnEmptySet() {
		bind(setInt(1, 1));
		bind(setInt(70_000, 1));
		this.hashes.clear();
		assertThat(this.hashes.hash()).isEqualTo(Parameters.hash(List.of(List.of())));
		bind(setInt(2, 2));
		assertThat(this.hashes.hash()).isEqualTo(Parameters.hash(List.of(List.of(setInt(2, 2)))));
	}

	@Test
	void batchHashIsTheHashOfItsParameterSetsInBatchOrder() {
		bind(setInt(1, 1));
		this.hashes.addBatch();
		bind(setInt(1, 2));
		bind(setInt(2, 2));
		this.hashes.addBatch();
		assertThat(this.hashes.batchSize()).isEqualTo(2);
		assertThat(this.hashes.hash()).isEqualTo(Parameters.hash(List.of(List.of())));
		assertThat(this.hashes.batchHash())
			.isEqualTo(Parameters.hash(List.of(List.of(setInt(1, 1)), List.of(setInt(1, 2), setInt(2, 2)))))
			.isNotEqualTo(Parameters.hash(List.of(List.of(setInt(1, 2), setInt(2, 2)), List.of(setInt(1, 1)))));
	}

	@Test
	void clearBatchStartsAnEmptyBatch() {
		bind(setInt(1, 1));
		this.hashes.addBatch();
		this.hashes.clearBatch();
		assertThat(this.hashes.batchSize()).isZero();
		assertThat(this.hashes.batchHash()).isEqualTo(Parameters.hash(List.of()));
	}

	private void bind(ParameterSetOperation operation) {
		this.hashes.bind((Integer) operation.getArgs()[0], Parameters.mixedHash(operation));
	}

	private static ParameterSetOperation setInt(int index, int value) {
		return new ParameterSetOperation(JdbcMethods.SET_INT, new Object[] { index, value });
	}

}
