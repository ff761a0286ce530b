/**
 * Test support shared with other modules through the test-jar: databases for integration
 * tests.
 */
@NullMarked
package dev.querybudget.testing;

import org.jspecify.annotations.NullMarked;
