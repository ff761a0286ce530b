package dev.querybudget.sample.admin;

import java.util.List;

import dev.querybudget.sample.user.User;

/**
 * A line of the admin user list.
 *
 * @param id the user id
 * @param username the username
 * @param email the email address
 * @param active whether the account is active
 * @param roles the names of the user's roles
 */
public record UserRow(long id, String username, String email, boolean active, List<String> roles) {

	public UserRow {
		roles = List.copyOf(roles);
	}

	static UserRow of(User user) {
		return new UserRow(user.getId(), user.getUsername(), user.getEmail(), user.isActive(), user.roleNames());
	}

}
