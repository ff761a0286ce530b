/**
 * SQL fingerprinting: turns statement text into a normalised shape and a 64-bit hash,
 * without parsing.
 */
@NullMarked
package dev.querybudget.sql;

import org.jspecify.annotations.NullMarked;
