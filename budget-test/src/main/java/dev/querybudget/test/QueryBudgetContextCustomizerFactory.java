package dev.querybudget.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Prepares the application context of a {@link QueryBudgetTest @QueryBudgetTest}: forces
 * {@code query-budget.mode=fail} and registers the {@link BreachCollector}, which the
 * auto-configured tracker picks up as a listener. A context customizer, rather than a
 * listener added to a built tracker, keeps the tracker's listeners fixed and makes the
 * context cache keep these contexts apart from the others.
 */
final class QueryBudgetContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, QueryBudgetTest.class)
				? new FailModeContextCustomizer() : null;
	}

	/**
	 * Equal to every other instance, so that all {@code @QueryBudgetTest} classes with
	 * the same configuration share a context.
	 */
	private record FailModeContextCustomizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "query-budget.mode=fail");
			context.getBeanFactory().registerSingleton(BreachCollector.BEAN_NAME, new BreachCollector());
		}

	}

}
