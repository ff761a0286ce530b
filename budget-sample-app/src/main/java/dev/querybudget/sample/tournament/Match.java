package dev.querybudget.sample.tournament;

import dev.querybudget.sample.SampleEntity;
import dev.querybudget.sample.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A match between two players of a tournament.
 */
@Entity
@Table(name = "matches")
public class Match extends SampleEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "tournament_id")
	private Tournament tournament;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "player_one_id")
	private User playerOne;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "player_two_id")
	private User playerTwo;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "winner_id")
	private @Nullable User winner;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private State state;

	protected Match() {
	}

	public Match(Tournament tournament, User playerOne, User playerTwo, @Nullable User winner) {
		this.tournament = tournament;
		this.playerOne = playerOne;
		this.playerTwo = playerTwo;
		this.winner = winner;
		this.state = (winner != null) ? State.COMPLETED : State.SCHEDULED;
	}

	public Tournament getTournament() {
		return this.tournament;
	}

	public User getPlayerOne() {
		return this.playerOne;
	}

	public User getPlayerTwo() {
		return this.playerTwo;
	}

	public @Nullable User getWinner() {
		return this.winner;
	}

	public State getState() {
		return this.state;
	}

	/**
	 * Where a match is in its life.
	 */
	public enum State {

		/**
		 * Not played yet.
		 */
		SCHEDULED,

		/**
		 * Played, with a winner.
		 */
		COMPLETED

	}

}
