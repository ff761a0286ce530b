package dev.querybudget.test.app;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The identity of the library's entities, assigned by {@link LibraryData}.
 */
@MappedSuperclass
public abstract class LibraryEntity {

	@Id
	private Long id;

	public Long getId() {
		return this.id;
	}

}
