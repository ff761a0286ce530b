/**
 * Dependency-free helpers of the engine, with no compatibility promise.
 */
@NullMarked
package dev.querybudget.internal;

import org.jspecify.annotations.NullMarked;
