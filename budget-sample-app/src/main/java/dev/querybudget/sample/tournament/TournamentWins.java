package dev.querybudget.sample.tournament;

/**
 * How many matches one player won in one tournament.
 *
 * @param tournamentId the tournament
 * @param playerId the player
 * @param wins the matches won
 */
public record TournamentWins(long tournamentId, long playerId, long wins) {

}
