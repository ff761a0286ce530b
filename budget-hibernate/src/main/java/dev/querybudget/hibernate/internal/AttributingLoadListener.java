package dev.querybudget.hibernate.internal;

import dev.querybudget.Attribution;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.StatementOrigin;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;

/**
 * Brackets Hibernate's own entity loading with its origin: a to-one target (a lazy proxy
 * initialised, or an eager association loaded by its own select) or an entity loaded by
 * identifier.
 *
 * @since 0.1.0
 */
public final class AttributingLoadListener implements LoadEventListener {

	private final LoadEventListener delegate;

	private final QueryBudgetTracker tracker;

	private final Origins origins;

	public AttributingLoadListener(LoadEventListener delegate, QueryBudgetTracker tracker, Origins origins) {
		this.delegate = delegate;
		this.tracker = tracker;
		this.origins = origins;
	}

	@Override
	public void onLoad(LoadEvent event, LoadType loadType) {
		try (Attribution attribution = this.tracker.attribute(origin(event.getEntityClassName(), loadType))) {
			this.delegate.onLoad(event, loadType);
		}
	}

	private StatementOrigin origin(String entityName, LoadType loadType) {
		if (loadType == IMMEDIATE_LOAD || loadType == INTERNAL_LOAD_EAGER || loadType == INTERNAL_LOAD_NULLABLE
				|| loadType == INTERNAL_LOAD_LAZY) {
			return this.origins.toOne(entityName);
		}
		return this.origins.entityLoad(entityName);
	}

}
