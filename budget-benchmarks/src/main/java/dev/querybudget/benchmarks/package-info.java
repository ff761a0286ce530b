/**
 * JMH benchmarks of the fingerprinter and the datasource-proxy listener, each against a
 * baseline in the same run.
 */
@NullMarked
package dev.querybudget.benchmarks;

import org.jspecify.annotations.NullMarked;
