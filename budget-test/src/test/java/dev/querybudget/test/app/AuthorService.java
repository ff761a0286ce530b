package dev.querybudget.test.app;

import java.util.ArrayList;
import java.util.List;

import dev.querybudget.QueryBudget;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AuthorService {

	private final AuthorRepository authors;

	public AuthorService(AuthorRepository authors) {
		this.authors = authors;
	}

	/**
	 * One query for the authors, then one per author for its books: the N+1.
	 */
	@Transactional(readOnly = true)
	public List<String> titlesOneByOne() {
		return titles(this.authors.findAllOrdered());
	}

	/**
	 * The fix: authors and books in one query.
	 */
	@Transactional(readOnly = true)
	public List<String> titlesJoinFetched() {
		return titles(this.authors.findAllWithBooks());
	}

	/**
	 * The other fix: the books as an entity graph of the authors' query.
	 */
	@Transactional(readOnly = true)
	public List<String> titlesWithEntityGraph() {
		return titles(this.authors.findAllWithBooksGraph());
	}

	/**
	 * The fix, plus a count nobody asked for.
	 */
	@Transactional(readOnly = true)
	public List<String> titlesJoinFetchedAndCounted() {
		List<String> titles = titlesJoinFetched();
		titles.add("of " + this.authors.count());
		return titles;
	}

	/**
	 * Looks the same author up twice, each time in its own transaction: an exact
	 * duplicate.
	 */
	public String nameTwice(long id) {
		String first = this.authors.findById(id).map(Author::getName).orElseThrow();
		String second = this.authors.findById(id).map(Author::getName).orElseThrow();
		return first + "/" + second;
	}

	/**
	 * The N+1 under a method budget it breaks.
	 */
	@QueryBudget(max = 2)
	@Transactional(readOnly = true)
	public List<String> titlesUnderMethodBudget() {
		return titlesOneByOne();
	}

	private static List<String> titles(List<Author> authors) {
		List<String> titles = new ArrayList<>();
		for (Author author : authors) {
			for (Book book : author.getBooks()) {
				titles.add(book.getTitle());
			}
		}
		return titles;
	}

}
