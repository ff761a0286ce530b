package dev.querybudget.hibernate.internal;

import dev.querybudget.Attribution;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.StatementOrigin;
import org.hibernate.LockMode;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;

/**
 * Brackets Hibernate's own entity loading with its origin: a to-one target (a lazy proxy
 * initialised, or an eager association loaded by its own select) or an entity loaded by
 * identifier. A proxy initialised is attributed to the associations that held it when
 * {@link ToOneProxies} remembered them, otherwise, as an eager load, to every association
 * that leads to the entity. The statements of a load of an entity that the second-level
 * cache holds are cache misses, as a hit runs none, unless the load does not read the
 * cache.
 *
 * @since 0.1.0
 */
public final class AttributingLoadListener implements LoadEventListener {

	private final LoadEventListener delegate;

	private final QueryBudgetTracker tracker;

	private final Origins origins;

	private final ToOneProxies proxies;

	public AttributingLoadListener(LoadEventListener delegate, QueryBudgetTracker tracker, Origins origins,
			ToOneProxies proxies) {
		this.delegate = delegate;
		this.tracker = tracker;
		this.origins = origins;
		this.proxies = proxies;
	}

	@Override
	public void onLoad(LoadEvent event, LoadType loadType) {
		if (this.tracker.activeScopes() == null) {
			this.delegate.onLoad(event, loadType);
			return;
		}
		boolean cacheRead = event.getSession().getCacheMode().isGetEnabled()
				&& event.getLockOptions().getLockMode().lessThan(LockMode.READ);
		try (Attribution attribution = this.tracker.attribute(Origins.reading(origin(event, loadType), cacheRead))) {
			this.delegate.onLoad(event, loadType);
		}
	}

	private StatementOrigin origin(LoadEvent event, LoadType loadType) {
		String entityName = event.getEntityClassName();
		if (loadType == IMMEDIATE_LOAD) {
			StatementOrigin remembered = this.proxies.take(event.getSession(), entityName, event.getEntityId());
			return (remembered != null) ? remembered : this.origins.toOne(entityName);
		}
		if (loadType == INTERNAL_LOAD_EAGER || loadType == INTERNAL_LOAD_NULLABLE || loadType == INTERNAL_LOAD_LAZY) {
			return this.origins.toOne(entityName);
		}
		return this.origins.entityLoad(entityName);
	}

}
