package dev.querybudget.hibernate.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.StatementOrigin;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.jspecify.annotations.Nullable;

/**
 * Remembers which lazy to-one association holds each uninitialised proxy, so that the
 * load of the proxy's target is attributed to that association alone, such as
 * {@code Pet.owner}, rather than to every association that leads to the entity.
 * <p>
 * When an entity is loaded while a scope is open on the thread, its lazy to-one
 * attributes are read, and each uninitialised proxy among them is remembered as its
 * entity name and identifier with the origin of its association. When a proxy is
 * initialised ({@code IMMEDIATE_LOAD}), {@link #take} returns that origin and forgets it.
 * Proxies created while no scope was open, and those past the limit of {@value #LIMIT}
 * per session, are not remembered: their loads fall back to the candidates of the
 * mapping, as do entities whose attributes cannot be read: the application's load never
 * fails here. Without a scope, an event costs one {@link ThreadLocal} read.
 * <p>
 * The memory is kept per session, as a proxy belongs to one session, in a
 * {@link WeakHashMap} keyed by the session: an entry never keeps a session alive, so a
 * closed or abandoned session takes its proxies with it, and nothing has to hook the
 * session's end. The map is synchronised for the lookup of a session's memory only; each
 * session's memory is used by the thread that uses the session, as sessions are. A proxy
 * is forgotten when it is initialised, so the memory holds the proxies still pending.
 *
 * @since 0.1.0
 */
public final class ToOneProxies implements PostLoadEventListener {

	/**
	 * The most proxies remembered per session.
	 */
	static final int LIMIT = 4096;

	private final QueryBudgetTracker tracker;

	private final Origins origins;

	private final Map<String, Attribute[]> attributes = new ConcurrentHashMap<>();

	private final Map<SharedSessionContractImplementor, Map<ProxyKey, StatementOrigin>> sessions = Collections
		.synchronizedMap(new WeakHashMap<>());

	/**
	 * Creates the memory of one session factory's proxies.
	 * @param tracker the tracker whose scopes receive the origins
	 * @param origins the origins of the session factory
	 */
	public ToOneProxies(QueryBudgetTracker tracker, Origins origins) {
		this.tracker = tracker;
		this.origins = origins;
	}

	@Override
	public void onPostLoad(PostLoadEvent event) {
		if (this.tracker.activeScopes() == null) {
			return;
		}
		EntityPersister persister = event.getPersister();
		Object entity = event.getEntity();
		try {
			for (Attribute attribute : this.attributes.computeIfAbsent(persister.getEntityName(),
					(name) -> resolve(persister))) {
				LazyInitializer proxy = HibernateProxy.extractLazyInitializer(attribute.mapping().getValue(entity));
				if (proxy != null && proxy.isUninitialized()) {
					remember(event.getSession(), new ProxyKey(proxy.getEntityName(), proxy.getInternalIdentifier()),
							attribute.origin());
				}
			}
		}
		catch (RuntimeException ex) {
			// a mapping this reading does not foresee costs the precise role, never the
			// application's load: the proxy's load falls back to the candidates
		}
	}

	private Attribute[] resolve(EntityPersister persister) {
		List<Attribute> resolved = new ArrayList<>();
		for (Origins.LazyToOne toOne : this.origins.lazyToOnes(persister.getEntityName())) {
			AttributeMapping mapping = persister.findAttributeMapping(toOne.attribute());
			if (mapping != null) {
				resolved.add(new Attribute(mapping, toOne.origin()));
			}
		}
		return resolved.toArray(new Attribute[0]);
	}

	private void remember(SharedSessionContractImplementor session, ProxyKey key, StatementOrigin origin) {
		Map<ProxyKey, StatementOrigin> proxies = this.sessions.computeIfAbsent(session, (ignored) -> new HashMap<>());
		StatementOrigin known = proxies.get(key);
		if (known == null) {
			if (proxies.size() < LIMIT) {
				proxies.put(key, origin);
			}
		}
		else if (!known.associations().containsAll(origin.associations())) {
			List<String> associations = new ArrayList<>(known.associations());
			associations.addAll(origin.associations());
			proxies.put(key, new StatementOrigin(StatementOrigin.Kind.TO_ONE, known.role(), known.batched(),
					associations, known.cacheMiss()));
		}
	}

	/**
	 * Returns the origin of the initialisation of a proxy remembered in a session, and
	 * forgets it. Called while a scope is open.
	 * @param session the session of the proxy
	 * @param entityName the full entity name of the proxy
	 * @param id the identifier of the proxy
	 * @return the origin naming the associations that held the proxy, or {@code null}
	 * when none was remembered
	 */
	public @Nullable StatementOrigin take(SharedSessionContractImplementor session, String entityName, Object id) {
		Map<ProxyKey, StatementOrigin> proxies = this.sessions.get(session);
		return (proxies != null) ? proxies.remove(new ProxyKey(entityName, id)) : null;
	}

	private record Attribute(AttributeMapping mapping, StatementOrigin origin) {
	}

	private record ProxyKey(String entityName, Object id) {
	}

}
