/**
 * A small JPA model with every association type, for the diagnosis tests.
 */
@NullMarked
package dev.querybudget.hibernate.petclinic;

import org.jspecify.annotations.NullMarked;
