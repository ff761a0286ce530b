package dev.querybudget.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a Spring Boot test with Query Budget in fail mode, so that a test in which any
 * scope (a MockMvc request, a request to the running server, a job, an annotated method)
 * breaks its budget fails with the full report, even when the application swallowed the
 * exception. Put it next to {@code @SpringBootTest} (or a test slice that includes the
 * Query Budget auto-configuration). It forces {@code query-budget.mode=fail}, registers
 * {@link QueryBudgetExtension}, and binds the application's tracker for
 * {@link QueryBudgetAssertions#assertThatQueries(org.assertj.core.api.ThrowableAssert.ThrowingCallable)}.
 * <p>
 * Only breaches of scopes that close while the test method runs count; breaches in
 * {@code @BeforeEach} and {@code @AfterEach} fixtures count only with
 * {@link #includeFixtures()}. Test classes that share an application context must not run
 * concurrently.
 *
 * @since 0.1.0
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(QueryBudgetExtension.class)
public @interface QueryBudgetTest {

	/**
	 * Whether breaches of scopes that close in {@code @BeforeEach} and {@code @AfterEach}
	 * methods fail the test too.
	 * @return {@code true} to judge fixtures as well as the test method
	 */
	boolean includeFixtures() default false;

}
