package dev.querybudget;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Budget construction, validation and conversion from the annotation.
 */
class BudgetTests {

	@Test
	void builderLeavesUnsetLimitsUnlimited() {
		Budget budget = Budget.builder().maxStatements(20).critical(25).build();
		assertThat(budget.maxStatements()).isEqualTo(20);
		assertThat(budget.critical()).isEqualTo(25);
		assertThat(budget.maxSelects()).isEqualTo(Budget.UNLIMITED);
		assertThat(budget.nPlusOneThreshold()).isEqualTo(Budget.UNLIMITED);
		assertThat(budget.maxDbTime()).isNull();
		assertThat(budget.isUnlimited()).isFalse();
		assertThat(Budget.unlimited().isUnlimited()).isTrue();
	}

	@Test
	void anySingleLimitMakesABudgetLimited() {
		assertThat(Budget.builder().build().isUnlimited()).isTrue();
		assertThat(List.of(Budget.builder().maxStatements(1), Budget.builder().maxSelects(1),
				Budget.builder().maxInserts(1), Budget.builder().maxUpdates(1), Budget.builder().maxDeletes(1),
				Budget.builder().maxDuplicates(0), Budget.builder().nPlusOneThreshold(2),
				Budget.builder().maxDbTime(Duration.ofMillis(1))))
			.allSatisfy((builder) -> assertThat(builder.build().isUnlimited()).isFalse());
	}

	@Test
	void zeroStatementsIsAValidBudget() {
		assertThat(Budget.ofMaxStatements(0).maxStatements()).isZero();
	}

	@Test
	void negativeLimitIsRejectedNamingTheField() {
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.ofMaxStatements(-2))
			.withMessage("'maxStatements' must be at least 0, or -1 for no limit, but was -2");
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.builder().maxSelects(-5).build())
			.withMessage("'maxSelects' must be at least 0, or -1 for no limit, but was -5");
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.builder().maxInserts(-3).build())
			.withMessage("'maxInserts' must be at least 0, or -1 for no limit, but was -3");
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.builder().maxUpdates(-3).build())
			.withMessage("'maxUpdates' must be at least 0, or -1 for no limit, but was -3");
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.builder().maxDeletes(-3).build())
			.withMessage("'maxDeletes' must be at least 0, or -1 for no limit, but was -3");
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.builder().maxDuplicates(-4).build())
			.withMessage("'maxDuplicates' must be at least 0, or -1 for no limit, but was -4");
	}

	@Test
	void criticalBelowMaximumIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.builder().maxStatements(20).critical(15).build())
			.withMessage("'critical' (15) must not be less than 'maxStatements' (20)");
	}

	@Test
	void criticalWithoutMaximumIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.builder().critical(15).build())
			.withMessage("'critical' (15) requires 'maxStatements' to be set");
	}

	@Test
	void nPlusOneThresholdBelowTwoIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.builder().nPlusOneThreshold(0).build())
			.withMessage("'nPlusOneThreshold' must be at least 2, or -1 for no limit, but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.builder().nPlusOneThreshold(1).build())
			.withMessage("'nPlusOneThreshold' must be at least 2, or -1 for no limit, but was 1");
	}

	@Test
	void nonPositiveDbTimeIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.builder().maxDbTime(Duration.ZERO).build())
			.withMessage("'maxDbTime' must be positive, or null for no limit, but was PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.builder().maxDbTime(Duration.ofMillis(-5)).build())
			.withMessage("'maxDbTime' must be positive, or null for no limit, but was PT-0.005S");
	}

	@Test
	void annotationIsConvertedWithUnsetAttributesUnlimited() throws NoSuchMethodException {
		Budget budget = Budget.from(annotation("full"));
		assertThat(budget).isEqualTo(new Budget(20, 25, 15, 2, 3, 1, 0, 5, Duration.ofMillis(200)));
		Budget partial = Budget.from(annotation("partial"));
		assertThat(partial).isEqualTo(Budget.ofMaxStatements(10));
		assertThat(annotation("partial").mode()).isEqualTo(EnforcementMode.LOG);
	}

	@Test
	void invalidAnnotationIsRejectedNamingTheAttribute() throws NoSuchMethodException {
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.from(annotation("criticalBelowMax")))
			.withMessage("'critical' (15) must not be less than 'max' (20)");
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.from(annotation("negativeMax")))
			.withMessage("'max' must be at least 0, or -1 for no limit, but was -7");
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.from(annotation("zeroNPlusOne")))
			.withMessage("'nPlusOneThreshold' must be at least 2, or -1 for no limit, but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> Budget.from(annotation("zeroDbTime")))
			.withMessage("'maxDbTimeMillis' must be at least 1, or -1 for no limit, but was 0");
	}

	@Test
	void annotationWorksAsAMetaAnnotation() throws NoSuchMethodException {
		QueryBudget meta = Annotated.class.getDeclaredMethod("meta")
			.getAnnotation(ReadOnlyEndpoint.class)
			.annotationType()
			.getAnnotation(QueryBudget.class);
		assertThat(Budget.from(meta)).isEqualTo(Budget.builder().maxStatements(3).maxInserts(0).build());
	}

	private static QueryBudget annotation(String method) throws NoSuchMethodException {
		return Annotated.class.getDeclaredMethod(method).getAnnotation(QueryBudget.class);
	}

	@QueryBudget(max = 3, maxInserts = 0)
	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@interface ReadOnlyEndpoint {

	}

	static class Annotated {

		@QueryBudget(max = 20, critical = 25, maxSelects = 15, maxInserts = 2, maxUpdates = 3, maxDeletes = 1,
				maxDuplicates = 0, nPlusOneThreshold = 5, maxDbTimeMillis = 200, mode = EnforcementMode.FAIL)
		void full() {
		}

		@QueryBudget(max = 10)
		void partial() {
		}

		@QueryBudget(max = 20, critical = 15)
		void criticalBelowMax() {
		}

		@QueryBudget(max = -7)
		void negativeMax() {
		}

		@QueryBudget(nPlusOneThreshold = 0)
		void zeroNPlusOne() {
		}

		@QueryBudget(maxDbTimeMillis = 0)
		void zeroDbTime() {
		}

		@ReadOnlyEndpoint
		void meta() {
		}

	}

}
