package dev.querybudget.sample.leaderboard;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Finds leaderboard entries.
 */
public interface LeaderboardEntryRepository extends JpaRepository<LeaderboardEntry, Long> {

	Page<LeaderboardEntry> findByGameSlugAndActiveTrue(String game, Pageable pageable);

	/**
	 * Finds a page of a game's active entries with their user joined, the audit's
	 * {@code select_related('user')}.
	 * @param game the game's slug
	 * @param pageable the page
	 * @return the entries
	 */
	@EntityGraph(attributePaths = "user")
	Page<LeaderboardEntry> findWithUserByGameSlugAndActiveTrue(String game, Pageable pageable);

}
