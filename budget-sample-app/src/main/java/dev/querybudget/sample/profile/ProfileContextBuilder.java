package dev.querybudget.sample.profile;

import java.util.List;

import dev.querybudget.sample.game.GamePassportRepository;
import dev.querybudget.sample.user.FollowCounts;
import dev.querybudget.sample.user.FollowRepository;
import dev.querybudget.sample.user.PrivacySettings;
import dev.querybudget.sample.user.Profile;
import dev.querybudget.sample.user.ProfileRepository;
import dev.querybudget.sample.user.User;
import dev.querybudget.sample.user.UserRepository;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Builds the sections of the profile page from a username, like the audited
 * {@code build_public_profile_context(username=...)}: it takes the name, not the objects
 * the caller already loaded, so it looks the user and the profile up again.
 */
@Component
class ProfileContextBuilder {

	private final UserRepository users;

	private final ProfileRepository profiles;

	private final GamePassportRepository passports;

	private final FollowRepository follows;

	ProfileContextBuilder(UserRepository users, ProfileRepository profiles, GamePassportRepository passports,
			FollowRepository follows) {
		this.users = users;
		this.profiles = profiles;
		this.passports = passports;
		this.follows = follows;
	}

	ProfilePage build(String username, PrivacySettings privacy, boolean viewerFollows) {
		User user = this.users.findByUsername(username).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		Profile profile = this.profiles.findByUser(user).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		List<PassportView> passports = privacy.isShowGamePassports()
				? this.passports.findByUserOrderById(user).stream().map(PassportView::of).toList() : List.of();
		FollowCounts counts = privacy.isShowFollowers()
				? new FollowCounts(this.follows.countByFollowing(user), this.follows.countByFollower(user)) : null;
		return ProfilePage.of(profile, viewerFollows, counts, passports);
	}

}
