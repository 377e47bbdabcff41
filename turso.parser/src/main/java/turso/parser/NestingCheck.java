/*
 * A cheap pass over the tokens before ANTLR recurses: SQLite's limits on
 * nesting are enforced here (open parentheses and prefix operators as its
 * parser stack allows, and then chains of prefix operators as its expression
 * depth allows: SQLite checks the depth when it reduces the chain, after it
 * has shifted the whole of it), and the depth found decides whether the parse needs a thread with
 * a large stack. Texts too short to nest deeply skip the pass.
 */
package turso.parser;

import java.util.Arrays;
import org.antlr.v4.runtime.Token;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.antlr.SqliteParser;

final class NestingCheck {

    /**
     * SQLite 3.54's parser stack as it fills in a SELECT: an open parenthesis or
     * prefix operator holds two entries, a parenthesis being the innermost two
     * more. This matches its limits of 2493 nested parentheses, 2494 prefix
     * operators and 1247 "(-" pairs (other statements differ by a few entries).
     */
    static final int PARSER_STACK = 4988;

    /** Above this depth the parse runs on a thread with a large stack. */
    static final int SMALL_STACK_DEPTH = 48;

    private NestingCheck() {
    }

    /**
     * Scans the first statement (or all of them) and returns the deepest nesting seen.
     *
     * @throws TursoException when SQLite would refuse the nesting
     */
    static int check(String sql, boolean firstOnly) {
        if (sql.length() <= AstBuilder.MAX_EXPR_DEPTH && roughParenDepth(sql) <= SMALL_STACK_DEPTH) {
            return 0;
        }
        SqlLexer lexer = new SqlLexer(sql);
        int depth = 0;
        int max = 0;
        int[] pending = new int[16];
        int pendingTotal = 0;
        boolean trigger = false;
        boolean tooDeep = false;
        int previous = SqliteParser.SEMI;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            int type = t.getType();
            boolean prefix = type == SqliteParser.NOT || type == SqliteParser.BITNOT
                    || ((type == SqliteParser.MINUS || type == SqliteParser.PLUS) && !endsOperand(previous));
            if (type == SqliteParser.LP) {
                depth++;
                if (depth == pending.length) {
                    pending = Arrays.copyOf(pending, depth * 2);
                }
            } else if (type == SqliteParser.RP) {
                if (depth > 0) {
                    pendingTotal -= pending[depth];
                    pending[depth] = 0;
                    depth--;
                }
            } else if (prefix) {
                pending[depth]++;
                pendingTotal++;
            } else {
                pendingTotal -= pending[depth];
                pending[depth] = 0;
                trigger |= type == SqliteParser.TRIGGER;
            }
            if (2 * (depth + pendingTotal) + (type == SqliteParser.LP ? 2 : 0) > PARSER_STACK) {
                throw new TursoException(ResultCode.ERROR, "Recursion limit", t.getStartIndex(),
                        null);
            }
            tooDeep |= pendingTotal > AstBuilder.MAX_EXPR_DEPTH;
            max = Math.max(max, depth + pendingTotal);
            if (firstOnly && type == SqliteParser.SEMI && previous != SqliteParser.SEMI
                    && (!trigger || previous == SqliteParser.END)) {
                break;
            }
            previous = type;
        }
        if (tooDeep) {
            throw new TursoException(ResultCode.ERROR,
                    "Expression tree is too large (maximum depth " + AstBuilder.MAX_EXPR_DEPTH + ")", -1, null);
        }
        return max;
    }

    /** Whether a token of this type ends an operand, making a following + or - binary. */
    private static boolean endsOperand(int type) {
        return switch (type) {
            case SqliteParser.RP, SqliteParser.ID, SqliteParser.STRING, SqliteParser.INTEGER, SqliteParser.FLOAT,
                 SqliteParser.BLOB, SqliteParser.VARIABLE, SqliteParser.NULL, SqliteParser.END,
                 SqliteParser.CTIME_KW -> true;
            default -> false;
        };
    }

    /** An upper bound of the parenthesis depth (parentheses inside strings and comments count too). */
    private static int roughParenDepth(String sql) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(') {
                max = Math.max(max, ++depth);
            } else if (c == ')' && depth > 0) {
                depth--;
            }
        }
        return max;
    }
}
