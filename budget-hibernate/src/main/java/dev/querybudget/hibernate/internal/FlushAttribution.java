package dev.querybudget.hibernate.internal;

import dev.querybudget.Attribution;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.StatementOrigin;
import org.hibernate.event.spi.AutoFlushEventListener;
import org.hibernate.event.spi.FlushEventListener;
import org.hibernate.event.spi.PreCollectionRecreateEvent;
import org.hibernate.event.spi.PreCollectionRecreateEventListener;
import org.hibernate.event.spi.PreCollectionRemoveEvent;
import org.hibernate.event.spi.PreCollectionRemoveEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;

/**
 * Attributes the writes of a flush to what they write: the flush listeners are wrapped
 * with a {@code FLUSH} origin, and each entity or collection write that Hibernate
 * announces inside it (its pre-insert, pre-update, pre-delete and pre-collection events,
 * fired just before the statement) replaces that origin with the entity or collection,
 * such as {@code Tag} or {@code Owner.tags}. Outside a flush the pre-events do nothing.
 *
 * @since 0.1.0
 */
public final class FlushAttribution implements PreInsertEventListener, PreUpdateEventListener, PreDeleteEventListener,
		PreCollectionRecreateEventListener, PreCollectionUpdateEventListener, PreCollectionRemoveEventListener {

	private static final StatementOrigin FLUSH = StatementOrigin.flush("Session.flush");

	private final QueryBudgetTracker tracker;

	private final Origins origins;

	// the handle of the flush running on each thread, so that its writes can name
	// themselves
	private final ThreadLocal<Attribution> current = new ThreadLocal<>();

	/**
	 * Creates the attribution of one session factory's flushes.
	 * @param tracker the tracker whose scopes receive the origins
	 * @param origins the origins of the session factory
	 */
	public FlushAttribution(QueryBudgetTracker tracker, Origins origins) {
		this.tracker = tracker;
		this.origins = origins;
	}

	/**
	 * Wraps a flush listener.
	 * @param delegate the listener
	 * @return the listener that runs it under a {@code FLUSH} origin
	 */
	public FlushEventListener wrap(FlushEventListener delegate) {
		return (event) -> around(() -> delegate.onFlush(event));
	}

	/**
	 * Wraps an auto-flush listener.
	 * @param delegate the listener
	 * @return the listener that runs it under a {@code FLUSH} origin
	 */
	public AutoFlushEventListener wrap(AutoFlushEventListener delegate) {
		return (event) -> around(() -> delegate.onAutoFlush(event));
	}

	private void around(Runnable flush) {
		if (this.tracker.activeScopes() == null) {
			flush.run();
			return;
		}
		Attribution outer = this.current.get();
		try (Attribution attribution = this.tracker.attribute(FLUSH)) {
			this.current.set(attribution);
			flush.run();
		}
		finally {
			if (outer != null) {
				this.current.set(outer);
			}
			else {
				this.current.remove();
			}
		}
	}

	private void writing(String name) {
		Attribution flush = this.current.get();
		if (flush != null) {
			flush.replace(this.origins.flush(name));
		}
	}

	@Override
	public boolean onPreInsert(PreInsertEvent event) {
		writing(event.getPersister().getEntityName());
		return false;
	}

	@Override
	public boolean onPreUpdate(PreUpdateEvent event) {
		writing(event.getPersister().getEntityName());
		return false;
	}

	@Override
	public boolean onPreDelete(PreDeleteEvent event) {
		writing(event.getPersister().getEntityName());
		return false;
	}

	@Override
	public void onPreRecreateCollection(PreCollectionRecreateEvent event) {
		writing(event.getCollection().getRole());
	}

	@Override
	public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
		writing(event.getCollection().getRole());
	}

	@Override
	public void onPreRemoveCollection(PreCollectionRemoveEvent event) {
		writing(event.getCollection().getRole());
	}

}
