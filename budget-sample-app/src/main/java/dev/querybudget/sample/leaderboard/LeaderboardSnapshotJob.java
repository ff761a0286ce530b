package dev.querybudget.sample.leaderboard;

import dev.querybudget.QueryBudget;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Snapshots the standings of live tournaments on a schedule, the audit's
 * {@code snapshot_active_tournaments} task. Each run is a job scope named
 * {@code LeaderboardSnapshotJob#snapshotLiveTournaments} with its own budget.
 */
@Component
public class LeaderboardSnapshotJob {

	private static final Log logger = LogFactory.getLog(LeaderboardSnapshotJob.class);

	private final LeaderboardService service;

	LeaderboardSnapshotJob(LeaderboardService service) {
		this.service = service;
	}

	@Scheduled(initialDelayString = "${sample.leaderboard-snapshot.initial-delay:PT10S}",
			fixedDelayString = "${sample.leaderboard-snapshot.interval:PT1M}")
	@QueryBudget(max = 4)
	public void snapshotLiveTournaments() {
		int rows = this.service.snapshotLiveTournaments();
		logger.info("Leaderboard snapshot: " + rows + " rows written");
	}

}
