package dev.querybudget.sample.leaderboard;

import java.time.Instant;

import dev.querybudget.sample.tournament.Tournament;
import dev.querybudget.sample.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A player's wins in a live tournament at one point in time, written by
 * {@link LeaderboardSnapshotJob}.
 */
@Entity
@Table(name = "leaderboard_snapshots")
public class LeaderboardSnapshot {

	// A sequence, not an identity column, so that Hibernate can batch the inserts
	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "leaderboard_snapshots_seq")
	@SequenceGenerator(name = "leaderboard_snapshots_seq", allocationSize = 50)
	private @Nullable Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "tournament_id")
	private Tournament tournament;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "user_id")
	private User user;

	private long wins;

	@Column(nullable = false)
	private Instant takenAt;

	protected LeaderboardSnapshot() {
	}

	public LeaderboardSnapshot(Tournament tournament, User user, long wins, Instant takenAt) {
		this.tournament = tournament;
		this.user = user;
		this.wins = wins;
		this.takenAt = takenAt;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public Tournament getTournament() {
		return this.tournament;
	}

	public User getUser() {
		return this.user;
	}

	public long getWins() {
		return this.wins;
	}

	public Instant getTakenAt() {
		return this.takenAt;
	}

}
