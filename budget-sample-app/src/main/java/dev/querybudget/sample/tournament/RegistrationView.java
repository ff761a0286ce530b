package dev.querybudget.sample.tournament;

import java.time.Instant;

import dev.querybudget.sample.game.Team;
import org.jspecify.annotations.Nullable;

/**
 * A registration as the registration list shows it.
 *
 * @param id the registration id
 * @param tournament the tournament's name
 * @param player the registered user's username
 * @param team the team's name, {@code null} in solo tournaments
 * @param payment the state of the payment verification
 * @param registeredAt when the user registered
 */
public record RegistrationView(long id, String tournament, String player, @Nullable String team,
		PaymentVerification.Status payment, Instant registeredAt) {

	/**
	 * Reads the view from a registration and its associations: one statement each for the
	 * tournament, the user and the payment verification unless they were fetched with the
	 * registration.
	 * @param registration the registration
	 * @return the view
	 */
	static RegistrationView of(Registration registration) {
		Team team = registration.getTeam();
		return new RegistrationView(registration.getId(), registration.getTournament().getName(),
				registration.getUser().getUsername(), (team != null) ? team.getName() : null,
				registration.getPaymentVerification().getStatus(), registration.getRegisteredAt());
	}

}
