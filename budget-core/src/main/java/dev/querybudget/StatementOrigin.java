package dev.querybudget;

import java.util.List;
import java.util.Objects;

/**
 * What caused a statement, as declared by an adapter that knows (such as the Hibernate
 * integration) with {@link QueryBudgetTracker#attribute(StatementOrigin)}, so that a
 * report names the association or repository method behind an N+1 and the fix, rather
 * than only the SQL. Origins carry names only, never values.
 *
 * @param kind what kind of cause it is
 * @param role what caused it: {@code Owner.pets} for a collection, the entity name
 * {@code Owner} for a to-one or an entity load, {@code OwnerRepository.findByLastName}
 * for a query, the flushed entity names for a flush, the declared reason for an allowed
 * repetition
 * @param batched whether the statements are batch or subselect fetches, whose number is
 * bounded by N divided by the batch size: an answer to N+1, not one
 * @param associations for a {@link Kind#TO_ONE} or {@link Kind#ENTITY_LOAD} origin, the
 * to-one associations that can lead to the entity, such as {@code Pet.owner}
 * @param cacheMiss whether the statements load a collection or entity that the
 * second-level cache holds, so that each of them is a cache miss: a cache hit runs no
 * statement
 * @since 0.1.0
 */
public record StatementOrigin(Kind kind, String role, boolean batched, List<String> associations, boolean cacheMiss) {

	/**
	 * Validates the origin and copies its associations.
	 */
	public StatementOrigin {
		Objects.requireNonNull(kind, "'kind' must not be null");
		Objects.requireNonNull(role, "'role' must not be null");
		associations = List.copyOf(Objects.requireNonNull(associations, "'associations' must not be null"));
		if (cacheMiss && !isLoad(kind)) {
			throw new IllegalArgumentException(
					"'cacheMiss' applies to collection, to-one and entity loads, but the kind was " + kind);
		}
	}

	/**
	 * Creates an origin whose statements are no second-level cache misses.
	 * @param kind what kind of cause it is
	 * @param role what caused it
	 * @param batched whether the statements are batch or subselect fetches
	 * @param associations for a {@link Kind#TO_ONE} or {@link Kind#ENTITY_LOAD} origin,
	 * the to-one associations that can lead to the entity
	 */
	public StatementOrigin(Kind kind, String role, boolean batched, List<String> associations) {
		this(kind, role, batched, associations, false);
	}

	/**
	 * Returns the origin of the statements that initialise a lazy collection.
	 * @param role the collection role, such as {@code Owner.pets}
	 * @param batched whether the collection is batch or subselect fetched
	 * @return the origin
	 */
	public static StatementOrigin collection(String role, boolean batched) {
		return new StatementOrigin(Kind.COLLECTION, role, batched, List.of());
	}

	/**
	 * Returns the origin of the statements that load the target of a to-one association:
	 * a lazy proxy being initialised, or an eager association loaded by its own select.
	 * @param entity the entity name, such as {@code Owner}
	 * @param batched whether the entity is batch fetched
	 * @param associations the to-one associations that lead to the entity, such as
	 * {@code Pet.owner}
	 * @return the origin
	 */
	public static StatementOrigin toOne(String entity, boolean batched, List<String> associations) {
		return new StatementOrigin(Kind.TO_ONE, entity, batched, associations);
	}

	/**
	 * Returns the origin of the statements that load an entity by its identifier, such as
	 * {@code EntityManager.find}.
	 * @param entity the entity name, such as {@code Owner}
	 * @return the origin
	 */
	public static StatementOrigin entityLoad(String entity) {
		return new StatementOrigin(Kind.ENTITY_LOAD, entity, false, List.of());
	}

	/**
	 * Returns the origin of the statements of a query method.
	 * @param method the method, such as {@code OwnerRepository.findByLastName}
	 * @return the origin
	 */
	public static StatementOrigin query(String method) {
		return new StatementOrigin(Kind.QUERY, method, false, List.of());
	}

	/**
	 * Returns the origin of the statements of a flush.
	 * @param entities the names of the flushed entities
	 * @return the origin
	 */
	public static StatementOrigin flush(String entities) {
		return new StatementOrigin(Kind.FLUSH, entities, false, List.of());
	}

	/**
	 * Returns this load as one whose statements are second-level cache misses, or are
	 * not: the adapter knows whether the cache holds what it loads and was read.
	 * @param missed whether the statements are cache misses
	 * @return the origin, this one when it already says so
	 * @throws IllegalArgumentException when {@code missed} is {@code true} and this
	 * origin is no collection, to-one or entity load
	 */
	public StatementOrigin withCacheMiss(boolean missed) {
		return (missed == this.cacheMiss) ? this
				: new StatementOrigin(this.kind, this.role, this.batched, this.associations, missed);
	}

	/**
	 * Returns whether statements of this origin are exempt from N+1 detection: batch
	 * fetches and declared repetition.
	 * @return {@code true} for a batched origin or an {@link Kind#ALLOWED} one
	 */
	public boolean isExempt() {
		return this.batched || this.kind == Kind.ALLOWED;
	}

	/**
	 * Returns whether the statements of this origin are loaded lazily by the ORM, not
	 * called for by the application: their repetition is grouped by the origin, wherever
	 * the application touched the association. Repetition of other origins, such as
	 * entity loads and query methods, is grouped by call site, as distinct lookups from
	 * different places in the code are no loop.
	 * @return {@code true} for a {@link Kind#COLLECTION} or {@link Kind#TO_ONE} origin
	 */
	public boolean isLazyLoad() {
		return this.kind == Kind.COLLECTION || this.kind == Kind.TO_ONE;
	}

	@Override
	public String toString() {
		String text = this.kind + " " + this.role;
		if (this.batched) {
			return text + ((this.cacheMiss) ? " (batch fetch, cache miss)" : " (batch fetch)");
		}
		return (this.cacheMiss) ? text + " (cache miss)" : text;
	}

	private static boolean isLoad(Kind kind) {
		return kind == Kind.COLLECTION || kind == Kind.TO_ONE || kind == Kind.ENTITY_LOAD;
	}

	/**
	 * The kinds of cause.
	 *
	 * @since 0.1.0
	 */
	public enum Kind {

		/** Initialisation of a collection. */
		COLLECTION,

		/** Loading the target of a to-one association. */
		TO_ONE,

		/** Loading an entity by its identifier. */
		ENTITY_LOAD,

		/** A query method, such as a Spring Data repository method. */
		QUERY,

		/** A flush of changed entities. */
		FLUSH,

		/**
		 * Repetition the application declared deliberate with
		 * {@link QueryBudgetTracker#allowRepetition(String)}.
		 */
		ALLOWED

	}

}
