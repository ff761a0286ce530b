/**
 * Hibernate integration: attributes statements to the collection, association or entity
 * load that caused them, so that reports name the N+1 and its fix.
 */
@NullMarked
package dev.querybudget.hibernate;

import org.jspecify.annotations.NullMarked;
