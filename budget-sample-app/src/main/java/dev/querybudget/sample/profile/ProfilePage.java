package dev.querybudget.sample.profile;

import java.util.List;

import dev.querybudget.sample.user.FollowCounts;
import dev.querybudget.sample.user.Profile;
import org.jspecify.annotations.Nullable;

/**
 * The public profile page of a user.
 *
 * @param username the user's username
 * @param displayName the profile's display name
 * @param bio the profile's bio
 * @param tournamentsPlayed tournaments the user played
 * @param matchesWon matches the user won
 * @param viewerFollows whether the viewer follows the user
 * @param follows follower and following counts, {@code null} when the user hides them
 * @param passports the game passports, empty when the user hides them
 */
public record ProfilePage(String username, String displayName, String bio, int tournamentsPlayed, int matchesWon,
		boolean viewerFollows, @Nullable FollowCounts follows, List<PassportView> passports) {

	public ProfilePage {
		passports = List.copyOf(passports);
	}

	static ProfilePage of(Profile profile, boolean viewerFollows, @Nullable FollowCounts follows,
			List<PassportView> passports) {
		return new ProfilePage(profile.getUser().getUsername(), profile.getDisplayName(), profile.getBio(),
				profile.getTournamentsPlayed(), profile.getMatchesWon(), viewerFollows, follows, passports);
	}

}
