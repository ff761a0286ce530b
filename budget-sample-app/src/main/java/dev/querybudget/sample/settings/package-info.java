/**
 * Saving privacy settings: a detached merge and a repeated lookup, and the fix.
 */
@NullMarked
package dev.querybudget.sample.settings;

import org.jspecify.annotations.NullMarked;
