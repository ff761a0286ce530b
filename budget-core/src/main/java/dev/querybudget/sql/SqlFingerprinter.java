package dev.querybudget.sql;

import java.util.Locale;
import java.util.Objects;

/**
 * Computes {@link StatementFingerprint}s.
 * <p>
 * INTERIM CONTRACT (replaced by the fingerprinter work): hashes the lower-cased text.
 *
 * @since 0.1.0
 */
public final class SqlFingerprinter {

	private final FingerprintSettings settings;

	private SqlFingerprinter(FingerprintSettings settings) {
		this.settings = settings;
	}

	/**
	 * Creates a fingerprinter with default settings.
	 * @return a new fingerprinter
	 */
	public static SqlFingerprinter create() {
		return create(FingerprintSettings.ofDefaults());
	}

	/**
	 * Creates a fingerprinter.
	 * @param settings its limits
	 * @return a new fingerprinter
	 */
	public static SqlFingerprinter create(FingerprintSettings settings) {
		return new SqlFingerprinter(Objects.requireNonNull(settings, "'settings' must not be null"));
	}

	/**
	 * Fingerprints a statement. Never throws.
	 * @param sql the statement text
	 * @param dialect the lexical rules to read it with
	 * @return its fingerprint
	 */
	public StatementFingerprint fingerprint(String sql, SqlDialect dialect) {
		int length = sql.length();
		boolean truncated = length > this.settings.maxSqlLength();
		String text = (truncated ? sql.substring(0, this.settings.maxSqlLength()) : sql).strip()
			.toLowerCase(Locale.ROOT);
		long hash = 1125899906842597L;
		for (int i = 0; i < text.length(); i++) {
			hash = 31 * hash + text.charAt(i);
		}
		String first = text.split("\\s+", 2)[0];
		StatementKind kind = switch (first) {
			case "select", "with" -> StatementKind.SELECT;
			case "insert" -> StatementKind.INSERT;
			case "update" -> StatementKind.UPDATE;
			case "delete" -> StatementKind.DELETE;
			default -> StatementKind.OTHER;
		};
		return new StatementFingerprint(hash, kind, text, length, truncated);
	}

}
