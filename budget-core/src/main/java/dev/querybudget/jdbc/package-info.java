/**
 * The datasource-proxy adapter: feeds the JDBC statements of a proxied DataSource to a
 * query budget tracker.
 */
@NullMarked
package dev.querybudget.jdbc;

import org.jspecify.annotations.NullMarked;
