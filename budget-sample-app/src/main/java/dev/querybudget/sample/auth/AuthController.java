package dev.querybudget.sample.auth;

import dev.querybudget.QueryBudget;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Login, the auth profile and the token refresh. The sample has no passwords: the caller
 * names itself in the {@code X-User} header.
 */
@RestController
class AuthController {

	private final AuthService auth;

	private final TokenService tokens;

	AuthController(AuthService auth, TokenService tokens) {
		this.auth = auth;
		this.tokens = tokens;
	}

	@PostMapping("/auth/login")
	@QueryBudget(max = 1)
	TokenPair login(@RequestHeader("X-User") String username) {
		return this.tokens.issue(this.auth.user(username));
	}

	@GetMapping("/naive/auth/profile")
	@QueryBudget(max = 2)
	AuthProfileView profileNaive(@RequestHeader("X-User") String username) {
		return this.auth.profileAsAudited(username);
	}

	@GetMapping("/fixed/auth/profile")
	@QueryBudget(max = 2)
	AuthProfileView profile(@RequestHeader("X-User") String username) {
		return this.auth.profile(username);
	}

	/**
	 * The audited refresh: validating the token, issuing the refresh token and issuing
	 * the access token each fetch the same user.
	 */
	@PostMapping("/naive/auth/token/refresh")
	@QueryBudget(max = 1, maxDuplicates = 0)
	TokenPair refreshNaive(@RequestBody RefreshRequest request) {
		long userId = this.tokens.redeemForId(request.refreshToken());
		return this.tokens.issue(userId);
	}

	/**
	 * The fix: the user is fetched once and passed on.
	 */
	@PostMapping("/fixed/auth/token/refresh")
	@QueryBudget(max = 1, maxDuplicates = 0)
	TokenPair refresh(@RequestBody RefreshRequest request) {
		return this.tokens.issue(this.tokens.redeem(request.refreshToken()));
	}

}
