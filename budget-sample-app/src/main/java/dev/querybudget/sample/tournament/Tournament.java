package dev.querybudget.sample.tournament;

import java.time.Instant;

import dev.querybudget.sample.SampleEntity;
import dev.querybudget.sample.game.Game;
import dev.querybudget.sample.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A tournament in one game, run by an organiser.
 */
@Entity
@Table(name = "tournaments")
public class Tournament extends SampleEntity {

	@Column(nullable = false)
	private String name;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "game_id")
	private Game game;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "organizer_id")
	private User organizer;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(nullable = false)
	private Instant startsAt;

	private boolean deleted;

	protected Tournament() {
	}

	public Tournament(String name, Game game, User organizer, Status status, Instant startsAt) {
		this.name = name;
		this.game = game;
		this.organizer = organizer;
		this.status = status;
		this.startsAt = startsAt;
	}

	public String getName() {
		return this.name;
	}

	public Game getGame() {
		return this.game;
	}

	public User getOrganizer() {
		return this.organizer;
	}

	public Status getStatus() {
		return this.status;
	}

	public Instant getStartsAt() {
		return this.startsAt;
	}

	public boolean isDeleted() {
		return this.deleted;
	}

	public void delete() {
		this.deleted = true;
	}

	/**
	 * Where a tournament is in its life.
	 */
	public enum Status {

		/**
		 * Taking registrations.
		 */
		OPEN,

		/**
		 * Matches are being played.
		 */
		LIVE,

		/**
		 * Over.
		 */
		FINISHED

	}

}
