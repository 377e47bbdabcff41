/*
 * Scripts: where statements end. isComplete() answers as sqlite3_complete()
 * does (the shell's continuation prompt): the text ends with a semicolon that
 * closes a statement, counting a CREATE TRIGGER as open until "END ;", and
 * unterminated strings, quoted names and block comments as unfinished.
 * split() cuts a script at those semicolons without parsing it.
 */
package turso.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import turso.parser.antlr.SqliteParser;

public final class SqlScript {

    private SqlScript() {
    }

    /** One statement of a script: its text (with its semicolon, if any) and where it starts. */
    public record Piece(String sql, int start, int end, boolean complete) {
    }

    private enum Kind { SEMI, SPACE, OTHER, EXPLAIN, CREATE, TEMP, TRIGGER, END }

    /** States: what the machine has seen in the current statement. */
    private static final int INITIAL = 0;
    private static final int AFTER_SEMI = 1;
    private static final int NORMAL = 2;
    private static final int EXPLAIN = 3;
    private static final int CREATE = 4;
    private static final int IN_TRIGGER = 5;
    private static final int TRIGGER_SEMI = 6;
    private static final int TRIGGER_END = 7;

    /** Next state per [state][kind], kinds in {@link Kind} order. */
    private static final int[][] NEXT = {
        {AFTER_SEMI, INITIAL, NORMAL, EXPLAIN, CREATE, NORMAL, NORMAL, NORMAL},
        {AFTER_SEMI, AFTER_SEMI, NORMAL, EXPLAIN, CREATE, NORMAL, NORMAL, NORMAL},
        {AFTER_SEMI, NORMAL, NORMAL, NORMAL, NORMAL, NORMAL, NORMAL, NORMAL},
        {AFTER_SEMI, EXPLAIN, EXPLAIN, NORMAL, CREATE, NORMAL, NORMAL, NORMAL},
        {AFTER_SEMI, CREATE, NORMAL, NORMAL, NORMAL, CREATE, IN_TRIGGER, NORMAL},
        {TRIGGER_SEMI, IN_TRIGGER, IN_TRIGGER, IN_TRIGGER, IN_TRIGGER, IN_TRIGGER, IN_TRIGGER, IN_TRIGGER},
        {TRIGGER_SEMI, TRIGGER_SEMI, IN_TRIGGER, IN_TRIGGER, IN_TRIGGER, IN_TRIGGER, IN_TRIGGER, TRIGGER_END},
        {AFTER_SEMI, TRIGGER_END, IN_TRIGGER, IN_TRIGGER, IN_TRIGGER, IN_TRIGGER, IN_TRIGGER, IN_TRIGGER},
    };

    /** True if {@code sql} ends a statement, as sqlite3_complete() decides. */
    public static boolean isComplete(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        int state = INITIAL;
        for (int type = lexer.nextRaw(); type != Token.EOF; type = lexer.nextRaw()) {
            Kind kind = kind(sql, lexer, type);
            if (kind == null) {
                return false;
            }
            if (kind == Kind.SPACE && sql.charAt(lexer.rawStart()) == '\ufeff') {
                // sqlite3_complete() takes a byte order mark for a word, where the tokenizer skips it
                kind = Kind.OTHER;
            }
            state = NEXT[state][kind.ordinal()];
        }
        return state == AFTER_SEMI;
    }

    /** Cuts a script into statements; a trailing unfinished statement comes last, marked incomplete. */
    public static List<Piece> split(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        List<Piece> out = new ArrayList<>();
        int state = INITIAL;
        int start = -1;
        boolean broken = false;
        for (int type = lexer.nextRaw(); type != Token.EOF; type = lexer.nextRaw()) {
            Kind kind = kind(sql, lexer, type);
            if (kind == null) {
                broken = true;
                kind = Kind.OTHER;
            }
            if (start < 0 && kind != Kind.SPACE && kind != Kind.SEMI) {
                start = lexer.rawStart();
            }
            state = NEXT[state][kind.ordinal()];
            if (state == AFTER_SEMI && kind == Kind.SEMI) {
                if (start >= 0) {
                    out.add(new Piece(sql.substring(start, lexer.position()), start, lexer.position(), !broken));
                }
                start = -1;
                broken = false;
            }
        }
        if (start >= 0) {
            out.add(new Piece(sql.substring(start, lexer.end()), start, lexer.end(), false));
        }
        return List.copyOf(out);
    }

    /** The class of a raw token, or null for an unterminated string, quoted name or comment. */
    private static Kind kind(String sql, SqlLexer lexer, int type) {
        int s = lexer.rawStart();
        int e = lexer.position();
        return switch (type) {
            case SqlLexer.SPACE -> {
                if (sql.startsWith("/*", s) && (e - s < 4 || !sql.startsWith("*/", e - 2))) {
                    yield null;
                }
                yield Kind.SPACE;
            }
            case SqliteParser.SEMI -> Kind.SEMI;
            case SqliteParser.EXPLAIN -> Kind.EXPLAIN;
            case SqliteParser.CREATE -> Kind.CREATE;
            case SqliteParser.TEMP -> Kind.TEMP;
            case SqliteParser.TRIGGER -> Kind.TRIGGER;
            case SqliteParser.END -> Kind.END;
            case SqliteParser.ILLEGAL -> {
                char c = sql.charAt(s);
                yield c == '\'' || c == '"' || c == '`' || c == '[' ? null : Kind.OTHER;
            }
            default -> Kind.OTHER;
        };
    }
}
