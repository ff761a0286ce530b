/**
 * Integration tests of the listener over real databases.
 */
@NullMarked
package dev.querybudget.integration;

import org.jspecify.annotations.NullMarked;
