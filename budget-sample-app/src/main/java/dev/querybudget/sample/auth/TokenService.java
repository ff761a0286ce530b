package dev.querybudget.sample.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.querybudget.sample.user.User;
import dev.querybudget.sample.user.UserRepository;

import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.UNAUTHORIZED;

/**
 * Issues and rotates tokens. The methods taking a user id look the user up themselves, as
 * the audited {@code RefreshToken.for_user} did; those taking a {@link User} reuse the
 * one the caller loaded. The service is not transactional, so every lookup is a statement
 * of its own.
 */
@Service
class TokenService {

	private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);

	private final UserRepository users;

	private final RefreshTokenStore refreshTokens;

	TokenService(UserRepository users, RefreshTokenStore refreshTokens) {
		this.users = users;
		this.refreshTokens = refreshTokens;
	}

	/**
	 * Redeems a refresh token for the active user it was issued to.
	 * @param refreshToken the refresh token, unusable afterwards
	 * @return the user
	 */
	User redeem(String refreshToken) {
		Long userId = this.refreshTokens.redeem(refreshToken);
		if (userId == null) {
			throw new ResponseStatusException(UNAUTHORIZED, "Unknown or used refresh token");
		}
		return activeUser(userId);
	}

	/**
	 * Redeems a refresh token and returns only the user's id, so that the caller has to
	 * look the user up again.
	 * @param refreshToken the refresh token, unusable afterwards
	 * @return the id of the user
	 */
	long redeemForId(String refreshToken) {
		return redeem(refreshToken).getId();
	}

	TokenPair issue(User user) {
		return pair(user, this.refreshTokens.issue(user.getId()));
	}

	/**
	 * Issues the tokens from the user id, as the audited view did: the refresh token and
	 * the access token each look the user up on their own.
	 * @param userId the user's id
	 * @return the tokens
	 */
	TokenPair issue(long userId) {
		String refreshToken = this.refreshTokens.issue(activeUser(userId).getId());
		return pair(activeUser(userId), refreshToken);
	}

	private static TokenPair pair(User user, String refreshToken) {
		return new TokenPair("at_" + UUID.randomUUID(), user.getUsername(), Instant.now().plus(ACCESS_TOKEN_LIFETIME),
				refreshToken);
	}

	private User activeUser(long userId) {
		return this.users.findById(userId)
			.filter(User::isActive)
			.orElseThrow(() -> new ResponseStatusException(UNAUTHORIZED, "Unknown or inactive user"));
	}

}
