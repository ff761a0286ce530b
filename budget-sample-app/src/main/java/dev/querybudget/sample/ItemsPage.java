package dev.querybudget.sample;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list endpoint, as JSON: the items and where they sit in the whole list.
 *
 * @param <T> the type of the items
 * @param items the items of the page
 * @param page the page number, from 0
 * @param size the page size
 * @param total the number of items over all pages
 */
public record ItemsPage<T>(List<T> items, int page, int size, long total) {

	/**
	 * The page size of every list, as in the audited service ({@code PAGE_SIZE = 20}).
	 */
	public static final int SIZE = 20;

	public ItemsPage {
		items = List.copyOf(items);
	}

	/**
	 * Maps a page of entities to a page of views.
	 * @param <E> the entity type
	 * @param <T> the view type
	 * @param page the page of entities
	 * @param view maps one entity to its view
	 * @return the page of views
	 */
	public static <E, T> ItemsPage<T> of(Page<E> page, Function<E, T> view) {
		return new ItemsPage<>(page.map(view).getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
	}

}
