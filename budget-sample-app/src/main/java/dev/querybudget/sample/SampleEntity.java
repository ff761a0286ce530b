package dev.querybudget.sample;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.jspecify.annotations.Nullable;

/**
 * The generated id every entity of the sample has, from an identity column.
 */
@MappedSuperclass
public abstract class SampleEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	/**
	 * Returns the id.
	 * @return the id, {@code null} until the entity is persisted
	 */
	public @Nullable Long getId() {
		return this.id;
	}

}
