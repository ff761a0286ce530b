package dev.querybudget.sample.profile;

import dev.querybudget.sample.game.GamePassport;
import dev.querybudget.sample.game.Team;
import org.jspecify.annotations.Nullable;

/**
 * A game passport as the profile page shows it.
 *
 * @param game the game's name
 * @param inGameName the player's name in the game
 * @param rank the player's rank in the game
 * @param team the current team's name, if any
 */
public record PassportView(String game, String inGameName, String rank, @Nullable String team) {

	/**
	 * Reads the view from a passport: one statement each for the game and the team unless
	 * they were fetched with the passport.
	 * @param passport the passport
	 * @return the view
	 */
	static PassportView of(GamePassport passport) {
		Team team = passport.getTeam();
		return new PassportView(passport.getGame().getName(), passport.getInGameName(), passport.getSkillRank(),
				(team != null) ? team.getName() : null);
	}

}
