/**
 * Micrometer meters of closed scopes: statements, duplicates, N+1 patterns, database
 * time, slow statements, violations and budget limits.
 */
@NullMarked
package dev.querybudget.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
