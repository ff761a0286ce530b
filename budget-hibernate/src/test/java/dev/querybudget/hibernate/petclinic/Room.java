package dev.querybudget.hibernate.petclinic;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/**
 * A room of a {@link Clinic}, which the second-level cache holds too, with a lazy
 * many-to-one to its clinic.
 */
@Entity
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Room {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	private Clinic clinic;

	protected Room() {
	}

	public Room(long id, Clinic clinic) {
		this.id = id;
		this.clinic = clinic;
		clinic.getRooms().add(this);
	}

	public Clinic getClinic() {
		return this.clinic;
	}

}
