package dev.querybudget.sample.tournament;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Finds and aggregates matches.
 */
public interface MatchRepository extends JpaRepository<Match, Long> {

	/**
	 * Counts the wins of every player in every live tournament in one aggregate
	 * statement.
	 * @return the wins per tournament and player
	 */
	@Query("""
			select new dev.querybudget.sample.tournament.TournamentWins(t.id, w.id, count(m))
			from Match m join m.tournament t join m.winner w
			where m.state = dev.querybudget.sample.tournament.Match.State.COMPLETED
				and t.status = dev.querybudget.sample.tournament.Tournament.Status.LIVE and t.deleted = false
			group by t.id, w.id
			order by t.id, w.id""")
	List<TournamentWins> winsInLiveTournaments();

}
