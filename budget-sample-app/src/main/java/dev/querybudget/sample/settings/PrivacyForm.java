package dev.querybudget.sample.settings;

/**
 * The privacy settings form.
 *
 * @param showGamePassports whether visitors see the game passports
 * @param showFollowers whether visitors see the follower counts
 */
public record PrivacyForm(boolean showGamePassports, boolean showFollowers) {

}
