package dev.querybudget.sample.auth;

import java.util.List;

import dev.querybudget.sample.user.User;

/**
 * The signed-in user's profile, as the audited {@code UserProfileSerializer} renders it.
 *
 * @param username the username
 * @param email the email address
 * @param plan the display name of the subscription plan
 * @param aiDailyLimit the plan's daily AI request limit
 * @param roles the names of the user's roles
 */
public record AuthProfileView(String username, String email, String plan, int aiDailyLimit, List<String> roles) {

	public AuthProfileView {
		roles = List.copyOf(roles);
	}

	/**
	 * Reads the view through the user's entity properties, which walk the subscription,
	 * its plan and the roles: one statement each unless they were fetched with the user.
	 * @param user the user
	 * @return the view
	 */
	static AuthProfileView of(User user) {
		return new AuthProfileView(user.getUsername(), user.getEmail(), user.planName(), user.aiDailyLimit(),
				user.roleNames());
	}

}
