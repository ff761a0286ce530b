/**
 * A JPA and Spring MVC application the starter is tested on.
 */
@NullMarked
package dev.querybudget.testapp;

import org.jspecify.annotations.NullMarked;
