package dev.querybudget.testing;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Recognisable secret values, fresh for each test run, with the PostgreSQL statements
 * that put them in every literal and parameter position, and the scanner that finds them
 * in any text a surface produced (logs, reports, messages, scrapes, files). The scanner
 * ignores case, since the fingerprinter lowercases what it keeps as identifiers.
 *
 * @since 0.1.0
 */
public final class Secrets {

	private final String token;

	private final long card;

	private final UUID uuid;

	private final String email;

	private final LocalDate date;

	private final String json;

	private final byte[] bytes;

	private final BigDecimal amount;

	private final long negative;

	private final long limit;

	private final long offset;

	private final String urlSeed;

	private Secrets(Random random) {
		this.token = "S3CR3T_" + HexFormat.of().toHexDigits(random.nextLong());
		this.card = 4_000_000_000_000_000L + (random.nextLong() & Long.MAX_VALUE) % 999_999_999_999_999L;
		this.uuid = new UUID(random.nextLong(), random.nextLong());
		this.email = "s3cr3t." + HexFormat.of().toHexDigits(random.nextInt()) + "@example.org";
		this.date = LocalDate.of(1900 + random.nextInt(100), 1 + random.nextInt(12), 1 + random.nextInt(28));
		this.json = "{\"apiKey\": \"J50N_" + HexFormat.of().toHexDigits(random.nextLong()) + "\"}";
		this.bytes = new byte[12];
		random.nextBytes(this.bytes);
		this.amount = new BigDecimal(twelveDigits(random) + "." + twelveDigits(random));
		this.negative = -twelveDigits(random);
		this.limit = twelveDigits(random);
		this.offset = twelveDigits(random);
		this.urlSeed = HexFormat.of().toHexDigits(random.nextLong());
	}

	private static long twelveDigits(Random random) {
		return 100_000_000_000L + random.nextLong(900_000_000_000L);
	}

	/**
	 * Returns fresh secrets.
	 * @return secrets no other run uses
	 */
	public static Secrets random() {
		return new Secrets(new SecureRandom());
	}

	/**
	 * Returns a secret for a URL path segment or query parameter, distinct from the
	 * values of the statements and from the URL secrets of other roles.
	 * @param role what the value is for, such as {@code path}
	 * @return a value that only letters, digits and {@code _} make up
	 */
	public String urlSecret(String role) {
		return "URL_" + role + "_" + this.urlSeed;
	}

	/**
	 * Runs every statement of {@link #statements()}, and prepared statements that bind
	 * each secret as a parameter of each type, alone, in a batch, in an N+1 loop (four
	 * distinct parameter sets of one shape) and as exact duplicates (three identical
	 * executions).
	 * @param connection a PostgreSQL connection
	 * @throws SQLException when PostgreSQL refuses a statement
	 */
	public void execute(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("create temporary table if not exists qb_secret_sink (v text)");
			for (String sql : statements()) {
				statement.execute(sql);
			}
			statement.addBatch("insert into qb_secret_sink (v) values ('" + this.token + "-batch-1')");
			statement.addBatch("insert into qb_secret_sink (v) values ('" + this.email + "')");
			statement.executeBatch();
		}
		try (PreparedStatement statement = connection.prepareStatement(
				"select ?::text, ?::bigint, ?::numeric, ?::bytea, ?::uuid, ?::date, ?::jsonb, ?::bigint")) {
			statement.setString(1, this.token + "-param");
			statement.setLong(2, this.card);
			statement.setBigDecimal(3, this.amount);
			statement.setBytes(4, this.bytes);
			statement.setObject(5, this.uuid);
			statement.setObject(6, this.date);
			statement.setObject(7, this.json, Types.OTHER);
			statement.setLong(8, this.negative);
			statement.executeQuery().close();
		}
		try (PreparedStatement statement = connection.prepareStatement("insert into qb_secret_sink (v) values (?)")) {
			statement.setString(1, this.token + "-prepared-batch");
			statement.addBatch();
			statement.setString(1, this.uuid.toString());
			statement.addBatch();
			statement.executeBatch();
		}
		// The shapes of the N+1 loop and of the duplicates carry literals too: reports
		// and
		// the endpoint show these shapes
		try (PreparedStatement statement = connection
			.prepareStatement("select v from qb_secret_sink where v = ? or v like '" + this.token + "-loop%'")) {
			for (int i = 0; i < 4; i++) {
				statement.setString(1, this.token + "-loop-" + i);
				statement.executeQuery().close();
			}
		}
		try (PreparedStatement statement = connection
			.prepareStatement("select ?::text as duplicate, '" + this.token + "-duplicate', " + this.card)) {
			for (int i = 0; i < 3; i++) {
				statement.setString(1, this.email);
				statement.executeQuery().close();
			}
		}
	}

	/**
	 * Binds a parameter whose {@code hashCode} throws and whose text is a secret, so that
	 * the engine fails while recording the statement that PostgreSQL runs normally.
	 * @param connection a PostgreSQL connection
	 * @throws SQLException when PostgreSQL refuses the statement
	 */
	public void executeWithUnhashableParameter(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select ?::text as unhashable")) {
			// PostgreSQL binds Types.OTHER values by their text
			statement.setObject(1, new UnhashableParameter(this.token + "-unhashable"), Types.OTHER);
			statement.executeQuery().close();
		}
	}

	/**
	 * Returns the statements that carry the secrets as literals: strings (plain,
	 * {@code E''}, dollar-quoted, typed), numbers (card-like, negative, decimal), in
	 * {@code IN} lists, {@code VALUES} rows, {@code LIKE}, {@code LIMIT}/{@code OFFSET},
	 * a function argument, comments and hints, a string that looks like an identifier,
	 * and writes.
	 * @return the SQL texts
	 */
	public List<String> statements() {
		String hex = HexFormat.of().formatHex(this.bytes);
		return List.of("select '" + this.token + "-string' as v",
				"select E'" + this.token + "-escaped\\n', $$" + this.token + "-dollar$$, $q$" + this.token
						+ "-tagged$q$",
				"select date '" + this.date + "', cast('" + this.uuid + "' as uuid), '" + this.json + "'::jsonb, '\\x"
						+ hex + "'::bytea, decode('" + Base64.getEncoder().encodeToString(this.bytes) + "', 'base64')",
				"select " + this.card + ", " + this.negative + ", " + this.amount.toPlainString(),
				"select 1 where 'a' in ('" + this.token + "-in', '" + this.email + "') or 1 in (" + this.card + ", "
						+ this.negative + ")",
				"select a, b from (values ('" + this.token + "-row', " + this.card + "), ('" + this.email + "', "
						+ this.negative + ")) as v(a, b)",
				"select 1 where 'a' like '" + this.token + "-like%'",
				"select 1 limit " + this.limit + " offset " + this.offset,
				"/* " + this.token + "-block */ select /*+ IndexScan(" + this.token + "-hint) */ 1 -- " + this.token
						+ "-line\n",
				"select 1 where current_user <> '" + this.token + "'",
				"update qb_secret_sink set v = '" + this.email + "' where v = '" + this.token + "-where'",
				"delete from qb_secret_sink where v = '" + this.card + "'");
	}

	/**
	 * Returns every secret in the text forms a leak would take, by name.
	 * @return the text to look for, by the name of the secret
	 */
	public Map<String, String> needles() {
		Map<String, String> needles = new LinkedHashMap<>();
		needles.put("token", this.token);
		needles.put("card", Long.toString(this.card));
		needles.put("uuid", this.uuid.toString());
		needles.put("email", this.email);
		needles.put("date", this.date.toString());
		needles.put("json", this.json.substring(this.json.indexOf("J50N_"), this.json.length() - 2));
		needles.put("bytes (hex)", HexFormat.of().formatHex(this.bytes));
		needles.put("bytes (base64)", Base64.getEncoder().encodeToString(this.bytes));
		needles.put("amount", this.amount.toPlainString());
		needles.put("negative", Long.toString(-this.negative));
		needles.put("limit", Long.toString(this.limit));
		needles.put("offset", Long.toString(this.offset));
		return needles;
	}

	/**
	 * Returns where secrets, or the given URL secrets, occur in a text.
	 * @param text what a surface produced
	 * @param urlSecrets further values to look for, such as {@link #urlSecret(String)}
	 * @return one entry per occurrence: the secret's name and the text around it; empty
	 * when the text holds none
	 */
	public List<String> leaksIn(String text, String... urlSecrets) {
		Map<String, String> needles = needles();
		for (String urlSecret : urlSecrets) {
			needles.put("URL secret " + urlSecret.substring(0, urlSecret.lastIndexOf('_')), urlSecret);
		}
		String haystack = text.toLowerCase(Locale.ROOT);
		List<String> leaks = new ArrayList<>();
		needles.forEach((name, needle) -> {
			String lower = needle.toLowerCase(Locale.ROOT);
			for (int at = haystack.indexOf(lower); at >= 0; at = haystack.indexOf(lower, at + 1)) {
				leaks.add(name + ": ..."
						+ text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60)).replace('\n', ' ')
						+ "...");
			}
		});
		return leaks;
	}

	@Override
	public String toString() {
		// A failing assertion prints its subject: never the values
		return "Secrets[12 values]";
	}

}
