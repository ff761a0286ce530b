package dev.querybudget.sql;

/**
 * A {@link FingerprintLexer} that counts how many characters it reads, to prove that
 * fingerprinting is linear in the input without timing anything.
 */
class CountingLexer extends FingerprintLexer {

	/**
	 * The most reads per character any input may cost. The lexer reads a character once
	 * to lex it and once to write it, a list that may collapse is read ahead once more,
	 * and deciding what a one-character token is (a comment? a sign? the end of an
	 * operator?) looks at up to two characters ahead of it. A run of {@code -} in MySQL,
	 * where {@code --} without a following space is not a comment, is the worst case at
	 * 9.
	 */
	static final long MAX_READS_PER_CHAR = 10;

	private long reads;

	CountingLexer(String sql, SqlDialect dialect) {
		super(sql, sql.length(), dialect, null);
	}

	@Override
	char charAt(int index) {
		this.reads++;
		return super.charAt(index);
	}

	/**
	 * Lexes the whole input and returns how many characters were read.
	 * @return the number of reads
	 */
	long countReads() {
		run();
		return this.reads;
	}

}
