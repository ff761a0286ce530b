package dev.querybudget.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "qb_pet")
public class Pet {

	@Id
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	private Owner owner;

	protected Pet() {
	}

	public Pet(Long id, String name, Owner owner) {
		this.id = id;
		this.name = name;
		this.owner = owner;
	}

	public String getName() {
		return this.name;
	}

}
