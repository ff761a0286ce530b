/**
 * Leaderboards per game and the scheduled leaderboard snapshot job.
 */
@NullMarked
package dev.querybudget.sample.leaderboard;

import org.jspecify.annotations.NullMarked;
