package dev.querybudget.sample.user;

import java.time.Instant;

import dev.querybudget.sample.SampleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * What a profile shows to visitors.
 */
@Entity
@Table(name = "privacy_settings")
public class PrivacySettings extends SampleEntity {

	private boolean showGamePassports = true;

	private boolean showFollowers = true;

	@Column(nullable = false)
	private Instant updatedAt = Instant.EPOCH;

	public PrivacySettings() {
	}

	public boolean isShowGamePassports() {
		return this.showGamePassports;
	}

	public boolean isShowFollowers() {
		return this.showFollowers;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	/**
	 * Changes the settings.
	 * @param showGamePassports whether visitors see the game passports
	 * @param showFollowers whether visitors see the follower counts
	 * @param now the time of the change
	 */
	public void change(boolean showGamePassports, boolean showFollowers, Instant now) {
		this.showGamePassports = showGamePassports;
		this.showFollowers = showFollowers;
		this.updatedAt = now;
	}

}
