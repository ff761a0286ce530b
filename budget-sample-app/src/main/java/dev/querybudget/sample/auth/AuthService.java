package dev.querybudget.sample.auth;

import dev.querybudget.sample.user.User;
import dev.querybudget.sample.user.UserRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.UNAUTHORIZED;

/**
 * Reads the signed-in user's profile, the audited way and the fixed way.
 */
@Service
@Transactional(readOnly = true)
class AuthService {

	private final UserRepository users;

	AuthService(UserRepository users) {
		this.users = users;
	}

	/**
	 * The audited {@code UserProfile.objects.get(...)}: the serializer then loads the
	 * subscription, the plan and the roles one by one.
	 */
	AuthProfileView profileAsAudited(String username) {
		return AuthProfileView.of(this.users.findByUsername(username).orElseThrow(AuthService::unauthorized));
	}

	/**
	 * The fix: {@code select_related('subscription', 'subscription__plan')} and the
	 * roles, in one statement.
	 */
	AuthProfileView profile(String username) {
		return AuthProfileView
			.of(this.users.findWithSubscriptionAndRolesByUsername(username).orElseThrow(AuthService::unauthorized));
	}

	User user(String username) {
		return this.users.findByUsername(username).orElseThrow(AuthService::unauthorized);
	}

	private static ResponseStatusException unauthorized() {
		return new ResponseStatusException(UNAUTHORIZED, "Unknown user");
	}

}
