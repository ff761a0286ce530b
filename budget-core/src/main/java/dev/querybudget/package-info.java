/**
 * Query Budget: count, fingerprint and budget the SQL statements of a unit of work.
 */
@NullMarked
package dev.querybudget;

import org.jspecify.annotations.NullMarked;
