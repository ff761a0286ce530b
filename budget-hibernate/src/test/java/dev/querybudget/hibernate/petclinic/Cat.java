package dev.querybudget.hibernate.petclinic;

import jakarta.persistence.Entity;

/**
 * A {@link Pet} subclass, for inheritance.
 */
@Entity
public class Cat extends Pet {

	protected Cat() {
	}

	public Cat(long id, String name, Owner owner) {
		super(id, name, owner);
	}

}
