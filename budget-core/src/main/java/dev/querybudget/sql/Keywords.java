package dev.querybudget.sql;

/**
 * The few SQL keywords the lexer acts on, looked up without allocating.
 * <p>
 * While the lexer scans a word it packs up to 12 ASCII letters, five bits each, into a
 * {@code long}. That number is looked up in a small open-addressing table, so telling
 * {@code in} from {@code inner} costs a multiply and one or two array reads, not a string
 * comparison.
 */
final class Keywords {

	static final int NONE = 0;

	static final int SELECT = 1;

	static final int WITH = 2;

	static final int VALUES = 3;

	static final int TABLE = 4;

	static final int INSERT = 5;

	static final int REPLACE = 6;

	static final int UPDATE = 7;

	static final int DELETE = 8;

	static final int MERGE = 9;

	static final int UPSERT = 10;

	static final int CALL = 11;

	static final int EXEC = 12;

	static final int EXECUTE = 13;

	static final int CREATE = 14;

	static final int ALTER = 15;

	static final int DROP = 16;

	static final int TRUNCATE = 17;

	static final int COMMENT = 18;

	static final int GRANT = 19;

	static final int REVOKE = 20;

	static final int RENAME = 21;

	static final int IN = 22;

	static final int ARRAY = 23;

	static final int TRUE = 24;

	static final int FALSE = 25;

	static final int NULL = 26;

	static final int VALUE = 27;

	static final int NEXTVAL = 28;

	static final int NEXT = 29;

	/**
	 * Any other reserved word: one after which a {@code (} is not a function call and a
	 * {@code -} is a sign.
	 */
	static final int RESERVED = 30;

	private static final int MAX_LETTERS = 12;

	private static final int TABLE_BITS = 9;

	private static final long[] PACKED = new long[1 << TABLE_BITS];

	private static final byte[] IDS = new byte[1 << TABLE_BITS];

	private static final boolean[] RESERVED_IDS = new boolean[RESERVED + 1];

	static {
		add("select", SELECT, true);
		add("with", WITH, true);
		add("values", VALUES, true);
		add("table", TABLE, false);
		add("insert", INSERT, false);
		add("replace", REPLACE, false);
		add("update", UPDATE, false);
		add("delete", DELETE, false);
		add("merge", MERGE, false);
		add("upsert", UPSERT, false);
		add("call", CALL, false);
		add("exec", EXEC, false);
		add("execute", EXECUTE, false);
		add("create", CREATE, false);
		add("alter", ALTER, false);
		add("drop", DROP, false);
		add("truncate", TRUNCATE, false);
		add("comment", COMMENT, false);
		add("grant", GRANT, false);
		add("revoke", REVOKE, false);
		add("rename", RENAME, false);
		add("in", IN, true);
		add("array", ARRAY, false);
		add("true", TRUE, false);
		add("false", FALSE, false);
		add("null", NULL, false);
		add("value", VALUE, false);
		add("nextval", NEXTVAL, false);
		add("next", NEXT, false);
		String[] reserved = { "from", "where", "and", "or", "not", "as", "on", "join", "using", "exists", "any", "all",
				"some", "when", "then", "else", "case", "by", "union", "intersect", "except", "is", "between", "like",
				"ilike", "having", "returning", "limit", "offset", "over", "filter", "group", "lateral", "distinct",
				"set", "return", "do" };
		for (String word : reserved) {
			add(word, RESERVED, true);
		}
	}

	private Keywords() {
	}

	private static void add(String word, int id, boolean reserved) {
		long packed = 0;
		for (int i = 0; i < word.length(); i++) {
			packed = pack(packed, word.charAt(i));
		}
		int index = index(packed);
		while (PACKED[index] != 0) {
			index = (index + 1) & (PACKED.length - 1);
		}
		PACKED[index] = packed;
		IDS[index] = (byte) id;
		RESERVED_IDS[id] = reserved;
	}

	/**
	 * Adds a lower-case ASCII letter to a packed word. Any other character gives a value
	 * that means nothing: the caller must not look up a word that holds one.
	 * @param packed the letters so far
	 * @param lowerCaseLetter a letter from {@code a} to {@code z}
	 * @return the new packed word
	 */
	static long pack(long packed, char lowerCaseLetter) {
		return (packed << 5) | (lowerCaseLetter - 'a' + 1);
	}

	/**
	 * Returns how many letters a packed word can hold.
	 * @return the maximum keyword length
	 */
	static int maxLetters() {
		return MAX_LETTERS;
	}

	/**
	 * Returns the keyword id of a packed word.
	 * @param packed the packed letters, {@code 0} for a word that cannot be a keyword
	 * @return the keyword id, {@link #NONE} for any other word
	 */
	static int lookup(long packed) {
		if (packed == 0) {
			return NONE;
		}
		int index = index(packed);
		long candidate;
		while ((candidate = PACKED[index]) != 0) {
			if (candidate == packed) {
				return IDS[index];
			}
			index = (index + 1) & (PACKED.length - 1);
		}
		return NONE;
	}

	/**
	 * Returns whether a keyword is reserved: a following {@code (} opens an expression,
	 * not an argument list, and a following {@code -} is a sign.
	 * @param id the keyword id
	 * @return whether it is reserved
	 */
	static boolean isReserved(int id) {
		return RESERVED_IDS[id];
	}

	private static int index(long packed) {
		return (int) ((packed * 0x9E3779B97F4A7C15L) >>> (64 - TABLE_BITS));
	}

}
