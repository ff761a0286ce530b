package dev.querybudget.sample.user;

import java.time.Instant;

import dev.querybudget.sample.SampleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * What a user pays for: a plan, and until when.
 */
@Entity
@Table(name = "subscriptions")
public class Subscription extends SampleEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "plan_id")
	private Plan plan;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(nullable = false)
	private Instant renewsAt;

	protected Subscription() {
	}

	public Subscription(Plan plan, Status status, Instant renewsAt) {
		this.plan = plan;
		this.status = status;
		this.renewsAt = renewsAt;
	}

	public Plan getPlan() {
		return this.plan;
	}

	public Status getStatus() {
		return this.status;
	}

	public Instant getRenewsAt() {
		return this.renewsAt;
	}

	public boolean isActive() {
		return this.status == Status.ACTIVE;
	}

	/**
	 * The state of a subscription.
	 */
	public enum Status {

		/**
		 * Paid for and running.
		 */
		ACTIVE,

		/**
		 * Ended by the user or for lack of payment.
		 */
		CANCELLED

	}

}
