/**
 * Tournaments, registrations with their payment verification, matches, and the organiser
 * dashboard.
 */
@NullMarked
package dev.querybudget.sample.tournament;

import org.jspecify.annotations.NullMarked;
