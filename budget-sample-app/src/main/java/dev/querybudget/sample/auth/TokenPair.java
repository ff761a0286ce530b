package dev.querybudget.sample.auth;

import java.time.Instant;

/**
 * The tokens a login or a refresh hands out.
 *
 * @param accessToken the short-lived access token
 * @param subject the username the access token is for
 * @param accessTokenExpiresAt when the access token expires
 * @param refreshToken the refresh token that replaces the one used
 */
public record TokenPair(String accessToken, String subject, Instant accessTokenExpiresAt, String refreshToken) {

}
