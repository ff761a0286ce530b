package dev.querybudget.sample.auth;

/**
 * The body of a token refresh.
 *
 * @param refreshToken the refresh token to exchange
 */
public record RefreshRequest(String refreshToken) {

}
