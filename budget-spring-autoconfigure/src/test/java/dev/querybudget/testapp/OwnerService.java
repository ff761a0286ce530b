package dev.querybudget.testapp;

import java.util.ArrayList;
import java.util.List;

import dev.querybudget.QueryBudget;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OwnerService {

	private final OwnerRepository owners;

	public OwnerService(OwnerRepository owners) {
		this.owners = owners;
	}

	/**
	 * One query for the owners, then one per owner for its pets: 1 + 3 statements.
	 */
	@Transactional(readOnly = true)
	public List<String> petNamesOneByOne() {
		List<String> names = new ArrayList<>();
		for (Owner owner : this.owners.findAll()) {
			for (Pet pet : owner.getPets()) {
				names.add(pet.getName());
			}
		}
		return names;
	}

	@QueryBudget(max = 5)
	public long summary() {
		return this.owners.count();
	}

}
