package dev.querybudget.hibernate.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.querybudget.StatementOrigin;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.ToOne;

/**
 * The origins of one session factory, built once from its mapping so that an event costs
 * a map lookup: collection roles and entity names in the short form reports use
 * ({@code Owner.pets}, {@code Owner}), whether each is batch or subselect fetched,
 * whether the second-level cache holds it (so that the statements of its loads are cache
 * misses), the to-one associations that lead to each entity, and the lazy ones each
 * entity holds.
 *
 * @since 0.1.0
 */
public final class Origins {

	private final Map<String, StatementOrigin> collections = new HashMap<>();

	private final Map<String, StatementOrigin> toOnes = new HashMap<>();

	private final Map<String, StatementOrigin> entityLoads = new HashMap<>();

	private final Map<String, StatementOrigin> flushes = new HashMap<>();

	private final Map<String, StatementOrigin> versionIncrements = new HashMap<>();

	private final Map<String, List<LazyToOne>> lazyToOnes = new HashMap<>();

	/**
	 * Reads the origins of a mapping.
	 * @param metadata the mapping
	 * @param defaultBatchFetchSize the session factory's default batch fetch size
	 * @param secondLevelCache whether the session factory's second-level cache is enabled
	 */
	public Origins(Metadata metadata, int defaultBatchFetchSize, boolean secondLevelCache) {
		Map<String, List<String>> associations = new HashMap<>();
		Map<String, List<LazyToOne>> declared = new HashMap<>();
		for (PersistentClass entity : metadata.getEntityBindings()) {
			for (Property property : entity.getProperties()) {
				if (property.getValue() instanceof ToOne toOne && toOne.getReferencedEntityName() != null) {
					String role = entity.getJpaEntityName() + "." + property.getName();
					associations.computeIfAbsent(toOne.getReferencedEntityName(), (name) -> new ArrayList<>())
						.add(role);
					PersistentClass target = metadata.getEntityBinding(toOne.getReferencedEntityName());
					if (toOne.isLazy() && target != null) {
						StatementOrigin origin = StatementOrigin
							.toOne(target.getJpaEntityName(), batched(target, defaultBatchFetchSize), List.of(role))
							.withCacheMiss(secondLevelCache && target.isCached());
						declared.computeIfAbsent(entity.getEntityName(), (name) -> new ArrayList<>())
							.add(new LazyToOne(property.getName(), origin));
					}
				}
			}
		}
		for (PersistentClass entity : metadata.getEntityBindings()) {
			List<String> leading = new ArrayList<>();
			List<LazyToOne> lazy = new ArrayList<>();
			for (PersistentClass type = entity; type != null; type = type.getSuperclass()) {
				leading.addAll(associations.getOrDefault(type.getEntityName(), List.of()));
				lazy.addAll(declared.getOrDefault(type.getEntityName(), List.of()));
			}
			String name = entity.getJpaEntityName();
			boolean cached = secondLevelCache && entity.isCached();
			this.toOnes.put(entity.getEntityName(),
					StatementOrigin.toOne(name, batched(entity, defaultBatchFetchSize), leading).withCacheMiss(cached));
			this.entityLoads.put(entity.getEntityName(), StatementOrigin.entityLoad(name).withCacheMiss(cached));
			this.flushes.put(entity.getEntityName(), StatementOrigin.flush(name));
			if (entity.isVersioned()) {
				this.versionIncrements.put(entity.getEntityName(),
						StatementOrigin.flush(name + "." + entity.getVersion().getName()));
			}
			this.lazyToOnes.put(entity.getEntityName(), List.copyOf(lazy));
		}
		for (Collection collection : metadata.getCollectionBindings()) {
			PersistentClass owner = collection.getOwner();
			String role = owner.getJpaEntityName() + collection.getRole().substring(owner.getEntityName().length());
			boolean batched = collection.isSubselectLoadable()
					|| effective(collection.getBatchSize(), defaultBatchFetchSize) > 1;
			boolean cached = secondLevelCache && collection.getCacheConcurrencyStrategy() != null;
			this.collections.put(collection.getRole(), StatementOrigin.collection(role, batched).withCacheMiss(cached));
			this.flushes.put(collection.getRole(), StatementOrigin.flush(role));
		}
	}

	private static boolean batched(PersistentClass entity, int defaultBatchFetchSize) {
		return effective(entity.getBatchSize(), defaultBatchFetchSize) > 1;
	}

	private static int effective(int batchSize, int defaultBatchFetchSize) {
		return (batchSize >= 0) ? batchSize : defaultBatchFetchSize;
	}

	/**
	 * Returns an origin of a load as it applies to one load: a load that does not read
	 * the second-level cache (its session's cache mode does not get, or it locks) misses
	 * nothing, even for what the cache holds.
	 * @param origin the origin of the loaded entity or collection
	 * @param cacheRead whether the load reads the second-level cache
	 * @return the origin, with no cache miss when the load does not read the cache
	 */
	public static StatementOrigin reading(StatementOrigin origin, boolean cacheRead) {
		return (cacheRead) ? origin : origin.withCacheMiss(false);
	}

	/**
	 * Returns the origin of the initialisation of a collection.
	 * @param role the full collection role
	 * @return the origin, such as {@code Owner.pets}
	 */
	public StatementOrigin collection(String role) {
		StatementOrigin origin = this.collections.get(role);
		return (origin != null) ? origin : StatementOrigin.collection(role, false);
	}

	/**
	 * Returns the origin of the loading of a to-one target.
	 * @param entityName the full entity name
	 * @return the origin, with the associations that lead to the entity
	 */
	public StatementOrigin toOne(String entityName) {
		StatementOrigin origin = this.toOnes.get(entityName);
		return (origin != null) ? origin : StatementOrigin.toOne(entityName, false, List.of());
	}

	/**
	 * Returns the lazy to-one associations of an entity, declared by it or its
	 * superclasses, each with the origin of the loading of its target through it alone.
	 * @param entityName the full entity name
	 * @return the associations, empty for an entity that has none or is not mapped
	 */
	public List<LazyToOne> lazyToOnes(String entityName) {
		return this.lazyToOnes.getOrDefault(entityName, List.of());
	}

	/**
	 * Returns the origin of the writes of an entity or a collection in a flush.
	 * @param name the entity name or collection role
	 * @return the origin, such as a flush of {@code Owner} or {@code Owner.tags}
	 */
	public StatementOrigin flush(String name) {
		StatementOrigin origin = this.flushes.get(name);
		return (origin != null) ? origin : StatementOrigin.flush(name);
	}

	/**
	 * Returns the origin of a forced increment of an entity's version.
	 * @param entityName the full entity name
	 * @return the origin, a flush of the version attribute, such as
	 * {@code Clinic.version}, or of the entity when it has no version
	 */
	public StatementOrigin versionIncrement(String entityName) {
		StatementOrigin origin = this.versionIncrements.get(entityName);
		return (origin != null) ? origin : flush(entityName);
	}

	/**
	 * Returns the origin of the loading of an entity by identifier.
	 * @param entityName the full entity name
	 * @return the origin
	 */
	public StatementOrigin entityLoad(String entityName) {
		StatementOrigin origin = this.entityLoads.get(entityName);
		return (origin != null) ? origin : StatementOrigin.entityLoad(entityName);
	}

	/**
	 * A lazy to-one association of an entity.
	 *
	 * @param attribute the attribute name, such as {@code owner}
	 * @param origin the origin of the loading of its target through this association
	 * alone, such as {@code Owner} through {@code Pet.owner}
	 */
	public record LazyToOne(String attribute, StatementOrigin origin) {
	}

}
