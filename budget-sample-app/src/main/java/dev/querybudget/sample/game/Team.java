package dev.querybudget.sample.game;

import dev.querybudget.sample.SampleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A team that plays one game.
 */
@Entity
@Table(name = "teams")
public class Team extends SampleEntity {

	@Column(nullable = false)
	private String name;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "game_id")
	private Game game;

	protected Team() {
	}

	public Team(String name, Game game) {
		this.name = name;
		this.game = game;
	}

	public String getName() {
		return this.name;
	}

	public Game getGame() {
		return this.game;
	}

}
