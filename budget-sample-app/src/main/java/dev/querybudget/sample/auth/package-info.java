/**
 * The auth profile endpoint and the token refresh: lazy walks in a serializer and
 * repeated user lookups, and their fixes.
 */
@NullMarked
package dev.querybudget.sample.auth;

import org.jspecify.annotations.NullMarked;
