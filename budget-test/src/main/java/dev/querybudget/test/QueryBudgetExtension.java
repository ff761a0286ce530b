package dev.querybudget.test;

import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.querybudget.Budget;
import dev.querybudget.EnforcementMode;
import dev.querybudget.QueryBudget;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.platform.commons.support.AnnotationSupport;
import org.jspecify.annotations.Nullable;

/**
 * Brings query budgets into JUnit Jupiter tests:
 * <ul>
 * <li>binds the tracker to the test, for
 * {@link QueryBudgetAssertions#assertThatQueries(org.assertj.core.api.ThrowableAssert.ThrowingCallable)}
 * and {@link QueryBudgetAssertions#assertThatScaling};</li>
 * <li>runs a test method annotated with {@link QueryBudget @QueryBudget} (or in an
 * annotated class) in a {@link ScopeKind#TEST} scope and fails the test with the report
 * when the statements of the test thread break that budget, whatever the annotation's
 * mode;</li>
 * <li>in a {@link QueryBudgetTest @QueryBudgetTest}, fails the test with the full report
 * of every scope that broke its budget while the test method ran.</li>
 * </ul>
 * In Spring tests the tracker is the application context's; in plain tests register the
 * extension with {@code @RegisterExtension} and {@link #of(QueryBudgetTracker)}.
 *
 * @since 0.1.0
 */
public final class QueryBudgetExtension
		implements BeforeEachCallback, BeforeTestExecutionCallback, AfterTestExecutionCallback, AfterEachCallback {

	private static final Namespace NAMESPACE = Namespace.create(QueryBudgetExtension.class);

	private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";

	private final @Nullable QueryBudgetTracker tracker;

	QueryBudgetExtension() {
		this.tracker = null;
	}

	private QueryBudgetExtension(QueryBudgetTracker tracker) {
		this.tracker = tracker;
	}

	/**
	 * Returns an extension for tests whose DataSource is proxied with this tracker's
	 * listener, to register with {@code @RegisterExtension}.
	 * @param tracker the tracker
	 * @return the extension
	 */
	public static QueryBudgetExtension of(QueryBudgetTracker tracker) {
		return new QueryBudgetExtension(Objects.requireNonNull(tracker, "'tracker' must not be null"));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		Store store = context.getStore(NAMESPACE);
		store.put(Key.BINDING, TestTrackers.bind(tracker(context), testName(context)));
		if (includesFixtures(context)) {
			openWindow(context);
		}
	}

	@Override
	public void beforeTestExecution(ExtensionContext context) {
		if (!includesFixtures(context)) {
			openWindow(context);
		}
		QueryBudget annotation = budgetAnnotation(context);
		if (annotation != null) {
			QueryScope scope = tracker(context).open(ScopeKind.TEST, testName(context), Budget.from(annotation),
					EnforcementMode.RECORD);
			context.getStore(NAMESPACE).put(Key.SCOPE, scope);
		}
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		StringBuilder failures = new StringBuilder();
		QueryScope scope = context.getStore(NAMESPACE).remove(Key.SCOPE, QueryScope.class);
		if (scope != null) {
			ScopeReport report = scope.report();
			scope.close();
			if (report.isBreached()) {
				failures.append("\nTest '")
					.append(report.name())
					.append("' broke its @QueryBudget:\n")
					.append(report.format())
					.append('\n')
					.append(ScopeReportAssert.shapes(report));
			}
		}
		if (!includesFixtures(context)) {
			appendBreaches(context, failures);
		}
		failIfAny(failures);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (includesFixtures(context)) {
			StringBuilder failures = new StringBuilder();
			appendBreaches(context, failures);
			failIfAny(failures);
		}
	}

	private void openWindow(ExtensionContext context) {
		BreachCollector collector = collector(context);
		if (collector != null) {
			context.getStore(NAMESPACE).put(Key.WINDOW, collector.open());
		}
	}

	private static void appendBreaches(ExtensionContext context, StringBuilder failures) {
		BreachCollector.Window window = context.getStore(NAMESPACE).remove(Key.WINDOW, BreachCollector.Window.class);
		if (window == null) {
			return;
		}
		List<ScopeReport> breaches = window.finish();
		if (!breaches.isEmpty()) {
			failures.append('\n')
				.append(breaches.size())
				.append((breaches.size() == 1) ? " scope" : " scopes")
				.append(" broke the query budget during '")
				.append(testName(context))
				.append("':");
			for (ScopeReport breach : breaches) {
				failures.append("\n\n").append(breach.format());
			}
		}
	}

	private static void failIfAny(StringBuilder failures) {
		if (failures.length() > 0) {
			throw new AssertionError(failures.toString());
		}
	}

	private QueryBudgetTracker tracker(ExtensionContext context) {
		if (this.tracker != null) {
			return this.tracker;
		}
		if (isSpringTest(context)) {
			return SpringTestSupport.tracker(context);
		}
		throw new ExtensionConfigurationException("QueryBudgetExtension found no QueryBudgetTracker for "
				+ context.getRequiredTestClass().getName() + ". In a Spring Boot test, add @SpringBootTest; in a plain "
				+ "test, register it with @RegisterExtension and QueryBudgetExtension.of(tracker).");
	}

	private @Nullable BreachCollector collector(ExtensionContext context) {
		return (this.tracker == null && isSpringTest(context)) ? SpringTestSupport.collector(context) : null;
	}

	private static boolean isSpringTest(ExtensionContext context) {
		ClassLoader loader = QueryBudgetExtension.class.getClassLoader();
		try {
			Class.forName(SPRING_EXTENSION, false, loader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
		return SpringTestSupport.isSpringTest(context.getRequiredTestClass());
	}

	private static boolean includesFixtures(ExtensionContext context) {
		QueryBudgetTest annotation = findOnClassOrEnclosing(context.getRequiredTestClass(), QueryBudgetTest.class);
		return annotation != null && annotation.includeFixtures();
	}

	private static @Nullable QueryBudget budgetAnnotation(ExtensionContext context) {
		Optional<QueryBudget> onMethod = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(),
				QueryBudget.class);
		return onMethod.orElseGet(() -> findOnClassOrEnclosing(context.getRequiredTestClass(), QueryBudget.class));
	}

	private static <A extends java.lang.annotation.Annotation> @Nullable A findOnClassOrEnclosing(Class<?> testClass,
			Class<A> annotationType) {
		for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
			Optional<A> found = AnnotationSupport.findAnnotation((AnnotatedElement) type, annotationType);
			if (found.isPresent()) {
				return found.get();
			}
		}
		return null;
	}

	private static String testName(ExtensionContext context) {
		return context.getRequiredTestClass().getSimpleName() + "#" + context.getRequiredTestMethod().getName();
	}

	private enum Key {

		BINDING, SCOPE, WINDOW

	}

}
