package dev.querybudget.hibernate.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A tag that owners and vets share.
 */
@Entity
public class Tag {

	@Id
	private Long id;

	private String name;

	protected Tag() {
	}

	public Tag(long id, String name) {
		this.id = id;
		this.name = name;
	}

}
