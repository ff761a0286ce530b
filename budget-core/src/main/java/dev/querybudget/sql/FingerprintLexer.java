package dev.querybudget.sql;

import org.jspecify.annotations.Nullable;

/**
 * The single-pass lexer behind {@link SqlFingerprinter}: reads SQL text left to right,
 * looking ahead only over a list of values it may collapse, and writes the normalised
 * shape into a 64-bit hash and, when asked, into a {@link StringBuilder}.
 * <p>
 * It is a lexer with a little memory, not a parser: it knows the previous token, the
 * parenthesis depth and a handful of keywords, and that is enough to tell a sign from a
 * minus, an {@code IN} list from a function call, and the kind of statement. Every
 * character is read through {@link #charAt(int)}, which a test subclass counts to prove
 * that the work is linear in the input; in production this class has no subclass, so the
 * JIT inlines the call. A lexer is used once and is not thread-safe.
 */
class FingerprintLexer {

	static final int END = 0;

	static final int WORD = 1;

	static final int QUOTED = 2;

	static final int STRING = 3;

	static final int NUMBER = 4;

	static final int PARAM = 5;

	static final int LPAREN = 6;

	static final int RPAREN = 7;

	static final int LBRACKET = 8;

	static final int RBRACKET = 9;

	static final int COMMA = 10;

	static final int DOT = 11;

	static final int SEMI = 12;

	static final int CAST = 13;

	static final int OP = 14;

	static final int LBRACE = 15;

	static final int RBRACE = 16;

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	private static final long LENGTH_MIX = 0x9E3779B97F4A7C15L;

	private static final int TYPE_NAME = -1;

	private static final int KIND_START = 0;

	private static final int KIND_WITH = 1;

	private static final int KIND_DONE = 2;

	// Spacing rules as bit sets of token types (all types are below 32)

	private static final int NO_SPACE_BEFORE = bits(RPAREN, RBRACKET, RBRACE, COMMA, DOT, SEMI, CAST);

	private static final int NO_SPACE_AFTER = bits(END, LPAREN, LBRACKET, LBRACE, DOT, CAST);

	private static final int NO_SPACE_BEFORE_BRACKET = bits(WORD, QUOTED, RPAREN, RBRACKET, PARAM);

	// Character classes of ASCII characters, so that the per-character loops test one
	// bit instead of a chain of comparisons. Bits 0 to 7 hold the classes for every
	// dialect but MySQL, bits 8 to 15 those for MySQL; #classShift picks one set.

	private static final int WORD_START = 1;

	private static final int WORD_PART = 1 << 1;

	private static final int OPERATOR = 1 << 2;

	private static final int SPACE = 1 << 3;

	private static final int COMMENT_START = 1 << 4;

	private static final int ARITHMETIC = 1 << 5;

	private static final int DIGIT = 1 << 6;

	private static final int MYSQL_SHIFT = 8;

	// Every character from 0x80 up is a word character in every dialect
	private static final int NON_ASCII = WORD_START | WORD_PART;

	private static final int[] CLASSES = new int[128];

	// For the characters of words: the lower-case character in bits 0 to 7, NOT_LETTER
	// for what is not a letter, and the character classes from bit 16
	private static final int NOT_LETTER = 1 << 8;

	private static final int CLASSES_SHIFT = 16;

	private static final int NON_ASCII_WORD = NOT_LETTER | (NON_ASCII << CLASSES_SHIFT)
			| (NON_ASCII << (CLASSES_SHIFT + MYSQL_SHIFT));

	private static final int[] WORD_CHARACTERS = new int[128];

	// The type of the tokens that are always one character, else END
	private static final byte[] SINGLE_CHARACTER_TOKENS = new byte[128];

	static {
		for (char c = 0; c < 128; c++) {
			CLASSES[c] = classOf(c, false) | (classOf(c, true) << MYSQL_SHIFT);
			char lower = lowerCase(c);
			WORD_CHARACTERS[c] = lower | ((lower >= 'a' && lower <= 'z') ? 0 : NOT_LETTER)
					| (CLASSES[c] << CLASSES_SHIFT);
		}
		SINGLE_CHARACTER_TOKENS['('] = LPAREN;
		SINGLE_CHARACTER_TOKENS[')'] = RPAREN;
		SINGLE_CHARACTER_TOKENS['['] = LBRACKET;
		SINGLE_CHARACTER_TOKENS[']'] = RBRACKET;
		SINGLE_CHARACTER_TOKENS[','] = COMMA;
		SINGLE_CHARACTER_TOKENS[';'] = SEMI;
		SINGLE_CHARACTER_TOKENS['{'] = LBRACE;
		SINGLE_CHARACTER_TOKENS['}'] = RBRACE;
	}

	private final String sql;

	private final int end;

	private final boolean mysql;

	private final boolean postgresql;

	private final boolean h2;

	private final int classShift;

	private final @Nullable StringBuilder out;

	private int pos;

	// The current token. lex() writes type, start and keyword and moves pos; the
	// look-ahead over lists and rows reuses these fields, because the token that
	// started the look-ahead has already been acted on.
	private int type;

	private int start;

	private int stop;

	private int keyword;

	// One token of lookahead
	private boolean hasNext;

	private int nextType;

	private int nextStart;

	private int nextStop;

	private int nextKeyword;

	// The hash after writing the word lex() just scanned, and whether it is valid: only
	// for a word scanned by advance(), which process() then writes with no other write in
	// between, so the space before it and the hash it starts from are the same
	private long wordHash;

	private boolean wordHashed;

	// What has been written
	private long hash = FNV_OFFSET;

	private int last = END;

	private int lastKeyword;

	private int depth;

	private long valuesRows;

	private boolean collapsing;

	private int kindState = KIND_START;

	private int withDepth;

	private StatementKind kind = StatementKind.OTHER;

	private boolean sequence;

	FingerprintLexer(String sql, int end, SqlDialect dialect, @Nullable StringBuilder out) {
		this.sql = sql;
		this.end = end;
		this.mysql = dialect == SqlDialect.MYSQL;
		this.postgresql = dialect == SqlDialect.POSTGRESQL;
		this.h2 = dialect == SqlDialect.H2;
		this.classShift = this.mysql ? MYSQL_SHIFT : 0;
		this.out = out;
	}

	/**
	 * Fingerprints the first {@code end} characters of a statement, without caching.
	 * @param sql the statement
	 * @param dialect the lexical rules
	 * @param maxSqlLength how many leading characters to read
	 * @return the fingerprint
	 */
	static StatementFingerprint fingerprint(String sql, SqlDialect dialect, int maxSqlLength) {
		int length = sql.length();
		boolean truncated = length > maxSqlLength;
		int end = truncated ? maxSqlLength : length;
		FingerprintLexer lexer = new FingerprintLexer(sql, end, dialect, null);
		lexer.run();
		long hash = lexer.hash(truncated ? length : -1);
		String source = truncated ? sql.substring(0, end) : sql;
		return new StatementFingerprint(hash, lexer.kind(), lexer.sequence, source, dialect, length, truncated);
	}

	/**
	 * Renders the normalised text of a statement.
	 * @param sql the statement, already cut to the length that was fingerprinted
	 * @param dialect the lexical rules
	 * @return the normalised text
	 */
	static String render(String sql, SqlDialect dialect) {
		StringBuilder out = new StringBuilder(sql.length() + 16);
		new FingerprintLexer(sql, sql.length(), dialect, out).run();
		return out.toString();
	}

	/**
	 * Reads one character of the input. The only place the input is read.
	 * @param index the index, less than the end
	 * @return the character
	 */
	char charAt(int index) {
		return this.sql.charAt(index);
	}

	/**
	 * Lexes and normalises the whole input.
	 */
	final void run() {
		for (;;) {
			advance();
			if (this.type == END) {
				break;
			}
			process();
		}
	}

	/**
	 * Returns the hash of what was written.
	 * @param totalLength the length of the whole statement when only a prefix was read,
	 * else {@code -1}
	 * @return the finished 64-bit hash
	 */
	final long hash(int totalLength) {
		long h = mix(this.hash);
		if (totalLength >= 0) {
			h = mix(h + (totalLength + 1L) * LENGTH_MIX);
		}
		return h;
	}

	/**
	 * Returns the kind of statement that was read.
	 * @return the kind
	 */
	final StatementKind kind() {
		return this.kind;
	}

	private static long mix(long h) {
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

	// Normalising: decides what each token writes

	private void process() {
		if (this.kindState != KIND_DONE) {
			classify();
		}
		switch (this.type) {
			case WORD -> {
				int keyword = this.keyword;
				if (keyword == Keywords.TRUE || keyword == Keywords.FALSE) {
					writeValue(NUMBER);
				}
				else {
					if (keyword == Keywords.NEXTVAL
							|| (keyword == Keywords.VALUE && this.lastKeyword == Keywords.NEXT)) {
						// nextval('seq'), NEXT VALUE FOR seq
						this.sequence = true;
					}
					writeWord();
				}
			}
			case STRING, NUMBER, PARAM -> writeValue(this.type);
			case LPAREN -> openParenthesis();
			case RPAREN -> closeParenthesis();
			case COMMA -> writeSymbol(COMMA, ',');
			case DOT -> writeSymbol(DOT, '.');
			default -> processOther();
		}
	}

	// The rarer tokens, split from process() so that it stays small enough to inline
	private void processOther() {
		switch (this.type) {
			case OP -> {
				if (isSign() && signContext()) {
					peek();
					if (this.nextType == NUMBER) {
						// A sign before a number is part of the literal: -1 and 1 share a
						// shape
						return;
					}
				}
				writeSource(OP);
			}
			case LBRACKET -> {
				if (this.last == WORD && this.lastKeyword == Keywords.ARRAY && collapseList(LBRACKET, RBRACKET)) {
					return;
				}
				writeSymbol(LBRACKET, '[');
			}
			case SEMI -> {
				peek();
				if (this.nextType == END) {
					// A trailing semicolon does not change the statement
					return;
				}
				writeSymbol(SEMI, ';');
			}
			case QUOTED -> writeSource(QUOTED);
			case CAST -> {
				writeSymbol(CAST, ':');
				put(':');
			}
			case RBRACKET -> writeSymbol(RBRACKET, ']');
			case LBRACE -> writeSymbol(LBRACE, '{');
			case RBRACE -> writeSymbol(RBRACE, '}');
			default -> writeSource(OP);
		}
	}

	private boolean isSign() {
		if (this.stop - this.start != 1) {
			return false;
		}
		char c = charAt(this.start);
		return c == '-' || c == '+';
	}

	private boolean signContext() {
		return switch (this.last) {
			case END, LPAREN, LBRACKET, COMMA, OP, SEMI, LBRACE, CAST -> true;
			case WORD -> Keywords.isReserved(this.lastKeyword);
			default -> false;
		};
	}

	private void openParenthesis() {
		if (this.last == WORD && this.lastKeyword == Keywords.IN && collapseList(LPAREN, RPAREN)) {
			return;
		}
		boolean valuesRow = this.last == WORD && (this.lastKeyword == Keywords.VALUES
				|| (this.mysql && this.lastKeyword == Keywords.VALUE && this.kind == StatementKind.INSERT));
		writeSymbol(LPAREN, '(');
		if (valuesRow && this.depth < 64) {
			this.valuesRows |= 1L << this.depth;
		}
		this.depth++;
	}

	private void closeParenthesis() {
		writeSymbol(RPAREN, ')');
		if (this.depth > 0) {
			this.depth--;
		}
		if (this.depth < 64 && (this.valuesRows & (1L << this.depth)) != 0) {
			this.valuesRows &= ~(1L << this.depth);
			skipFurtherRows();
		}
	}

	/**
	 * Skips {@code , (...)} rows after the first row of a {@code VALUES} list, so that a
	 * multi-row insert has the shape of a single-row one.
	 */
	private void skipFurtherRows() {
		if (this.hasNext) {
			return;
		}
		for (;;) {
			int save = this.pos;
			lex();
			if (this.type != COMMA) {
				this.pos = save;
				return;
			}
			lex();
			if (this.type != LPAREN) {
				this.pos = save;
				return;
			}
			int open = 1;
			while (open > 0) {
				lex();
				switch (this.type) {
					case END -> {
						return;
					}
					case LPAREN -> open++;
					case RPAREN -> open--;
					default -> {
					}
				}
			}
		}
	}

	/**
	 * Collapses a list of values, {@code IN (?, ?, ?)} or {@code ARRAY[1, 2]}, to its
	 * first element. The list is first read ahead without writing; if it holds anything
	 * but literals, parameters, signs, casts and nested rows, nothing is collapsed. The
	 * look-ahead regions of two lists never overlap, because a list that may collapse
	 * holds no {@code IN} or {@code ARRAY} keyword, so each character is read at most
	 * three times: ahead, in the first element, and once more if the list did not
	 * collapse.
	 * @param open the token that opened the list, already consumed
	 * @param close the token that closes it
	 * @return whether the list was written collapsed
	 */
	private boolean collapseList(int open, int close) {
		if (this.collapsing || this.hasNext) {
			return false;
		}
		int save = this.pos;
		int nesting = 1;
		int firstEnd = -1;
		boolean values = false;
		int previous = open;
		for (;;) {
			lex();
			int t = this.type;
			boolean allowed = true;
			if (previous == OP && t != NUMBER) {
				// a sign is only part of a value when a number follows
				allowed = false;
			}
			else if (t == close) {
				if (--nesting == 0) {
					if (firstEnd < 0) {
						firstEnd = this.start;
					}
					break;
				}
			}
			else if (t == open) {
				nesting++;
			}
			else if (t == COMMA) {
				if (nesting == 1 && firstEnd < 0) {
					firstEnd = this.start;
				}
			}
			else if (t == STRING || t == NUMBER || t == PARAM) {
				values = true;
			}
			else if (t == WORD) {
				int k = this.keyword;
				if (k == Keywords.TRUE || k == Keywords.FALSE || k == Keywords.NULL) {
					values = true;
				}
				else {
					// only the name of a type after :: may appear in a list of values,
					// and never IN or ARRAY: they would open a list whose look-ahead
					// overlaps this one, and a chain of them would be read again and
					// again
					allowed = (previous == CAST || previous == TYPE_NAME) && k != Keywords.IN && k != Keywords.ARRAY;
					t = TYPE_NAME;
				}
			}
			else if (t == OP) {
				// a sign may only start an element: 1 + 1 is an expression, not a value
				allowed = (previous == open || previous == COMMA) && isSignAt(this.start);
			}
			else if (t != CAST && !(open == LPAREN && (t == LBRACKET || t == RBRACKET))) {
				allowed = false;
			}
			if (!allowed) {
				this.pos = save;
				return false;
			}
			previous = t;
		}
		if (!values) {
			this.pos = save;
			return false;
		}
		int listEnd = this.pos;
		this.pos = save;
		writeSymbol(open, (open == LPAREN) ? '(' : '[');
		int outerDepth = this.depth;
		this.depth = outerDepth + 1;
		this.collapsing = true;
		for (;;) {
			advance();
			if (this.type == END || this.start >= firstEnd) {
				break;
			}
			process();
		}
		this.collapsing = false;
		this.hasNext = false;
		this.pos = listEnd;
		this.depth = outerDepth;
		writeSymbol(close, (close == RPAREN) ? ')' : ']');
		return true;
	}

	private boolean isSignAt(int index) {
		char c = charAt(index);
		return (c == '-' || c == '+') && this.pos == index + 1;
	}

	private void classify() {
		int t = this.type;
		if (this.kindState == KIND_START) {
			if (t == WORD) {
				if (this.keyword == Keywords.WITH) {
					this.kindState = KIND_WITH;
					this.withDepth = this.depth;
					return;
				}
				this.kind = kindOf(this.keyword, true);
				this.kindState = KIND_DONE;
			}
			else if (t != LPAREN && t != LBRACE && t != PARAM && t != OP) {
				this.kindState = KIND_DONE;
			}
			return;
		}
		if (t == WORD && this.depth == this.withDepth) {
			StatementKind main = kindOf(this.keyword, false);
			if (main != StatementKind.OTHER) {
				this.kind = main;
				this.kindState = KIND_DONE;
			}
		}
	}

	private static StatementKind kindOf(int keyword, boolean first) {
		return switch (keyword) {
			case Keywords.SELECT, Keywords.VALUES, Keywords.TABLE -> StatementKind.SELECT;
			case Keywords.INSERT, Keywords.REPLACE -> StatementKind.INSERT;
			case Keywords.UPDATE -> StatementKind.UPDATE;
			case Keywords.DELETE -> StatementKind.DELETE;
			case Keywords.MERGE -> StatementKind.MERGE;
			case Keywords.UPSERT -> first ? StatementKind.MERGE : StatementKind.OTHER;
			case Keywords.CALL, Keywords.EXEC, Keywords.EXECUTE -> first ? StatementKind.CALL : StatementKind.OTHER;
			case Keywords.CREATE, Keywords.ALTER, Keywords.DROP, Keywords.TRUNCATE, Keywords.COMMENT, Keywords.GRANT,
					Keywords.REVOKE, Keywords.RENAME ->
				first ? StatementKind.DDL : StatementKind.OTHER;
			default -> StatementKind.OTHER;
		};
	}

	// Writing

	private void writeWord() {
		StringBuilder out = this.out;
		if (out == null && this.wordHashed) {
			// The usual case, a miss: scanWord already hashed the space and the word
			this.hash = this.wordHash;
		}
		else {
			space(WORD);
			long h = this.hash;
			int stop = this.stop;
			for (int i = this.start; i < stop; i++) {
				char c = lowerCase(charAt(i));
				h = (h ^ c) * FNV_PRIME;
				if (out != null) {
					out.append(c);
				}
			}
			this.hash = h;
		}
		this.last = WORD;
		this.lastKeyword = this.keyword;
	}

	private void writeValue(int type) {
		space(type);
		put('?');
		this.last = type;
		this.lastKeyword = Keywords.NONE;
	}

	private void writeSource(int type) {
		space(type);
		for (int i = this.start; i < this.stop; i++) {
			put(charAt(i));
		}
		this.last = type;
		this.lastKeyword = Keywords.NONE;
	}

	private void writeSymbol(int type, char c) {
		space(type);
		put(c);
		this.last = type;
		this.lastKeyword = Keywords.NONE;
	}

	/**
	 * Writes the space before a token. Spacing depends only on the two tokens, never on
	 * the input's whitespace: one space between tokens, none inside {@code ()},
	 * {@code []} and {@code {}}, none before {@code ,} {@code ;} {@code .} {@code ::},
	 * none after {@code .} {@code ::}, and none between a name and the {@code (} or
	 * {@code [} that follows it.
	 * @param next the type of the token about to be written
	 */
	private void space(int next) {
		int previous = this.last;
		if ((((NO_SPACE_BEFORE >>> next) | (NO_SPACE_AFTER >>> previous)) & 1) != 0) {
			return;
		}
		if (next == LPAREN && (previous == QUOTED || (previous == WORD && !Keywords.isReserved(this.lastKeyword)))) {
			return;
		}
		if (next == LBRACKET && ((NO_SPACE_BEFORE_BRACKET >>> previous) & 1) != 0) {
			return;
		}
		put(' ');
	}

	private static int bits(int... types) {
		int bits = 0;
		for (int type : types) {
			bits |= 1 << type;
		}
		return bits;
	}

	private void put(char c) {
		this.hash = (this.hash ^ c) * FNV_PRIME;
		StringBuilder out = this.out;
		if (out != null) {
			out.append(c);
		}
	}

	// Token stream

	private void advance() {
		if (this.hasNext) {
			// A token read ahead was scanned in another state
			this.wordHashed = false;
			this.hasNext = false;
			this.type = this.nextType;
			this.start = this.nextStart;
			this.stop = this.nextStop;
			this.keyword = this.nextKeyword;
			return;
		}
		lex();
		this.stop = this.pos;
	}

	private void peek() {
		if (!this.hasNext) {
			// Only a sign or a semicolon looks ahead: keep the current token
			int type = this.type;
			int start = this.start;
			int keyword = this.keyword;
			lex();
			this.hasNext = true;
			this.nextType = this.type;
			this.nextStart = this.start;
			this.nextStop = this.pos;
			this.nextKeyword = this.keyword;
			this.type = type;
			this.start = start;
			this.keyword = keyword;
		}
	}

	// Lexing: skips whitespace and comments, then reads one token from pos

	private void lex() {
		int p = this.pos;
		int end = this.end;
		// Skip whitespace and comments, keeping the first character of the token
		char c = 0;
		int classes = 0;
		while (p < end) {
			c = charAt(p);
			classes = charClass(c);
			if ((classes & SPACE) != 0) {
				p++;
			}
			else if ((classes & COMMENT_START) == 0) {
				break;
			}
			else {
				int q = skipComment(p, c);
				if (q == p) {
					break;
				}
				p = q;
			}
		}
		this.start = p;
		this.keyword = Keywords.NONE;
		if (p >= end) {
			this.type = END;
			this.pos = p;
			this.wordHashed = false;
			return;
		}
		int single = (c < 0x80) ? SINGLE_CHARACTER_TOKENS[c] : END;
		if (single != END) {
			// ( ) [ ] , ; { }: the most common tokens after words
			this.type = single;
			this.pos = p + 1;
			this.wordHashed = false;
			return;
		}
		if ((classes & WORD_START) != 0) {
			lexWord(p, c);
		}
		else {
			lexOther(p, c, classes);
		}
	}

	// Split from lex() so that lex() stays small enough to be inlined into the token loop
	private void lexWord(int p, char c) {
		int q = scanWord(p, c, true);
		if (this.type == DOT) {
			// The name after a dot is never a keyword, as in a word scanned with its
			// qualifier; type still holds the token before this one
			this.keyword = Keywords.NONE;
		}
		int t = WORD;
		boolean hashed = true;
		if (q < this.end && charAt(q) == '\'') {
			int stringStart = stringPrefix(p, q);
			if (stringStart >= 0) {
				q = scanQuoted(stringStart, '\'', this.mysql || (this.postgresql && (c | 0x20) == 'e'));
				t = STRING;
				hashed = false;
				this.keyword = Keywords.NONE;
			}
		}
		else if (q == p + 1 && (c | 0x20) == 'u' && q + 1 < this.end && charAt(q) == '&' && charAt(q + 1) == '\'') {
			q = scanQuoted(q + 1, '\'', false);
			t = STRING;
			hashed = false;
			this.keyword = Keywords.NONE;
		}
		this.type = t;
		this.pos = q;
		this.wordHashed = hashed;
	}

	private void lexOther(int p, char c, int classes) {
		int t;
		int q;
		if ((classes & DIGIT) != 0) {
			q = scanNumber(p);
			t = this.type;
		}
		else {
			switch (c) {
				case '\'' -> {
					q = scanQuoted(p, '\'', this.mysql);
					t = STRING;
				}
				case '"' -> {
					q = scanQuoted(p, '"', this.mysql);
					t = this.mysql ? STRING : QUOTED;
				}
				case '`' -> {
					q = scanQuoted(p, '`', false);
					t = QUOTED;
				}
				case '?' -> {
					q = p + 1;
					t = PARAM;
					if (this.postgresql && q < this.end) {
						char n = charAt(q);
						// ?? is pgjdbc's escaped ? operator, ?| and ?& are jsonb
						// operators
						if (n == '?' || n == '&' || (n == '|' && (q + 1 >= this.end || charAt(q + 1) != '|'))) {
							q++;
							t = OP;
						}
					}
				}
				case '$' -> {
					q = scanDollar(p);
					t = this.type;
				}
				case ':' -> {
					q = p + 1;
					t = OP;
					if (q < this.end) {
						char n = charAt(q);
						if (n == ':') {
							q++;
							t = CAST;
						}
						else if (n == '=') {
							q++;
						}
						else if (isWordStart(n)) {
							q = scanWord(q, n, false);
							this.keyword = Keywords.NONE;
							t = PARAM;
						}
					}
				}
				case '.' -> {
					if (p + 1 < this.end && isDigit(charAt(p + 1))) {
						q = scanNumber(p);
						t = this.type;
					}
					else {
						q = p + 1;
						t = DOT;
					}
				}
				default -> {
					q = isOperatorChar(c) ? scanOperator(p) : p + 1;
					t = OP;
				}
			}
		}
		this.type = t;
		this.pos = q;
		this.wordHashed = false;
	}

	/**
	 * Skips a comment that may start at {@code p}.
	 * @param p where the comment may start
	 * @param c the character at {@code p}: {@code -}, {@code /} or {@code #}
	 * @return where the comment ends, or {@code p} when there is none
	 */
	private int skipComment(int p, char c) {
		int end = this.end;
		if (c == '-' && p + 1 < end && charAt(p + 1) == '-' && (!this.mysql || p + 2 >= end || charAt(p + 2) <= ' ')) {
			// MySQL needs whitespace after --, so that a--1 stays a - -1
			return skipLine(p + 2);
		}
		if (c == '#' && this.mysql) {
			return skipLine(p + 1);
		}
		if (c == '/' && this.h2 && p + 1 < end && charAt(p + 1) == '/') {
			// H2 also accepts // line comments
			return skipLine(p + 2);
		}
		if (c == '/' && p + 1 < end && charAt(p + 1) == '*') {
			return skipBlockComment(p + 2);
		}
		return p;
	}

	private int skipLine(int p) {
		while (p < this.end) {
			char c = charAt(p);
			if (c == '\n' || c == '\r') {
				return p + 1;
			}
			p++;
		}
		return this.end;
	}

	private int skipBlockComment(int p) {
		int nesting = 1;
		int end = this.end;
		while (p < end) {
			char c = charAt(p);
			if (c == '*' && p + 1 < end && charAt(p + 1) == '/') {
				p += 2;
				if (--nesting == 0) {
					return p;
				}
			}
			else if (c == '/' && this.postgresql && p + 1 < end && charAt(p + 1) == '*') {
				// Only PostgreSQL nests block comments
				nesting++;
				p += 2;
			}
			else {
				p++;
			}
		}
		return end;
	}

	/**
	 * Scans a word, looks it up as a keyword and hashes it into {@link #wordHash} as
	 * {@link #writeWord()} would write it now, so that the usual word is read once, not
	 * twice. A qualified name such as {@code o1_0.owner_id} may be scanned as one word:
	 * its parts and dots are written exactly as the separate tokens would be, with no
	 * space around a dot, so the shape is the same and the lexer saves two tokens.
	 * @param p where the word starts
	 * @param first the character at {@code p}, which the caller has read
	 * @param qualified whether a dot followed by a word continues the word
	 * @return where the word ends
	 */
	private int scanWord(int p, char first, boolean qualified) {
		long h = this.hash;
		if (((NO_SPACE_AFTER >>> this.last) & 1) == 0) {
			h = (h ^ ' ') * FNV_PRIME;
		}
		int end = this.end;
		int start = p;
		// The letters packed for the keyword lookup; a character that is not a letter
		// sets NOT_LETTER in flags, and then the packed value is never looked up
		long packed = 0;
		int flags = 0;
		int wordPart = WORD_PART << (CLASSES_SHIFT + this.classShift);
		char c = first;
		int word = wordCharacter(c);
		for (;;) {
			int lower = (c < 0x80) ? word & 0xFF : c;
			flags |= word;
			h = (h ^ lower) * FNV_PRIME;
			packed = Keywords.pack(packed, (char) lower);
			if (++p == end) {
				break;
			}
			c = charAt(p);
			word = wordCharacter(c);
			if ((word & wordPart) == 0) {
				if (c != '.' || !qualified || p + 1 == end || !isWordStart(charAt(p + 1))) {
					break;
				}
				h = (h ^ '.') * FNV_PRIME;
				flags |= NOT_LETTER;
				c = charAt(++p);
				word = wordCharacter(c);
			}
		}
		boolean candidate = (flags & NOT_LETTER) == 0 && p - start <= Keywords.maxLetters();
		this.keyword = candidate ? Keywords.lookup(packed) : Keywords.NONE;
		this.wordHash = h;
		return p;
	}

	/**
	 * Returns where the string starts when a word is a string prefix: {@code E},
	 * {@code N}, {@code X}, {@code B}, or a MySQL charset introducer such as
	 * {@code _utf8mb4}.
	 * @param wordStart the start of the word
	 * @param quote the index of the quote after the word
	 * @return the index of the quote, or {@code -1} when the word is not a prefix
	 */
	private int stringPrefix(int wordStart, int quote) {
		char c = charAt(wordStart);
		if (quote == wordStart + 1) {
			char lower = (char) (c | 0x20);
			if (lower == 'e' || lower == 'n' || lower == 'x' || lower == 'b') {
				return quote;
			}
		}
		if (this.mysql && c == '_') {
			return quote;
		}
		return -1;
	}

	private int scanQuoted(int p, char quote, boolean backslash) {
		int end = this.end;
		p++;
		while (p < end) {
			char c = charAt(p);
			if (c == quote) {
				if (p + 1 < end && charAt(p + 1) == quote) {
					p += 2;
					continue;
				}
				return p + 1;
			}
			p += (backslash && c == '\\') ? 2 : 1;
		}
		return end;
	}

	/**
	 * Scans a number and sets {@link #type}: {@link #NUMBER}, or {@link #WORD} when
	 * letters follow the digits (MySQL allows identifiers such as {@code 123abc}).
	 */
	private int scanNumber(int p) {
		int end = this.end;
		char c = charAt(p);
		if (c == '0' && p + 2 < end && (charAt(p + 1) | 0x20) == 'x' && isHexDigit(charAt(p + 2))) {
			p += 3;
			while (p < end && isHexDigit(charAt(p))) {
				p++;
			}
		}
		else if (c == '0' && p + 2 < end && (charAt(p + 1) | 0x20) == 'b' && isBinaryDigit(charAt(p + 2))) {
			p += 3;
			while (p < end && isBinaryDigit(charAt(p))) {
				p++;
			}
		}
		else {
			while (p < end && isDigit(charAt(p))) {
				p++;
			}
			if (p < end && charAt(p) == '.') {
				p++;
				while (p < end && isDigit(charAt(p))) {
					p++;
				}
			}
			if (p < end && (charAt(p) | 0x20) == 'e') {
				int q = p + 1;
				if (q < end && (charAt(q) == '+' || charAt(q) == '-')) {
					q++;
				}
				if (q < end && isDigit(charAt(q))) {
					p = q + 1;
					while (p < end && isDigit(charAt(p))) {
						p++;
					}
				}
			}
		}
		char next;
		if (p < end && isWordPart(next = charAt(p))) {
			p = scanWord(p, next, false);
			this.keyword = Keywords.NONE;
			this.type = WORD;
			return p;
		}
		this.type = NUMBER;
		return p;
	}

	/**
	 * Scans what starts with {@code $}: a {@code $1} parameter, a dollar-quoted string
	 * (not in MySQL, where {@code $} starts identifiers) or a lone {@code $}. Sets
	 * {@link #type}.
	 */
	private int scanDollar(int p) {
		int end = this.end;
		int q = p + 1;
		if (q < end && isDigit(charAt(q))) {
			while (q < end && isDigit(charAt(q))) {
				q++;
			}
			this.type = PARAM;
			return q;
		}
		this.type = OP;
		if (q >= end) {
			return q;
		}
		char c = charAt(q);
		if (c != '$') {
			if (!isTagStart(c)) {
				return q;
			}
			q++;
			while (q < end && isTagPart(charAt(q))) {
				q++;
			}
			if (q >= end || charAt(q) != '$') {
				return p + 1;
			}
		}
		// $tag$ spans p..q; the body runs to the next $tag$. A failed match reads only
		// tag
		// characters, which contain no $, so each body character is read a bounded number
		// of times.
		int tagStart = p + 1;
		int tagLength = q - tagStart;
		this.type = STRING;
		for (int b = q + 1; b < end; b++) {
			if (charAt(b) == '$' && closesDollarQuote(b + 1, tagStart, tagLength)) {
				return b + tagLength + 2;
			}
		}
		return end;
	}

	private boolean closesDollarQuote(int at, int tagStart, int tagLength) {
		if (at + tagLength >= this.end) {
			return false;
		}
		for (int i = 0; i < tagLength; i++) {
			if (charAt(at + i) != charAt(tagStart + i)) {
				return false;
			}
		}
		return charAt(at + tagLength) == '$';
	}

	private int scanOperator(int p) {
		int end = this.end;
		boolean arithmetic = isArithmetic(charAt(p));
		p++;
		while (p < end) {
			char c = charAt(p);
			if (!isOperatorChar(c)) {
				break;
			}
			if ((c == '-' && p + 1 < end && charAt(p + 1) == '-')
					|| (c == '/' && p + 1 < end && (charAt(p + 1) == '*' || (this.h2 && charAt(p + 1) == '/')))) {
				break;
			}
			// As in PostgreSQL, only an operator with a non-arithmetic character may end
			// in
			// + or -, so =-1 is = followed by -1
			if ((c == '-' || c == '+') && arithmetic) {
				break;
			}
			arithmetic &= isArithmetic(c);
			p++;
		}
		return p;
	}

	// Character classes

	private static int wordCharacter(char c) {
		return (c < 0x80) ? WORD_CHARACTERS[c] : NON_ASCII_WORD;
	}

	private int charClass(char c) {
		return (c < 0x80) ? CLASSES[c] >>> this.classShift : NON_ASCII;
	}

	private boolean isWordStart(char c) {
		return (charClass(c) & WORD_START) != 0;
	}

	private boolean isWordPart(char c) {
		return (charClass(c) & WORD_PART) != 0;
	}

	private boolean isOperatorChar(char c) {
		return (charClass(c) & OPERATOR) != 0;
	}

	private static boolean isArithmetic(char c) {
		return c < 0x80 && (CLASSES[c] & ARITHMETIC) != 0;
	}

	private static int classOf(char c, boolean mysql) {
		boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		boolean digit = c >= '0' && c <= '9';
		int classes = 0;
		if (letter || c == '_' || (mysql && (c == '$' || c == '@'))) {
			classes |= WORD_START;
		}
		if (letter || digit || c == '_' || c == '$' || (mysql && c == '@')) {
			classes |= WORD_PART;
		}
		if ("+-*/<>=~!%^&|".indexOf(c) >= 0 || (!mysql && (c == '#' || c == '@'))) {
			classes |= OPERATOR;
		}
		if (c <= ' ') {
			classes |= SPACE;
		}
		if (c == '-' || c == '/' || (mysql && c == '#')) {
			classes |= COMMENT_START;
		}
		// ! counts as arithmetic so that a!=-1 is != followed by -1, as MySQL and H2 read
		// it
		if ("+-*/<>=!".indexOf(c) >= 0) {
			classes |= ARITHMETIC;
		}
		if (digit) {
			classes |= DIGIT;
		}
		return classes;
	}

	private static char lowerCase(char c) {
		return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isHexDigit(char c) {
		char lower = (char) (c | 0x20);
		return (c >= '0' && c <= '9') || (lower >= 'a' && lower <= 'f');
	}

	private static boolean isBinaryDigit(char c) {
		return c == '0' || c == '1';
	}

	private static boolean isTagStart(char c) {
		char lower = (char) (c | 0x20);
		return (lower >= 'a' && lower <= 'z') || c == '_' || c >= 0x80;
	}

	private static boolean isTagPart(char c) {
		return isTagStart(c) || isDigit(c);
	}

}
