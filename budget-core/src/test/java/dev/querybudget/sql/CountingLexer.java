package dev.querybudget.sql;

/**
 * A {@link FingerprintLexer} that counts how many characters it reads, to prove that
 * fingerprinting is linear in the input without timing anything.
 */
class CountingLexer extends FingerprintLexer {

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
