/**
 * Statement origins from Hibernate and Spring Data repositories, so that reports name the
 * association or repository method behind an N+1.
 */
@NullMarked
package dev.querybudget.autoconfigure.orm;

import org.jspecify.annotations.NullMarked;
