package dev.querybudget.hibernate.petclinic;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

/**
 * A vet, with a lazy many-to-many of specialties, shared tags.
 */
@Entity
public class Vet {

	@Id
	private Long id;

	@ManyToMany
	private Set<Tag> specialties = new HashSet<>();

	protected Vet() {
	}

	public Vet(long id) {
		this.id = id;
	}

	public Set<Tag> getSpecialties() {
		return this.specialties;
	}

}
