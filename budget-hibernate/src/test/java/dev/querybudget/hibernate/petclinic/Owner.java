package dev.querybudget.hibernate.petclinic;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import org.hibernate.annotations.BatchSize;

/**
 * An owner: one-to-many pets, an element collection of phones and batch-fetched
 * many-to-many tags.
 */
@Entity
public class Owner {

	@Id
	private Long id;

	private String name;

	@OneToMany(mappedBy = "owner")
	private Set<Pet> pets = new HashSet<>();

	@ElementCollection
	private Set<String> phones = new HashSet<>();

	@ManyToMany
	@BatchSize(size = 16)
	private Set<Tag> tags = new HashSet<>();

	protected Owner() {
	}

	public Owner(long id, String name) {
		this.id = id;
		this.name = name;
	}

	public String getName() {
		return this.name;
	}

	public Set<Pet> getPets() {
		return this.pets;
	}

	public Set<String> getPhones() {
		return this.phones;
	}

	public Set<Tag> getTags() {
		return this.tags;
	}

}
