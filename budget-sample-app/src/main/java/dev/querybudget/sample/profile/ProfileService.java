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
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Builds the public profile page, the audited way and the fixed way.
 */
@Service
@Transactional(readOnly = true)
class ProfileService {

	private final UserRepository users;

	private final ProfileRepository profiles;

	private final GamePassportRepository passports;

	private final FollowRepository follows;

	private final ProfileContextBuilder context;

	ProfileService(UserRepository users, ProfileRepository profiles, GamePassportRepository passports,
			FollowRepository follows, ProfileContextBuilder context) {
		this.users = users;
		this.profiles = profiles;
		this.passports = passports;
		this.follows = follows;
		this.context = context;
	}

	/**
	 * The audited view: user, profile, privacy settings and follow status, then the
	 * context builder, which looks the user and profile up again, loads each passport's
	 * game and team one by one and counts followers and following separately.
	 */
	ProfilePage pageAsAudited(String username, @Nullable String viewer) {
		User user = this.users.findByUsername(username).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		Profile profile = this.profiles.findByUser(user).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		PrivacySettings privacy = profile.getPrivacy();
		boolean viewerFollows = viewerFollows(viewer, user, privacy);
		return this.context.build(username, privacy, viewerFollows);
	}

	/**
	 * The fix: profile, user and privacy settings in one statement, passed down rather
	 * than looked up again; passports with their game and team in one statement; both
	 * follow counts in one aggregate.
	 */
	ProfilePage page(String username, @Nullable String viewer) {
		Profile profile = this.profiles.findWithUserAndPrivacyByUserUsername(username)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		User user = profile.getUser();
		PrivacySettings privacy = profile.getPrivacy();
		boolean viewerFollows = viewerFollows(viewer, user, privacy);
		List<PassportView> passports = privacy.isShowGamePassports()
				? this.passports.findWithGameAndTeamByUserOrderById(user).stream().map(PassportView::of).toList()
				: List.of();
		FollowCounts counts = privacy.isShowFollowers() ? this.follows.countsOf(user) : null;
		return ProfilePage.of(profile, viewerFollows, counts, passports);
	}

	private boolean viewerFollows(@Nullable String viewer, User user, PrivacySettings privacy) {
		return viewer != null && privacy.isShowFollowers()
				&& this.follows.existsByFollowerUsernameAndFollowing(viewer, user);
	}

}
