package dev.querybudget.test.app;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * An author, whose books load lazily (the JPA default for a one-to-many).
 */
@Entity
@Table(name = "qbt_author")
public class Author extends LibraryEntity {

	@Column(nullable = false, length = 100)
	private String name;

	@OneToMany(mappedBy = "author")
	@OrderBy("id")
	private List<Book> books;

	protected Author() {
	}

	public String getName() {
		return this.name;
	}

	public List<Book> getBooks() {
		return this.books;
	}

}
