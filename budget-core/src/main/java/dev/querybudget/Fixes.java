package dev.querybudget;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes the cause and the fix of a reported shape with the names filled in: the
 * association, entity, repository method or table, never a value.
 */
final class Fixes {

	// without an origin the association is unknown: the options, unnamed
	private static final String GENERIC_FIX = "batch or join-fetch: JOIN FETCH / @EntityGraph / @BatchSize / "
			+ "default_batch_fetch_size, or load all rows in one query with IN (...)";

	private static final String BATCH_FETCH_SETTING = "hibernate.default_batch_fetch_size";

	private static final String CACHE_MISS_CAUSE = ", each a second-level cache miss";

	private Fixes() {
	}

	/**
	 * Appends the cause and fix lines of an N+1 suspect.
	 */
	static void nPlusOne(StringBuilder text, FingerprintCount count) {
		StatementOrigin origin = count.nPlusOneOrigin();
		String table = countedTable(count.fingerprint().normalizedSql());
		if (origin == null || origin.kind() == StatementOrigin.Kind.QUERY) {
			if (origin != null) {
				text.append("\n    cause: query method ").append(origin.role()).append(" called once per key");
			}
			if (table != null) {
				text.append("\n    fix: consolidate the counts into one aggregate: SELECT the key, COUNT(*) FROM ")
					.append(table)
					.append(" GROUP BY the key, instead of one COUNT per key");
			}
			else {
				text.append("\n    fix: ").append(GENERIC_FIX);
			}
			return;
		}
		switch (origin.kind()) {
			case COLLECTION -> collection(text, origin);
			case TO_ONE -> toOne(text, origin);
			case ENTITY_LOAD -> {
				text.append("\n    cause: ").append(origin.role()).append(" loaded by identifier one at a time");
				cacheMiss(text, origin);
				text.append(
						"\n    fix: load them together: findAllById, a query with IN (...), or Session.findMultiple");
			}
			default -> text.append("\n    cause: flush of ")
				.append(origin.role())
				.append(", one statement per entity")
				.append("\n    fix: batch the writes: hibernate.jdbc.batch_size, hibernate.order_inserts and ")
				.append("hibernate.order_updates");
		}
	}

	private static void collection(StringBuilder text, StatementOrigin origin) {
		String role = origin.role();
		int dot = role.indexOf('.');
		String entity = (dot > 0) ? role.substring(0, dot) : role;
		String attribute = role.substring(dot + 1);
		text.append("\n    cause: lazy collection ").append(role).append(" initialised once per ").append(entity);
		cacheMiss(text, origin);
		text.append("\n    fix: fetch ")
			.append(role)
			.append(" with the ")
			.append(entity)
			.append(" entities: JOIN FETCH ");
		text.append(alias(entity)).append('.').append(attribute).append(" in the query that loaded them, ");
		entityGraph(text, attribute);
		text.append(", or @BatchSize(size = ...) on ").append(role).append(" / ").append(BATCH_FETCH_SETTING);
	}

	private static void toOne(StringBuilder text, StatementOrigin origin) {
		List<String> associations = origin.associations();
		text.append("\n    cause: ").append(origin.role()).append(" loaded once per parent through ");
		if (associations.isEmpty()) {
			text.append("a to-one association");
		}
		else {
			text.append(String.join(" or ", associations));
		}
		cacheMiss(text, origin);
		for (String association : associations) {
			int dot = association.indexOf('.');
			String parent = association.substring(0, dot);
			String attribute = association.substring(dot + 1);
			text.append("\n    fix: fetch ").append(association).append(" with the ").append(parent);
			text.append(" entities: JOIN FETCH ").append(alias(parent)).append('.').append(attribute);
			text.append(" in the query that loaded them, ");
			entityGraph(text, attribute);
		}
		text.append("\n    fix: or @BatchSize(size = ...) on ").append(origin.role()).append(" / ");
		text.append(BATCH_FETCH_SETTING);
	}

	/**
	 * Ends the cause line of a load whose statements are second-level cache misses, and
	 * names the cache fix before the fetch fixes: the application meant the cache to
	 * answer these loads.
	 */
	private static void cacheMiss(StringBuilder text, StatementOrigin origin) {
		if (origin.cacheMiss()) {
			text.append(CACHE_MISS_CAUSE)
				.append("\n    fix: keep ")
				.append(origin.role())
				.append(" in the second-level cache: size its region to hold what the loop reads and check its ")
				.append("expiry, or warm the region before the loop");
		}
	}

	private static void entityGraph(StringBuilder text, String attribute) {
		text.append("@EntityGraph(attributePaths = \"").append(attribute).append("\") on the repository method");
	}

	private static String alias(String entity) {
		return String.valueOf(Character.toLowerCase(entity.charAt(0)));
	}

	/**
	 * Returns the table of a {@code select count(...) from table} shape, or {@code null}
	 * for any other shape.
	 */
	static @Nullable String countedTable(String sql) {
		if (!sql.regionMatches(true, 0, "select count(", 0, 13)) {
			return null;
		}
		int from = indexOfIgnoreCase(sql, " from ");
		if (from < 0) {
			return null;
		}
		int start = from + 6;
		int end = start;
		while (end < sql.length() && !Character.isWhitespace(sql.charAt(end))) {
			end++;
		}
		return (end > start) ? sql.substring(start, end) : null;
	}

	private static int indexOfIgnoreCase(String text, String word) {
		for (int i = 0; i + word.length() <= text.length(); i++) {
			if (text.regionMatches(true, i, word, 0, word.length())) {
				return i;
			}
		}
		return -1;
	}

}
