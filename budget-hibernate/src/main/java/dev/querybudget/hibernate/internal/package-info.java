/**
 * The Hibernate listeners that declare statement origins; no compatibility promise.
 */
@NullMarked
package dev.querybudget.hibernate.internal;

import org.jspecify.annotations.NullMarked;
