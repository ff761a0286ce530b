/**
 * Games, teams and the players' game passports.
 */
@NullMarked
package dev.querybudget.sample.game;

import org.jspecify.annotations.NullMarked;
