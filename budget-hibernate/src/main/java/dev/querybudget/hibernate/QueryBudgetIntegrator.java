package dev.querybudget.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.hibernate.internal.AttributingInitializeCollectionListener;
import dev.querybudget.hibernate.internal.AttributingLoadListener;
import dev.querybudget.hibernate.internal.FlushAttribution;
import dev.querybudget.hibernate.internal.Origins;
import dev.querybudget.hibernate.internal.ToOneProxies;
import dev.querybudget.hibernate.internal.VersionIncrements;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.boot.spi.SessionFactoryOptions;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerGroup;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;

/**
 * Tells a {@link QueryBudgetTracker} what caused each statement Hibernate runs, so that
 * reports name the association behind an N+1 ({@code Owner.pets}, {@code Pet.owner}) and
 * the fix, rather than only the SQL. It wraps Hibernate's collection-initialisation and
 * load listeners, whatever they are, and declares the origin for the statements each one
 * runs, and names the entity or collection each write of a flush is for, and the version
 * attribute a forced version increment writes; the to-one associations leading to each
 * entity are read from the mapping once. The load of a lazy proxy names the association
 * that held it, remembered when its holder was loaded in a scope. The loads of an entity
 * or collection that the second-level cache holds are marked as cache misses, as a cache
 * hit runs no statement.
 * <p>
 * Register it explicitly, as it needs the application's tracker: with Spring Boot the
 * starter does it; with JPA bootstrapping, through the
 * {@code hibernate.integrator_provider} setting; with native bootstrapping, through
 * {@code BootstrapServiceRegistryBuilder.applyIntegrator}. When no scope is open on a
 * thread, an event costs one {@link ThreadLocal} read.
 *
 * @since 0.1.0
 */
public final class QueryBudgetIntegrator implements Integrator {

	private final QueryBudgetTracker tracker;

	/**
	 * Creates an integrator for a tracker.
	 * @param tracker the tracker whose scopes receive the origins
	 */
	public QueryBudgetIntegrator(QueryBudgetTracker tracker) {
		this.tracker = Objects.requireNonNull(tracker, "'tracker' must not be null");
	}

	@Override
	public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
			SessionFactoryImplementor sessionFactory) {
		SessionFactoryOptions options = sessionFactory.getSessionFactoryOptions();
		Origins origins = new Origins(metadata, options.getDefaultBatchFetchSize(),
				options.isSecondLevelCacheEnabled());
		EventListenerRegistry registry = sessionFactory.getEventListenerRegistry();
		wrap(registry.getEventListenerGroup(EventType.INIT_COLLECTION),
				(listener) -> new AttributingInitializeCollectionListener(listener, this.tracker, origins));
		ToOneProxies proxies = new ToOneProxies(this.tracker, origins);
		wrap(registry.getEventListenerGroup(EventType.LOAD),
				(listener) -> new AttributingLoadListener(listener, this.tracker, origins, proxies));
		VersionIncrements versions = new VersionIncrements(this.tracker, origins);
		// the wrappers first, so that they wrap Hibernate's listeners only
		wrap(registry.getEventListenerGroup(EventType.POST_LOAD), versions::wrap);
		wrap(registry.getEventListenerGroup(EventType.LOCK), versions::wrap);
		registry.getEventListenerGroup(EventType.POST_LOAD).appendListener(proxies);
		FlushAttribution flushes = new FlushAttribution(this.tracker, origins);
		wrap(registry.getEventListenerGroup(EventType.FLUSH), flushes::wrap);
		wrap(registry.getEventListenerGroup(EventType.AUTO_FLUSH), flushes::wrap);
		registry.getEventListenerGroup(EventType.PRE_INSERT).appendListener(flushes);
		registry.getEventListenerGroup(EventType.PRE_UPDATE).appendListener(flushes);
		registry.getEventListenerGroup(EventType.PRE_DELETE).appendListener(flushes);
		registry.getEventListenerGroup(EventType.PRE_COLLECTION_RECREATE).appendListener(flushes);
		registry.getEventListenerGroup(EventType.PRE_COLLECTION_UPDATE).appendListener(flushes);
		registry.getEventListenerGroup(EventType.PRE_COLLECTION_REMOVE).appendListener(flushes);
	}

	private static <T> void wrap(EventListenerGroup<T> group, UnaryOperator<T> wrapper) {
		List<T> listeners = new ArrayList<>();
		for (T listener : group.listeners()) {
			listeners.add(listener);
		}
		group.clearListeners();
		for (T listener : listeners) {
			group.appendListener(wrapper.apply(listener));
		}
	}

}
