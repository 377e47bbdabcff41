/*
 * A fast reader of the CREATE TABLE texts most schemas are made of, used
 * when the schema is loaded: opening a database of thousands of tables
 * would otherwise spend most of its time in ANTLR. It reads only the plain
 * form
 *
 *   CREATE TABLE name ( column [type [( n [, n] )]] [constraint ...] , ... )
 *
 * with PRIMARY KEY [ASC|DESC] [AUTOINCREMENT], NOT NULL, NULL and UNIQUE as
 * the only constraints, and names unquoted (not keywords) or quoted with ",
 * [] or `. It builds the very AST the full parser builds for that text
 * (spans included); for anything else (a comment, a keyword it does not
 * expect, a DEFAULT, a table constraint, a table option, non-ASCII text...)
 * it answers null and the caller parses with the full parser, whose errors
 * (a malformed schema) are then the ones reported.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.parser.SqlParser;
import turso.parser.ast.ColumnConstraint;
import turso.parser.ast.ColumnDef;
import turso.parser.ast.Name;
import turso.parser.ast.OrderingTerm;
import turso.parser.ast.QualifiedName;
import turso.parser.ast.SourceText;
import turso.parser.ast.Span;
import turso.parser.ast.Stmt;
import turso.parser.ast.TypeName;

final class PlainCreateTable {

    /** Token kinds: an unquoted word, a quoted name, an unsigned integer, or one punctuation character. */
    private static final int WORD = 0;
    private static final int QUOTED = 1;
    private static final int NUMBER = 2;
    private static final int PUNCT = 3;

    /**
     * Whether a word (as written) is a keyword, for the words schemas repeat
     * (column names, type names): asking the lexer upper-cases the word each time.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> KEYWORDS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_WORDS = 4096;

    private final String sql;
    private int pos;
    /** The current token: its kind and where it is; past the end, kind is -1. */
    private int kind;
    private int start;
    private int end;

    private PlainCreateTable(String sql) {
        this.sql = sql;
    }

    /** The statement {@code sql} if it is a plain CREATE TABLE this reader knows, else null. */
    static Stmt.CreateTable read(String sql) {
        if (sql.length() < 12 || !sql.regionMatches(true, 0, "CREATE", 0, 6)) {
            return null;
        }
        try {
            return new PlainCreateTable(sql).statement();
        } catch (Fallback e) {
            return null;
        }
    }

    /** Thrown when the text leaves the plain form. */
    private static final class Fallback extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Fallback INSTANCE = new Fallback();

        private Fallback() {
            super(null, null, false, false);
        }
    }

    private Stmt.CreateTable statement() {
        advance();
        int from = start;
        expectWord("CREATE");
        expectWord("TABLE");
        Name table = name();
        QualifiedName qualified = new QualifiedName(null, table, table.span());
        expectPunct('(');
        List<ColumnDef> columns = new ArrayList<>();
        while (true) {
            columns.add(column());
            if (isPunct(')')) {
                break;
            }
            expectPunct(',');
        }
        int to = end;
        advance();
        if (kind != -1) {
            throw Fallback.INSTANCE;
        }
        return new Stmt.CreateTable(false, false, qualified, List.copyOf(columns), List.of(), false, false, null,
                new SourceText(sql.substring(from, to)), new Span(from, to));
    }

    private ColumnDef column() {
        Name name = name();
        int last = name.span().end();
        TypeName type = null;
        if (kind == WORD && !keyword()) {
            int typeStart = start;
            while (kind == WORD && !keyword()) {
                last = end;
                advance();
            }
            if (isPunct('(')) {
                advance();
                signedNumber();
                if (isPunct(',')) {
                    advance();
                    signedNumber();
                }
                if (!isPunct(')')) {
                    throw Fallback.INSTANCE;
                }
                last = end;
                advance();
            }
            String text = sql.substring(typeStart, last);
            if (text.length() >= 6 && text.regionMatches(true, text.length() - 6, "always", 0, 6)) {
                throw Fallback.INSTANCE;
            }
            type = new TypeName(text, new Span(typeStart, last));
        }
        List<ColumnConstraint> constraints = new ArrayList<>();
        while (kind == WORD) {
            if (isWord("PRIMARY")) {
                advance();
                last = end;
                expectWord("KEY");
                OrderingTerm.SortOrder order = OrderingTerm.SortOrder.NONE;
                if (isWord("ASC") || isWord("DESC")) {
                    order = isWord("ASC") ? OrderingTerm.SortOrder.ASC : OrderingTerm.SortOrder.DESC;
                    last = end;
                    advance();
                }
                boolean autoincrement = false;
                if (isWord("AUTOINCREMENT")) {
                    autoincrement = true;
                    last = end;
                    advance();
                }
                constraints.add(new ColumnConstraint.PrimaryKey(null, order, null, autoincrement));
            } else if (isWord("NOT")) {
                advance();
                last = end;
                expectWord("NULL");
                constraints.add(new ColumnConstraint.NotNull(null, null));
            } else if (isWord("NULL")) {
                last = end;
                advance();
                constraints.add(new ColumnConstraint.Nullable(null, null));
            } else if (isWord("UNIQUE")) {
                last = end;
                advance();
                constraints.add(new ColumnConstraint.Unique(null, null));
            } else {
                throw Fallback.INSTANCE;
            }
            if (isWord("ON")) {
                throw Fallback.INSTANCE;
            }
        }
        return new ColumnDef(name, type, List.copyOf(constraints), new Span(name.span().start(), last));
    }

    private void signedNumber() {
        if (isPunct('+') || isPunct('-')) {
            advance();
        }
        if (kind != NUMBER) {
            throw Fallback.INSTANCE;
        }
        advance();
    }

    /** A name: an unquoted word that is not a keyword, or a quoted one. */
    private Name name() {
        Span span = new Span(start, end);
        Name name;
        if (kind == WORD && !keyword()) {
            name = new Name(sql.substring(start, end), Name.Quote.NONE, span);
        } else if (kind == QUOTED && end - start > 2) {
            String inside = sql.substring(start + 1, end - 1);
            name = switch (sql.charAt(start)) {
                case '"' -> new Name(inside.replace("\"\"", "\""), Name.Quote.DOUBLE, span);
                case '`' -> new Name(inside.replace("``", "`"), Name.Quote.BACKTICK, span);
                default -> new Name(inside, Name.Quote.BRACKET, span);
            };
        } else {
            throw Fallback.INSTANCE;
        }
        advance();
        return name;
    }

    private boolean keyword() {
        String word = sql.substring(start, end);
        Boolean known = KEYWORDS.get(word);
        if (known == null) {
            known = SqlParser.isKeyword(word);
            if (KEYWORDS.size() < MAX_WORDS) {
                KEYWORDS.put(word, known);
            }
        }
        return known;
    }

    private boolean isWord(String word) {
        return kind == WORD && end - start == word.length() && sql.regionMatches(true, start, word, 0, word.length());
    }

    private void expectWord(String word) {
        if (!isWord(word)) {
            throw Fallback.INSTANCE;
        }
        advance();
    }

    private boolean isPunct(char c) {
        return kind == PUNCT && sql.charAt(start) == c;
    }

    private void expectPunct(char c) {
        if (!isPunct(c)) {
            throw Fallback.INSTANCE;
        }
        advance();
    }

    /** Moves to the next token; anything outside the plain form's few tokens falls back. */
    private void advance() {
        int n = sql.length();
        while (pos < n && isSpace(sql.charAt(pos))) {
            pos++;
        }
        start = pos;
        if (pos == n) {
            kind = -1;
            end = pos;
            return;
        }
        char c = sql.charAt(pos);
        if (c >= 0x80) {
            throw Fallback.INSTANCE;
        }
        if (isLetter(c) || c == '_') {
            pos++;
            while (pos < n && (isLetter(sql.charAt(pos)) || isDigit(sql.charAt(pos)) || sql.charAt(pos) == '_'
                    || sql.charAt(pos) == '$')) {
                pos++;
            }
            kind = WORD;
        } else if (isDigit(c)) {
            while (pos < n && isDigit(sql.charAt(pos))) {
                pos++;
            }
            kind = NUMBER;
        } else if (c == '"' || c == '`') {
            pos++;
            while (true) {
                if (pos >= n) {
                    throw Fallback.INSTANCE;
                }
                if (sql.charAt(pos) == c) {
                    if (pos + 1 < n && sql.charAt(pos + 1) == c) {
                        pos += 2;
                        continue;
                    }
                    pos++;
                    break;
                }
                pos++;
            }
            kind = QUOTED;
        } else if (c == '[') {
            int close = sql.indexOf(']', pos + 1);
            if (close < 0) {
                throw Fallback.INSTANCE;
            }
            pos = close + 1;
            kind = QUOTED;
        } else if (c == '(' || c == ')' || c == ',' || c == '+' || c == '-') {
            if (c == '-' && pos + 1 < n && sql.charAt(pos + 1) == '-') {
                throw Fallback.INSTANCE;
            }
            pos++;
            kind = PUNCT;
        } else {
            throw Fallback.INSTANCE;
        }
        end = pos;
        if (end < n) {
            char next = sql.charAt(end);
            if (next >= 0x80 || (kind != PUNCT && kind != QUOTED && (isLetter(next) || isDigit(next) || next == '_'
                    || next == '$' || next == '.' || next == '\'' || next == '"'))) {
                throw Fallback.INSTANCE;
            }
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
