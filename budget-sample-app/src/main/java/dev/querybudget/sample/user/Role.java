package dev.querybudget.sample.user;

import dev.querybudget.sample.SampleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A role a user holds, such as organiser or admin.
 */
@Entity
@Table(name = "roles")
public class Role extends SampleEntity {

	@Column(nullable = false, unique = true)
	private String name;

	protected Role() {
	}

	public Role(String name) {
		this.name = name;
	}

	public String getName() {
		return this.name;
	}

}
