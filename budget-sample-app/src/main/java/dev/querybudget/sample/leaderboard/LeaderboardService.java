package dev.querybudget.sample.leaderboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.querybudget.sample.ItemsPage;
import dev.querybudget.sample.tournament.MatchRepository;
import dev.querybudget.sample.tournament.TournamentRepository;
import dev.querybudget.sample.tournament.TournamentWins;
import dev.querybudget.sample.user.UserRepository;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads leaderboards and writes leaderboard snapshots.
 */
@Service
class LeaderboardService {

	private final LeaderboardEntryRepository entries;

	private final LeaderboardSnapshotRepository snapshots;

	private final MatchRepository matches;

	private final TournamentRepository tournaments;

	private final UserRepository users;

	LeaderboardService(LeaderboardEntryRepository entries, LeaderboardSnapshotRepository snapshots,
			MatchRepository matches, TournamentRepository tournaments, UserRepository users) {
		this.entries = entries;
		this.snapshots = snapshots;
		this.matches = matches;
		this.tournaments = tournaments;
		this.users = users;
	}

	/**
	 * The audit's leaderboard: one page, then one statement per entry for its user.
	 */
	@Transactional(readOnly = true)
	ItemsPage<LeaderboardView> leaderboardOneByOne(String game, int page) {
		return ItemsPage.of(this.entries.findByGameSlugAndActiveTrue(game, byStanding(page)), LeaderboardView::of);
	}

	@Transactional(readOnly = true)
	ItemsPage<LeaderboardView> leaderboard(String game, int page) {
		return ItemsPage.of(this.entries.findWithUserByGameSlugAndActiveTrue(game, byStanding(page)),
				LeaderboardView::of);
	}

	/**
	 * Writes the wins of every player of every live tournament: one aggregate statement,
	 * then one batch of inserts. Tournaments and users are referenced by id, never
	 * loaded.
	 * @return the number of snapshot rows written
	 */
	@Transactional
	int snapshotLiveTournaments() {
		Instant now = Instant.now();
		List<LeaderboardSnapshot> rows = new ArrayList<>();
		for (TournamentWins wins : this.matches.winsInLiveTournaments()) {
			rows.add(new LeaderboardSnapshot(this.tournaments.getReferenceById(wins.tournamentId()),
					this.users.getReferenceById(wins.playerId()), wins.wins(), now));
		}
		this.snapshots.saveAll(rows);
		return rows.size();
	}

	private static Pageable byStanding(int page) {
		return PageRequest.of(page, ItemsPage.SIZE, Sort.by("standing"));
	}

}
