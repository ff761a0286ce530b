package dev.querybudget.hibernate.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A visit, with an eager (JPA default) many-to-one pet.
 */
@Entity
public class Visit {

	@Id
	private Long id;

	@ManyToOne
	private Pet pet;

	protected Visit() {
	}

	public Visit(long id, Pet pet) {
		this.id = id;
		this.pet = pet;
	}

}
