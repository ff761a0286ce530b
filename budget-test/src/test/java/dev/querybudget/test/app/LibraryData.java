package dev.querybudget.test.app;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seeds authors with their books, replacing what was there.
 */
@Component
public class LibraryData {

	private final JdbcTemplate jdbc;

	public LibraryData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void seed(int authors, int booksEach) {
		this.jdbc.update("delete from qbt_book");
		this.jdbc.update("delete from qbt_author");
		List<Object[]> authorRows = new ArrayList<>();
		List<Object[]> bookRows = new ArrayList<>();
		for (long author = 1; author <= authors; author++) {
			authorRows.add(new Object[] { author, "author-" + author });
			for (long book = 1; book <= booksEach; book++) {
				bookRows.add(new Object[] { author * 1000 + book, "book-" + author + "-" + book, author });
			}
		}
		this.jdbc.batchUpdate("insert into qbt_author (id, name) values (?, ?)", authorRows);
		this.jdbc.batchUpdate("insert into qbt_book (id, title, author_id) values (?, ?, ?)", bookRows);
	}

}
