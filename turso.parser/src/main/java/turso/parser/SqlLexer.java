/*
 * The tokenizer: SQLite's token rules written by hand (not an ANTLR lexer)
 * because SQLite decides some tokens from their neighbours (WINDOW, OVER and
 * FILTER are keywords only in the right context) and reports malformed tokens
 * ("unrecognized token") by their exact extent. It feeds the ANTLR parser as a
 * TokenSource. Malformed tokens become ILLEGAL tokens so that the error is
 * only reported if the parser actually reaches them, as in SQLite. Like
 * SQLite's tokenizer loop, a missing final ';' is supplied as an empty SEMI.
 */
package turso.parser;

import java.util.HashMap;
import java.util.Map;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;
import turso.parser.antlr.SqliteParser;

final class SqlLexer implements TokenSource {

    /** Token type of whitespace and comments; never handed to the parser. */
    static final int SPACE = -2;

    private static final Map<String, Integer> KEYWORDS = new HashMap<>();
    /** Keywords that SQLite's parser lets fall back to identifiers (%fallback ID). */
    private static final boolean[] FALLBACK = new boolean[SqliteParser.VOCABULARY.getMaxTokenType() + 1];

    static {
        String[] plain = {
            "ABORT", "ACTION", "ADD", "AFTER", "ALL", "ALTER", "ALWAYS", "ANALYZE", "AND", "AS", "ASC",
            "ATTACH", "BEFORE", "BEGIN", "BETWEEN", "BY", "CASCADE", "CASE", "CAST", "CHECK", "COLLATE",
            "COMMIT", "CONFLICT", "CONSTRAINT", "CREATE", "CURRENT", "DATABASE", "DEFAULT", "DEFERRABLE",
            "DEFERRED", "DELETE", "DESC", "DETACH", "DISTINCT", "DO", "DROP", "EACH", "ELSE", "END", "ESCAPE",
            "EXCEPT", "EXCLUDE", "EXCLUSIVE", "EXISTS", "EXPLAIN", "FAIL", "FILTER", "FIRST", "FOLLOWING",
            "FOR", "FOREIGN", "FROM", "GENERATED", "GROUP", "GROUPS", "HAVING", "IF", "IGNORE", "IMMEDIATE",
            "IN", "INDEX", "INDEXED", "INITIALLY", "INSERT", "INSTEAD", "INTERSECT", "INTO", "IS", "ISNULL",
            "JOIN", "KEY", "LAST", "LIMIT", "MATCH", "MATERIALIZED", "NO", "NOT", "NOTHING", "NOTNULL", "NULL",
            "NULLS", "OF", "OFFSET", "ON", "OR", "ORDER", "OTHERS", "OVER", "PARTITION", "PLAN", "PRAGMA",
            "PRECEDING", "PRIMARY", "QUERY", "RAISE", "RANGE", "RECURSIVE", "REFERENCES", "REINDEX", "RELEASE",
            "RENAME", "REPLACE", "RESTRICT", "RETURNING", "ROLLBACK", "ROW", "ROWS", "SAVEPOINT", "SELECT",
            "SET", "TABLE", "TEMP", "THEN", "TIES", "TO", "TRANSACTION", "TRIGGER", "UNBOUNDED", "UNION",
            "UNIQUE", "UPDATE", "USING", "VACUUM", "VALUES", "VIEW", "VIRTUAL", "WHEN", "WHERE", "WINDOW",
            "WITH", "WITHOUT"};
        for (String k : plain) {
            KEYWORDS.put(k, typeOf(k));
        }
        KEYWORDS.put("AUTOINCREMENT", SqliteParser.AUTOINCR);
        KEYWORDS.put("COLUMN", SqliteParser.COLUMNKW);
        KEYWORDS.put("TEMPORARY", SqliteParser.TEMP);
        for (String k : new String[] {"CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP"}) {
            KEYWORDS.put(k, SqliteParser.CTIME_KW);
        }
        for (String k : new String[] {"LIKE", "GLOB", "REGEXP"}) {
            KEYWORDS.put(k, SqliteParser.LIKE_KW);
        }
        for (String k : new String[] {"NATURAL", "LEFT", "RIGHT", "FULL", "OUTER", "INNER", "CROSS"}) {
            KEYWORDS.put(k, SqliteParser.JOIN_KW);
        }
        String[] fallback = {
            "ABORT", "ACTION", "AFTER", "ANALYZE", "ASC", "ATTACH", "BEFORE", "BEGIN", "BY", "CASCADE", "CAST",
            "COLUMNKW", "CONFLICT", "DATABASE", "DEFERRED", "DESC", "DETACH", "DO", "EACH", "END", "EXCLUSIVE",
            "EXPLAIN", "FAIL", "FOR", "IGNORE", "IMMEDIATE", "INITIALLY", "INSTEAD", "LIKE_KW", "MATCH", "NO",
            "PLAN", "QUERY", "KEY", "OF", "OFFSET", "PRAGMA", "RAISE", "RECURSIVE", "RELEASE", "REPLACE",
            "RESTRICT", "ROW", "ROWS", "ROLLBACK", "SAVEPOINT", "TEMP", "TRIGGER", "VACUUM", "VIEW", "VIRTUAL",
            "WITH", "WITHOUT", "NULLS", "FIRST", "LAST", "CURRENT", "FOLLOWING", "PARTITION", "PRECEDING",
            "RANGE", "UNBOUNDED", "EXCLUDE", "GROUPS", "OTHERS", "TIES", "GENERATED", "ALWAYS", "MATERIALIZED",
            "REINDEX", "RENAME", "CTIME_KW", "IF"};
        for (String k : fallback) {
            FALLBACK[typeOf(k)] = true;
        }
    }

    /** Whether {@code word} is one of SQLite's keywords (those it may also take as a name included). */
    static boolean isKeyword(String word) {
        return KEYWORDS.containsKey(word.toUpperCase(java.util.Locale.ROOT));
    }

    private static int typeOf(String symbolicName) {
        for (int t = 1; t <= SqliteParser.VOCABULARY.getMaxTokenType(); t++) {
            if (symbolicName.equals(SqliteParser.VOCABULARY.getSymbolicName(t))) {
                return t;
            }
        }
        throw new IllegalStateException("no token type " + symbolicName);
    }

    private final String sql;
    private final int end;
    private int pos;
    private int lastType;
    private int numberType;
    private int rawStart;
    private final char[] upper = new char[17];
    private boolean finished;
    private final Pair<TokenSource, CharStream> source = new Pair<>(this, null);

    SqlLexer(String sql) {
        this.sql = sql;
        int nul = sql.indexOf('\0');
        this.end = nul < 0 ? sql.length() : nul;
    }

    /** Where SQLite stops reading: the end of the text or its first NUL character. */
    int end() {
        return end;
    }

    /**
     * The next raw token, spaces and comments included, for the script splitter:
     * its type ({@link #SPACE} for spaces, {@link Token#EOF} at the end); it spans
     * [{@link #rawStart()}, {@link #position()}).
     */
    int nextRaw() {
        rawStart = pos;
        return pos >= end ? Token.EOF : scan(pos);
    }

    int rawStart() {
        return rawStart;
    }

    int position() {
        return pos;
    }

    @Override
    public Token nextToken() {
        while (pos < end) {
            int start = pos;
            int type = scan(start);
            int stop = pos;
            if (type == SPACE) {
                continue;
            }
            if (type == SqliteParser.WINDOW || type == SqliteParser.OVER || type == SqliteParser.FILTER) {
                type = contextual(type, stop);
            }
            lastType = type;
            return token(type, start, stop);
        }
        if (!finished && lastType != 0 && lastType != SqliteParser.SEMI) {
            finished = true;
            lastType = SqliteParser.SEMI;
            return token(SqliteParser.SEMI, end, end);
        }
        finished = true;
        return token(Token.EOF, end, end);
    }

    private Token token(int type, int start, int stop) {
        CommonToken t = new CommonToken(source, type, Token.DEFAULT_CHANNEL, start, stop - 1);
        t.setText(sql.substring(start, stop));
        t.setLine(1);
        t.setCharPositionInLine(start);
        return t;
    }

    /** SQLite's rules for the three keywords that are identifiers outside window syntax. */
    private int contextual(int type, int after) {
        int saved = pos;
        try {
            pos = after;
            if (type == SqliteParser.WINDOW) {
                if (nextSignificant() != SqliteParser.ID) {
                    return SqliteParser.ID;
                }
                return nextSignificant() == SqliteParser.AS ? SqliteParser.WINDOW : SqliteParser.ID;
            }
            if (lastType != SqliteParser.RP) {
                return SqliteParser.ID;
            }
            int next = nextSignificant();
            if (type == SqliteParser.OVER) {
                return next == SqliteParser.LP || next == SqliteParser.ID ? SqliteParser.OVER : SqliteParser.ID;
            }
            return next == SqliteParser.LP ? SqliteParser.FILTER : SqliteParser.ID;
        } finally {
            pos = saved;
        }
    }

    /** The next non-space token type, with anything that may act as a name reported as ID. */
    private int nextSignificant() {
        while (pos < end) {
            int t = scan(pos);
            if (t == SPACE) {
                continue;
            }
            if (t == SqliteParser.STRING || t == SqliteParser.JOIN_KW || t == SqliteParser.WINDOW
                    || t == SqliteParser.OVER || (t > 0 && t < FALLBACK.length && FALLBACK[t])) {
                return SqliteParser.ID;
            }
            return t;
        }
        return 0;
    }

    private char at(int i) {
        return i < end ? sql.charAt(i) : '\0';
    }

    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                || c >= 0x80;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Scans one token starting at {@code start}, leaves {@code pos} after it and returns its type. */
    private int scan(int start) {
        char c = at(start);
        int i = start + 1;
        int type;
        switch (c) {
            case ' ', '\t', '\n', '\u000b', '\f', '\r' -> {
                while (isSpace(at(i))) {
                    i++;
                }
                type = SPACE;
            }
            // SQLite's tokenizer takes a UTF-8 byte order mark starting a token for a space
            case '\ufeff' -> type = SPACE;
            case '-' -> {
                if (at(i) == '-') {
                    while (i < end && sql.charAt(i) != '\n') {
                        i++;
                    }
                    type = SPACE;
                } else if (at(i) == '>') {
                    i += at(i + 1) == '>' ? 2 : 1;
                    type = SqliteParser.PTR;
                } else {
                    type = SqliteParser.MINUS;
                }
            }
            case '(' -> type = SqliteParser.LP;
            case ')' -> type = SqliteParser.RP;
            case ';' -> type = SqliteParser.SEMI;
            case '+' -> type = SqliteParser.PLUS;
            case '*' -> type = SqliteParser.STAR;
            case '%' -> type = SqliteParser.REM;
            case ',' -> type = SqliteParser.COMMA;
            case '&' -> type = SqliteParser.BITAND;
            case '~' -> type = SqliteParser.BITNOT;
            case '/' -> {
                if (at(i) == '*' && i + 1 < end) {
                    i++;
                    while (i < end && !(sql.charAt(i) == '*' && at(i + 1) == '/')) {
                        i++;
                    }
                    i = Math.min(end, i + 2);
                    type = SPACE;
                } else {
                    type = SqliteParser.SLASH;
                }
            }
            case '=' -> {
                if (at(i) == '=') {
                    i++;
                }
                type = SqliteParser.EQ;
            }
            case '<' -> {
                char n = at(i);
                if (n == '=') {
                    i++;
                    type = SqliteParser.LE;
                } else if (n == '>') {
                    i++;
                    type = SqliteParser.NE;
                } else if (n == '<') {
                    i++;
                    type = SqliteParser.LSHIFT;
                } else {
                    type = SqliteParser.LT;
                }
            }
            case '>' -> {
                char n = at(i);
                if (n == '=') {
                    i++;
                    type = SqliteParser.GE;
                } else if (n == '>') {
                    i++;
                    type = SqliteParser.RSHIFT;
                } else {
                    type = SqliteParser.GT;
                }
            }
            case '!' -> {
                if (at(i) == '=') {
                    i++;
                    type = SqliteParser.NE;
                } else {
                    type = SqliteParser.ILLEGAL;
                }
            }
            case '|' -> {
                if (at(i) == '|') {
                    i++;
                    type = SqliteParser.CONCAT;
                } else {
                    type = SqliteParser.BITOR;
                }
            }
            case '\'', '"', '`' -> {
                type = c == '\'' ? SqliteParser.STRING : SqliteParser.ID;
                boolean closed = false;
                while (i < end) {
                    if (sql.charAt(i) == c) {
                        if (at(i + 1) == c) {
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    i++;
                }
                if (!closed) {
                    type = SqliteParser.ILLEGAL;
                }
            }
            case '.' -> {
                if (isDigit(at(i))) {
                    i = number(start);
                    type = numberType;
                } else {
                    type = SqliteParser.DOT;
                }
            }
            case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                i = number(start);
                type = numberType;
            }
            case '[' -> {
                while (i < end && sql.charAt(i) != ']') {
                    i++;
                }
                if (i < end) {
                    i++;
                    type = SqliteParser.ID;
                } else {
                    type = SqliteParser.ILLEGAL;
                }
            }
            case '?' -> {
                while (isDigit(at(i))) {
                    i++;
                }
                type = SqliteParser.VARIABLE;
            }
            case '$', '@', ':', '#' -> {
                int n = 0;
                type = SqliteParser.VARIABLE;
                while (i < end) {
                    char d = sql.charAt(i);
                    if (isIdChar(d)) {
                        n++;
                        i++;
                    } else if (d == '(' && n > 0) {
                        do {
                            i++;
                        } while (i < end && !isSpace(sql.charAt(i)) && sql.charAt(i) != ')');
                        if (i < end && sql.charAt(i) == ')') {
                            i++;
                        } else {
                            type = SqliteParser.ILLEGAL;
                        }
                        break;
                    } else if (d == ':' && at(i + 1) == ':') {
                        i += 2;
                    } else {
                        break;
                    }
                }
                if (n == 0) {
                    type = SqliteParser.ILLEGAL;
                }
            }
            case 'x', 'X' -> {
                if (at(i) == '\'') {
                    i++;
                    while (isHex(at(i))) {
                        i++;
                    }
                    if (at(i) != '\'' || (i - start) % 2 != 0) {
                        type = SqliteParser.ILLEGAL;
                        while (i < end && sql.charAt(i) != '\'') {
                            i++;
                        }
                    } else {
                        type = SqliteParser.BLOB;
                    }
                    if (i < end) {
                        i++;
                    }
                } else {
                    i = identifierEnd(i);
                    type = SqliteParser.ID;
                }
            }
            default -> {
                if (isIdChar(c) && !isDigit(c) && c != '$') {
                    i = identifierEnd(i);
                    type = keyword(start, i);
                } else {
                    type = SqliteParser.ILLEGAL;
                }
            }
        }
        pos = i;
        return type;
    }

    /** The keyword token type of sql[start, end), or ID. */
    private int keyword(int start, int end) {
        int n = end - start;
        if (n < 2 || n > 17) {
            return SqliteParser.ID;
        }
        for (int k = 0; k < n; k++) {
            char c = sql.charAt(start + k);
            if (c >= 'a' && c <= 'z') {
                c -= 32;
            } else if (!(c >= 'A' && c <= 'Z') && c != '_') {
                return SqliteParser.ID;
            }
            upper[k] = c;
        }
        Integer kw = KEYWORDS.get(new String(upper, 0, n));
        return kw == null ? SqliteParser.ID : kw;
    }

    private int identifierEnd(int i) {
        while (i < end && isIdChar(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Scans a numeric literal; sets {@link #numberType} and returns its end. */
    private int number(int start) {
        int i = start;
        numberType = SqliteParser.INTEGER;
        if (at(i) == '0' && (at(i + 1) == 'x' || at(i + 1) == 'X') && isHex(at(i + 2))) {
            i += 3;
            while (isHex(at(i))) {
                i++;
            }
        } else {
            while (isDigit(at(i))) {
                i++;
            }
            if (at(i) == '.') {
                i++;
                while (isDigit(at(i))) {
                    i++;
                }
                numberType = SqliteParser.FLOAT;
            }
            if ((at(i) == 'e' || at(i) == 'E')
                    && (isDigit(at(i + 1)) || ((at(i + 1) == '+' || at(i + 1) == '-') && isDigit(at(i + 2))))) {
                i += 2;
                while (isDigit(at(i))) {
                    i++;
                }
                numberType = SqliteParser.FLOAT;
            }
        }
        if (i < end && isIdChar(sql.charAt(i))) {
            numberType = SqliteParser.ILLEGAL;
            i = identifierEnd(i);
        }
        return i;
    }

    @Override
    public int getLine() {
        return 1;
    }

    @Override
    public int getCharPositionInLine() {
        return pos;
    }

    @Override
    public CharStream getInputStream() {
        return null;
    }

    @Override
    public String getSourceName() {
        return "sql";
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        // tokens are always built here
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return CommonTokenFactory.DEFAULT;
    }
}
