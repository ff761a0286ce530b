/**
 * A small Spring Boot application with a lazy one-to-many association, measured by the
 * self-tests of the test support.
 */
@NullMarked
package dev.querybudget.test.app;

import org.jspecify.annotations.NullMarked;
