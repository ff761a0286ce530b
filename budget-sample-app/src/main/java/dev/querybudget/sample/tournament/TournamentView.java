package dev.querybudget.sample.tournament;

import java.time.Instant;

/**
 * A tournament as tournament discovery lists it.
 *
 * @param id the tournament id
 * @param name the tournament's name
 * @param game the game's name
 * @param organizer the organiser's username
 * @param status where the tournament is in its life
 * @param startsAt when it starts
 */
public record TournamentView(long id, String name, String game, String organizer, Tournament.Status status,
		Instant startsAt) {

	/**
	 * Reads the view from a tournament and its associations: one statement each for the
	 * game and the organiser unless they were fetched with the tournament.
	 * @param tournament the tournament
	 * @return the view
	 */
	static TournamentView of(Tournament tournament) {
		return new TournamentView(tournament.getId(), tournament.getName(), tournament.getGame().getName(),
				tournament.getOrganizer().getUsername(), tournament.getStatus(), tournament.getStartsAt());
	}

}
