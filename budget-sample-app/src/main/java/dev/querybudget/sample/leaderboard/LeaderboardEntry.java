package dev.querybudget.sample.leaderboard;

import dev.querybudget.sample.SampleEntity;
import dev.querybudget.sample.game.Game;
import dev.querybudget.sample.user.User;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A player's place on the leaderboard of a game.
 */
@Entity
@Table(name = "leaderboard_entries")
public class LeaderboardEntry extends SampleEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "game_id")
	private Game game;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "user_id")
	private User user;

	private int standing;

	private int rating;

	private boolean active = true;

	protected LeaderboardEntry() {
	}

	public LeaderboardEntry(Game game, User user, int standing, int rating) {
		this.game = game;
		this.user = user;
		this.standing = standing;
		this.rating = rating;
	}

	public Game getGame() {
		return this.game;
	}

	public User getUser() {
		return this.user;
	}

	public int getStanding() {
		return this.standing;
	}

	public int getRating() {
		return this.rating;
	}

	public boolean isActive() {
		return this.active;
	}

}
