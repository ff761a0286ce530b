package dev.querybudget.sample.user;

import dev.querybudget.sample.SampleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/**
 * The public face of a user: display name, bio, stats, and the privacy settings that
 * decide what a visitor sees.
 */
@Entity
@Table(name = "profiles")
public class Profile extends SampleEntity {

	@OneToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "user_id", unique = true)
	private User user;

	@OneToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "privacy_settings_id", unique = true)
	private PrivacySettings privacy;

	@Column(nullable = false)
	private String displayName;

	@Column(nullable = false)
	private String bio;

	private int tournamentsPlayed;

	private int matchesWon;

	protected Profile() {
	}

	public Profile(User user, PrivacySettings privacy, String displayName, String bio, int tournamentsPlayed,
			int matchesWon) {
		this.user = user;
		this.privacy = privacy;
		this.displayName = displayName;
		this.bio = bio;
		this.tournamentsPlayed = tournamentsPlayed;
		this.matchesWon = matchesWon;
	}

	public User getUser() {
		return this.user;
	}

	public PrivacySettings getPrivacy() {
		return this.privacy;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public String getBio() {
		return this.bio;
	}

	public int getTournamentsPlayed() {
		return this.tournamentsPlayed;
	}

	public int getMatchesWon() {
		return this.matchesWon;
	}

}
