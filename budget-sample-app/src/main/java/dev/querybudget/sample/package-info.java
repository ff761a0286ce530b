/**
 * A Spring Boot JPA application that reproduces the N+1 and duplicate queries of real
 * performance audits, each endpoint next to its fix, under Query Budget.
 */
@NullMarked
package dev.querybudget.sample;

import org.jspecify.annotations.NullMarked;
