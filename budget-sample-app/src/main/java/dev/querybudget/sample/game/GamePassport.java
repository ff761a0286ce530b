package dev.querybudget.sample.game;

import dev.querybudget.sample.SampleEntity;
import dev.querybudget.sample.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A player's identity in one game (the audit's "game passport"): in-game name, rank and
 * current team.
 */
@Entity
@Table(name = "game_passports")
public class GamePassport extends SampleEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "user_id")
	private User user;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "game_id")
	private Game game;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "current_team_id")
	private @Nullable Team team;

	@Column(nullable = false)
	private String inGameName;

	@Column(nullable = false)
	private String skillRank;

	protected GamePassport() {
	}

	public GamePassport(User user, Game game, @Nullable Team team, String inGameName, String skillRank) {
		this.user = user;
		this.game = game;
		this.team = team;
		this.inGameName = inGameName;
		this.skillRank = skillRank;
	}

	public User getUser() {
		return this.user;
	}

	public Game getGame() {
		return this.game;
	}

	public @Nullable Team getTeam() {
		return this.team;
	}

	public String getInGameName() {
		return this.inGameName;
	}

	public String getSkillRank() {
		return this.skillRank;
	}

}
