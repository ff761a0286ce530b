package dev.querybudget.sample;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sample's requests that take more than a path, for the {@code naive} or the
 * {@code fixed} variant of an endpoint.
 */
final class SampleRequests {

	private SampleRequests() {
	}

	/**
	 * Alice's public profile page, as player02 sees it.
	 */
	static RequestBuilder profilePage(String variant) {
		return get("/" + variant + "/profiles/alice").param("viewer", "player02");
	}

	/**
	 * Alice's own profile, as the auth endpoint serializes it.
	 */
	static RequestBuilder authProfile(String variant) {
		return get("/" + variant + "/auth/profile").header("X-User", "alice");
	}

	/**
	 * Logs a player in (a request of its own) and returns the refresh of the token it
	 * got.
	 */
	static RequestBuilder tokenRefresh(MockMvc mvc, String variant, String username) throws Exception {
		String login = mvc.perform(post("/auth/login").header("X-User", username))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String refreshToken = JsonPath.read(login, "$.refreshToken");
		return post("/" + variant + "/auth/token/refresh").contentType(MediaType.APPLICATION_JSON)
			.content("{\"refreshToken\":\"" + refreshToken + "\"}");
	}

	/**
	 * Saves a player's privacy settings.
	 */
	static RequestBuilder privacySave(String variant, String username) {
		return put("/" + variant + "/settings/privacy").header("X-User", username)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"showGamePassports\":false,\"showFollowers\":true}");
	}

}
