package dev.querybudget.hibernate.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A review written by an owner: a second lazy many-to-one that leads to {@link Owner},
 * besides {@code Pet.owner}.
 */
@Entity
public class Review {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	private Owner author;

	protected Review() {
	}

	public Review(long id, Owner author) {
		this.id = id;
		this.author = author;
	}

	public Owner getAuthor() {
		return this.author;
	}

}
