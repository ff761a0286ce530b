/**
 * Spring Boot auto-configuration of Query Budget: tracker, budgets and proxied
 * DataSources.
 */
@NullMarked
package dev.querybudget.autoconfigure;

import org.jspecify.annotations.NullMarked;
