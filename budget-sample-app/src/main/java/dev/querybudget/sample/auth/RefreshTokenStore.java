package dev.querybudget.sample.auth;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Keeps the refresh tokens in memory, where the audited service keeps them in Redis: no
 * SQL, so that the refresh endpoint's statements are the user lookups alone.
 */
@Component
class RefreshTokenStore {

	private final Map<String, Long> userIds = new ConcurrentHashMap<>();

	String issue(long userId) {
		String token = "rt_" + UUID.randomUUID();
		this.userIds.put(token, userId);
		return token;
	}

	/**
	 * Removes a token, so that it can be used once only.
	 * @param token the token
	 * @return the id of the user it was issued to, {@code null} for an unknown or used
	 * token
	 */
	@Nullable Long redeem(String token) {
		return this.userIds.remove(token);
	}

}
