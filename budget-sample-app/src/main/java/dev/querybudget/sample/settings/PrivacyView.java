package dev.querybudget.sample.settings;

import java.time.Instant;

import dev.querybudget.sample.user.PrivacySettings;

/**
 * Saved privacy settings.
 *
 * @param showGamePassports whether visitors see the game passports
 * @param showFollowers whether visitors see the follower counts
 * @param updatedAt when they were last changed
 */
public record PrivacyView(boolean showGamePassports, boolean showFollowers, Instant updatedAt) {

	static PrivacyView of(PrivacySettings settings) {
		return new PrivacyView(settings.isShowGamePassports(), settings.isShowFollowers(), settings.getUpdatedAt());
	}

}
