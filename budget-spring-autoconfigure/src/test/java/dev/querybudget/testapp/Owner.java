package dev.querybudget.testapp;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

@Entity
@Table(name = "qb_owner")
public class Owner {

	@Id
	private Long id;

	private String name;

	@OneToMany(mappedBy = "owner", fetch = FetchType.LAZY)
	private List<Pet> pets = new ArrayList<>();

	protected Owner() {
	}

	public Owner(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public List<Pet> getPets() {
		return this.pets;
	}

}
