/**
 * The public profile page: the audit's duplicate lookups and N+1 over game passports, and
 * the fix.
 */
@NullMarked
package dev.querybudget.sample.profile;

import org.jspecify.annotations.NullMarked;
