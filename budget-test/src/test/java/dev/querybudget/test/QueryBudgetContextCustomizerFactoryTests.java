package dev.querybudget.test;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

class QueryBudgetContextCustomizerFactoryTests {

	private final QueryBudgetContextCustomizerFactory factory = new QueryBudgetContextCustomizerFactory();

	@Test
	void testsWithoutTheAnnotationKeepTheirContextUntouched() {
		assertThat(this.factory.createContextCustomizer(Plain.class, List.of())).isNull();
	}

	@Test
	void annotatedTestsShareOneContextKey() {
		ContextCustomizer one = this.factory.createContextCustomizer(Annotated.class, List.of());
		ContextCustomizer other = this.factory.createContextCustomizer(AlsoAnnotated.class, List.of());
		assertThat(one).isNotNull().isEqualTo(other).hasSameHashCodeAs(other);
	}

	@Test
	void annotatedTestsRunInFailModeWithTheBreachCollectorAsAListener() {
		ContextCustomizer customizer = this.factory.createContextCustomizer(Annotated.class, List.of());
		assertThat(customizer).isNotNull();
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			customizer.customizeContext(context, null);
			context.refresh();
			assertThat(context.getEnvironment().getProperty("query-budget.mode")).isEqualTo("fail");
			assertThat(context.getBean(BreachCollector.BEAN_NAME)).isInstanceOf(BreachCollector.class);
		}
	}

	static class Plain {

	}

	@QueryBudgetTest
	static class Annotated {

	}

	@QueryBudgetTest(includeFixtures = true)
	static class AlsoAnnotated {

	}

}
