package dev.querybudget.sample.leaderboard;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores leaderboard snapshots.
 */
public interface LeaderboardSnapshotRepository extends JpaRepository<LeaderboardSnapshot, Long> {

}
