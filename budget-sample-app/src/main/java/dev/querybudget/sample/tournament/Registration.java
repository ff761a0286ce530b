package dev.querybudget.sample.tournament;

import java.time.Instant;

import dev.querybudget.sample.SampleEntity;
import dev.querybudget.sample.game.Team;
import dev.querybudget.sample.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A user's entry in a tournament, for a team in team tournaments, with the verification
 * of its entry fee.
 */
@Entity
@Table(name = "registrations")
public class Registration extends SampleEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "tournament_id")
	private Tournament tournament;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "user_id")
	private User user;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "team_id")
	private @Nullable Team team;

	@OneToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "payment_verification_id", unique = true)
	private PaymentVerification paymentVerification;

	@Column(nullable = false)
	private Instant registeredAt;

	protected Registration() {
	}

	public Registration(Tournament tournament, User user, @Nullable Team team, PaymentVerification paymentVerification,
			Instant registeredAt) {
		this.tournament = tournament;
		this.user = user;
		this.team = team;
		this.paymentVerification = paymentVerification;
		this.registeredAt = registeredAt;
	}

	public Tournament getTournament() {
		return this.tournament;
	}

	public User getUser() {
		return this.user;
	}

	public @Nullable Team getTeam() {
		return this.team;
	}

	public PaymentVerification getPaymentVerification() {
		return this.paymentVerification;
	}

	public Instant getRegisteredAt() {
		return this.registeredAt;
	}

}
