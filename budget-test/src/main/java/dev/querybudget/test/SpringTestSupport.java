package dev.querybudget.test;

import dev.querybudget.QueryBudgetTracker;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Finds the tracker and the breach collector in the application context of a Spring test.
 * Only loaded when Spring's test support is on the class path.
 */
final class SpringTestSupport {

	private SpringTestSupport() {
	}

	static boolean isSpringTest(Class<?> testClass) {
		for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
			for (ExtendWith extendWith : AnnotationSupport.findRepeatableAnnotations(type, ExtendWith.class)) {
				for (Class<?> extension : extendWith.value()) {
					if (extension == SpringExtension.class) {
						return true;
					}
				}
			}
		}
		return false;
	}

	static QueryBudgetTracker tracker(ExtensionContext context) {
		QueryBudgetTracker tracker = applicationContext(context).getBeanProvider(QueryBudgetTracker.class)
			.getIfUnique();
		if (tracker == null) {
			throw new ExtensionConfigurationException("The application context of "
					+ context.getRequiredTestClass().getName() + " has no unique QueryBudgetTracker bean. Add "
					+ "budget-spring-boot-starter to the test class path and keep 'query-budget.enabled' true.");
		}
		return tracker;
	}

	static @Nullable BreachCollector collector(ExtensionContext context) {
		return applicationContext(context).getBeanProvider(BreachCollector.class).getIfAvailable();
	}

	private static ApplicationContext applicationContext(ExtensionContext context) {
		return SpringExtension.getApplicationContext(context);
	}

}
