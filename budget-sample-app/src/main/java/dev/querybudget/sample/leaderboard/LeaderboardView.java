package dev.querybudget.sample.leaderboard;

/**
 * A leaderboard line.
 *
 * @param standing the player's place, from 1
 * @param player the player's username
 * @param rating the player's rating
 */
public record LeaderboardView(int standing, String player, int rating) {

	/**
	 * Reads the view from an entry: one statement for the user unless it was fetched with
	 * the entry.
	 * @param entry the entry
	 * @return the view
	 */
	static LeaderboardView of(LeaderboardEntry entry) {
		return new LeaderboardView(entry.getStanding(), entry.getUser().getUsername(), entry.getRating());
	}

}
