package dev.querybudget.hibernate.internal;

import dev.querybudget.Attribution;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.StatementOrigin;
import org.hibernate.event.spi.InitializeCollectionEvent;
import org.hibernate.event.spi.InitializeCollectionEventListener;

/**
 * Brackets Hibernate's own collection initialisation with the collection's origin, so
 * that the statements it runs are attributed to the role, such as {@code Owner.pets}: as
 * cache misses when the second-level cache holds the collection, since a hit runs none.
 *
 * @since 0.1.0
 */
public final class AttributingInitializeCollectionListener implements InitializeCollectionEventListener {

	private final InitializeCollectionEventListener delegate;

	private final QueryBudgetTracker tracker;

	private final Origins origins;

	public AttributingInitializeCollectionListener(InitializeCollectionEventListener delegate,
			QueryBudgetTracker tracker, Origins origins) {
		this.delegate = delegate;
		this.tracker = tracker;
		this.origins = origins;
	}

	@Override
	public void onInitializeCollection(InitializeCollectionEvent event) {
		StatementOrigin origin = Origins.reading(this.origins.collection(event.getCollection().getRole()),
				event.getSession().getCacheMode().isGetEnabled());
		try (Attribution attribution = this.tracker.attribute(origin)) {
			this.delegate.onInitializeCollection(event);
		}
	}

}
