package dev.querybudget.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.querybudget.QueryBudget;

/**
 * A team's own budget annotation: {@code @QueryBudget} as a meta-annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@QueryBudget(max = 1, maxDuplicates = 0)
public @interface ReadOnlyBudget {

}
