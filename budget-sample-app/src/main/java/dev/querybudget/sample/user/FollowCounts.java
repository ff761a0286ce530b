package dev.querybudget.sample.user;

/**
 * How many users follow a user, and how many that user follows.
 *
 * @param followers users following the user
 * @param following users the user follows
 */
public record FollowCounts(long followers, long following) {

}
