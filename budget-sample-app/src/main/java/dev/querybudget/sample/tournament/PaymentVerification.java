package dev.querybudget.sample.tournament;

import dev.querybudget.sample.SampleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * The check of a registration's entry fee payment.
 */
@Entity
@Table(name = "payment_verifications")
public class PaymentVerification extends SampleEntity {

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(nullable = false)
	private String method;

	protected PaymentVerification() {
	}

	public PaymentVerification(Status status, String method) {
		this.status = status;
		this.method = method;
	}

	public Status getStatus() {
		return this.status;
	}

	public String getMethod() {
		return this.method;
	}

	/**
	 * The state of a payment check.
	 */
	public enum Status {

		/**
		 * Not checked yet.
		 */
		PENDING,

		/**
		 * The payment arrived.
		 */
		VERIFIED,

		/**
		 * The payment was refused.
		 */
		REJECTED

	}

}
