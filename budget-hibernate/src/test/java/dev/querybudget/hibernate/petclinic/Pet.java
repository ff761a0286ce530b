package dev.querybudget.hibernate.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;

/**
 * A pet, the root of a single-table hierarchy, with a lazy many-to-one owner.
 */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public class Pet {

	@Id
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	private Owner owner;

	protected Pet() {
	}

	public Pet(long id, String name, Owner owner) {
		this.id = id;
		this.name = name;
		this.owner = owner;
	}

	public Owner getOwner() {
		return this.owner;
	}

}
