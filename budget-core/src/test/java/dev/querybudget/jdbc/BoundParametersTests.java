package dev.querybudget.jdbc;

import java.util.ArrayList;
import java.util.List;

import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

final class BoundParametersTests {

	private final BoundParameters parameters = new BoundParameters();

	@Test
	void snapshotListsParametersInIndexOrderWhateverTheBindingOrder() {
		ParameterSetOperation third = setInt(3);
		ParameterSetOperation first = setInt(1);
		ParameterSetOperation second = setInt(2);
		this.parameters.bind(3, third);
		this.parameters.bind(1, first);
		this.parameters.bind(2, second);
		assertThat(this.parameters.snapshot()).containsExactly(first, second, third);
	}

	@Test
	void rebindingAnIndexReplacesItsOperation() {
		ParameterSetOperation first = setInt(1);
		ParameterSetOperation second = setInt(2);
		ParameterSetOperation replacement = setInt(1);
		this.parameters.bind(1, first);
		this.parameters.bind(2, second);
		this.parameters.bind(1, replacement);
		assertThat(this.parameters.snapshot()).containsExactly(replacement, second);
	}

	@Test
	void parametersBeyondTheFirstArrayKeepTheirOrderAsItGrows() {
		List<ParameterSetOperation> bound = new ArrayList<>();
		for (int index = 1; index <= 20; index++) {
			ParameterSetOperation operation = setInt(index);
			this.parameters.bind(index, operation);
			bound.add(operation);
		}
		assertThat(this.parameters.snapshot()).containsExactlyElementsOf(bound);
	}

	@Test
	void gapsBetweenIndexesAreSkipped() {
		ParameterSetOperation second = setInt(2);
		ParameterSetOperation fortieth = setInt(40);
		this.parameters.bind(40, fortieth);
		this.parameters.bind(2, second);
		assertThat(this.parameters.snapshot()).containsExactly(second, fortieth);
	}

	@Test
	void clearRemovesEveryParameter() {
		this.parameters.bind(1, setInt(1));
		this.parameters.bind(70_000, setInt(70_000));
		this.parameters.bind(0, setInt(0));
		this.parameters.clear();
		assertThat(this.parameters.snapshot()).isEmpty();
	}

	@Test
	void parametersBoundAfterClearAreTheOnlyOnesListed() {
		this.parameters.bind(1, setInt(1));
		this.parameters.bind(5, setInt(5));
		this.parameters.clear();
		ParameterSetOperation second = setInt(2);
		this.parameters.bind(2, second);
		assertThat(this.parameters.snapshot()).containsExactly(second);
	}

	@Test
	void indexesOutsideTheArrayRangeAreListedInIndexOrderWithoutSizingTheArray() {
		ParameterSetOperation min = setInt(Integer.MIN_VALUE);
		ParameterSetOperation negative = setInt(-1);
		ParameterSetOperation zero = setInt(0);
		ParameterSetOperation first = setInt(1);
		ParameterSetOperation last = setInt(65_536);
		ParameterSetOperation beyondLast = setInt(65_537);
		ParameterSetOperation million = setInt(1_000_000);
		ParameterSetOperation max = setInt(Integer.MAX_VALUE);
		// Sized by index, an array would not fit in the heap for Integer.MAX_VALUE
		this.parameters.bind(Integer.MAX_VALUE, max);
		this.parameters.bind(1_000_000, million);
		this.parameters.bind(0, zero);
		this.parameters.bind(65_537, beyondLast);
		this.parameters.bind(1, first);
		this.parameters.bind(Integer.MIN_VALUE, min);
		this.parameters.bind(65_536, last);
		this.parameters.bind(-1, negative);
		assertThat(this.parameters.snapshot()).containsExactly(min, negative, zero, first, last, beyondLast, million,
				max);
	}

	@Test
	void rebindingAnIndexOutsideTheArrayRangeReplacesItsOperation() {
		ParameterSetOperation replacement = setInt(1_000_000);
		ParameterSetOperation zero = setInt(0);
		this.parameters.bind(1_000_000, setInt(1_000_000));
		this.parameters.bind(0, setInt(0));
		this.parameters.bind(1_000_000, replacement);
		this.parameters.bind(0, zero);
		assertThat(this.parameters.snapshot()).containsExactly(zero, replacement);
	}

	@Test
	void snapshotIsANewListUntouchedByLaterBindingsOrClearing() {
		ParameterSetOperation first = setInt(1);
		this.parameters.bind(1, first);
		List<ParameterSetOperation> snapshot = this.parameters.snapshot();
		List<ParameterSetOperation> other = this.parameters.snapshot();
		assertThat(snapshot).isNotSameAs(other);
		other.clear();
		this.parameters.bind(1, setInt(1));
		this.parameters.bind(2, setInt(2));
		this.parameters.clear();
		assertThat(snapshot).containsExactly(first);
		assertThat(this.parameters.snapshot()).isNotSameAs(this.parameters.snapshot()).isEmpty();
	}

	@Test
	void snapshotOfNothingIsEmpty() {
		assertThat(this.parameters.snapshot()).isEmpty();
		this.parameters.clear();
		assertThat(this.parameters.snapshot()).isEmpty();
	}

	private static ParameterSetOperation setInt(int index) {
		return new ParameterSetOperation(JdbcMethods.SET_INT, new Object[] { index, index });
	}

}
