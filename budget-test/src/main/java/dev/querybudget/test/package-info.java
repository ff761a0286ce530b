/**
 * JUnit Jupiter and AssertJ support for query budgets: block assertions, scale checks,
 * query snapshots and an extension that fails a test on any budget breach.
 */
@NullMarked
package dev.querybudget.test;

import org.jspecify.annotations.NullMarked;
