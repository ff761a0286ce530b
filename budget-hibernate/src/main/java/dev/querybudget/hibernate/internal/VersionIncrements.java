package dev.querybudget.hibernate.internal;

import dev.querybudget.Attribution;
import dev.querybudget.QueryBudgetTracker;
import org.hibernate.LockMode;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.event.spi.LockEvent;
import org.hibernate.event.spi.LockEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;

/**
 * Names the version increments of {@link LockMode#PESSIMISTIC_FORCE_INCREMENT}, which
 * Hibernate runs outside a flush and without a pre-update event: the post-load listeners
 * of an entity loaded with that lock mode, and the lock listeners asked for it, run under
 * the {@code FLUSH} origin of the entity's version attribute, such as
 * {@code Clinic.version}, so that a loop of them is not read as a loop of loads. Other
 * loads and locks, and any event with no scope open, cost a {@link ThreadLocal} read.
 *
 * @since 0.1.0
 */
public final class VersionIncrements {

	private final QueryBudgetTracker tracker;

	private final Origins origins;

	/**
	 * Creates the naming of one session factory's version increments.
	 * @param tracker the tracker whose scopes receive the origins
	 * @param origins the origins of the session factory
	 */
	public VersionIncrements(QueryBudgetTracker tracker, Origins origins) {
		this.tracker = tracker;
		this.origins = origins;
	}

	/**
	 * Wraps a post-load listener, which increments the version of an entity loaded with a
	 * force-increment lock.
	 * @param delegate the listener
	 * @return the listener that names the increment it runs
	 */
	public PostLoadEventListener wrap(PostLoadEventListener delegate) {
		return (event) -> {
			if (this.tracker.activeScopes() == null || !forcesIncrement(event)) {
				delegate.onPostLoad(event);
				return;
			}
			try (Attribution attribution = this.tracker
				.attribute(this.origins.versionIncrement(event.getPersister().getEntityName()))) {
				delegate.onPostLoad(event);
			}
		};
	}

	/**
	 * Wraps a lock listener, which increments the version of an entity locked with a
	 * force-increment lock.
	 * @param delegate the listener
	 * @return the listener that names the increment it runs
	 */
	public LockEventListener wrap(LockEventListener delegate) {
		return (event) -> {
			if (this.tracker.activeScopes() == null || event.getLockMode() != LockMode.PESSIMISTIC_FORCE_INCREMENT) {
				delegate.onLock(event);
				return;
			}
			try (Attribution attribution = this.tracker.attribute(this.origins.versionIncrement(entityName(event)))) {
				delegate.onLock(event);
			}
		};
	}

	private static boolean forcesIncrement(PostLoadEvent event) {
		if (!event.getPersister().isVersioned()) {
			return false;
		}
		EntityEntry entry = event.getSession().getPersistenceContextInternal().getEntry(event.getEntity());
		return entry != null && entry.getLockMode() == LockMode.PESSIMISTIC_FORCE_INCREMENT;
	}

	private static String entityName(LockEvent event) {
		String name = event.getEntityName();
		return (name != null) ? name : event.getSession().bestGuessEntityName(event.getObject());
	}

}
