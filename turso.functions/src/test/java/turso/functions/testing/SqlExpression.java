/*
 * Shared test support: evaluates a small SQL expression (nested function
 * calls over literals, parentheses, and the -> and ->> operators) with our function
 * libraries, so that the same text can be run on SQLite and compared. Results
 * of inner calls keep their subtype, as in SQLite's VM, which is what makes
 * nesting JSON functions meaningful.
 */
package turso.functions.testing;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import turso.api.Value;
import turso.api.spi.FunctionLibrary;
import turso.api.spi.ScalarFunction;
import turso.api.spi.SqlFunction;

public final class SqlExpression {

    private final List<SqlFunction> functions = new ArrayList<>();
    private String s;
    private int pos;

    public SqlExpression(FunctionLibrary... libraries) {
        for (FunctionLibrary library : libraries) {
            functions.addAll(library.functions());
        }
    }

    /** What the expression gives: a value with its subtype, or an error. */
    public record Result(Value value, int subtype, String error) {
    }

    public Outcome outcome(String expression) {
        Result r = evaluate(expression);
        return r.error != null ? Outcome.error(r.error) : Outcome.of(r.value);
    }

    /** A call failed: the whole expression fails with its message, as a statement does. */
    private static final class CallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallFailed(String message) {
            super(message, null, false, false);
        }
    }

    public Result evaluate(String expression) {
        s = expression;
        pos = 0;
        try {
            Result r = expr();
            skipSpace();
            if (pos != s.length()) {
                throw new IllegalArgumentException("trailing text in " + expression + " at " + pos);
            }
            return r;
        } catch (CallFailed e) {
            return new Result(Value.NULL, 0, e.getMessage());
        }
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private Result expr() {
        Result left = primary();
        while (true) {
            skipSpace();
            String op = s.startsWith("->>", pos) ? "->>" : s.startsWith("->", pos) ? "->" : null;
            if (op == null) {
                break;
            }
            pos += op.length();
            left = call(op, List.of(left, primary()));
        }
        return left;
    }

    private Result primary() {
        skipSpace();
        char c = s.charAt(pos);
        if (c == '(') {
            pos++;
            Result inner = expr();
            skipSpace();
            if (s.charAt(pos++) != ')') {
                throw new IllegalArgumentException("expected ) in " + s + " at " + pos);
            }
            return inner;
        }
        if (c == '\'') {
            return literal(Value.of(string()));
        }
        if ((c == 'x' || c == 'X') && pos + 1 < s.length() && s.charAt(pos + 1) == '\'') {
            pos++;
            return literal(Value.of(HexFormat.of().parseHex(string())));
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            int start = pos;
            pos++;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.'
                    || ((s.charAt(pos) == '-' || s.charAt(pos) == '+')
                        && Character.toLowerCase(s.charAt(pos - 1)) == 'e'))) {
                pos++;
            }
            return literal(number(s.substring(start, pos)));
        }
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
            pos++;
        }
        String name = s.substring(start, pos);
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != '(') {
            if (name.equalsIgnoreCase("null")) {
                return literal(Value.NULL);
            }
            throw new IllegalArgumentException("unexpected " + name + " in " + s);
        }
        pos++;
        List<Result> args = new ArrayList<>();
        skipSpace();
        if (s.charAt(pos) == ')') {
            pos++;
        } else {
            while (true) {
                args.add(expr());
                skipSpace();
                char d = s.charAt(pos++);
                if (d == ')') {
                    break;
                }
                if (d != ',') {
                    throw new IllegalArgumentException("expected , in " + s + " at " + pos);
                }
            }
        }
        return call(name.toLowerCase(Locale.ROOT), args);
    }

    private static Result literal(Value v) {
        return new Result(v, 0, null);
    }

    private static Value number(String text) {
        if (text.matches("[+-]?\\d+")) {
            try {
                return Value.of(Long.parseLong(text));
            } catch (NumberFormatException tooBig) {
                return Value.of(Double.parseDouble(text));
            }
        }
        return Value.of(Double.parseDouble(text));
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (true) {
            char c = s.charAt(pos++);
            if (c == '\'') {
                if (pos < s.length() && s.charAt(pos) == '\'') {
                    out.append('\'');
                    pos++;
                    continue;
                }
                return out.toString();
            }
            out.append(c);
        }
    }

    private Result call(String name, List<Result> args) {
        ScalarFunction f = null;
        for (SqlFunction candidate : functions) {
            if (candidate.name().equalsIgnoreCase(name) && candidate instanceof ScalarFunction scalar
                    && (candidate.arity() == args.size() || candidate.arity() == SqlFunction.VARIADIC)) {
                if (f == null || candidate.arity() == args.size()) {
                    f = scalar;
                }
            }
        }
        if (f == null) {
            throw new IllegalArgumentException("no function " + name + "/" + args.size());
        }
        List<Value> values = new ArrayList<>();
        int[] subtypes = new int[args.size()];
        for (int i = 0; i < args.size(); i++) {
            values.add(args.get(i).value);
            subtypes[i] = args.get(i).subtype;
        }
        FakeResult result = new FakeResult();
        f.invoke(new FakeContext(), new FakeArguments(values, subtypes), result);
        if (result.errorMessage() != null) {
            throw new CallFailed(result.errorMessage());
        }
        return new Result(result.value(), result.subtype(), null);
    }
}
