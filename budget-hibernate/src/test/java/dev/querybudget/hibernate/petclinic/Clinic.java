package dev.querybudget.hibernate.petclinic;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/**
 * A clinic that the second-level cache holds, with its rooms: a cached one-to-many whose
 * orphans are removed, and a version.
 */
@Entity
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Clinic {

	@Id
	private Long id;

	@Version
	private int version;

	private String name;

	@OneToMany(mappedBy = "clinic", orphanRemoval = true)
	@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
	private Set<Room> rooms = new HashSet<>();

	protected Clinic() {
	}

	public Clinic(long id, String name) {
		this.id = id;
		this.name = name;
	}

	public String getName() {
		return this.name;
	}

	public int getVersion() {
		return this.version;
	}

	public Set<Room> getRooms() {
		return this.rooms;
	}

}
