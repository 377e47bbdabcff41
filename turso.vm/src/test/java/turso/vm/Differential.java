/*
 * Compares values computed here with real SQLite, case by case. Each case is
 * an SQL expression and what this engine made of it (a value or an error
 * message). Errors are compared with sqlite-jdbc's message. Values are
 * compared with SQLite 3.40 (the sqlite3 shell) by storage class and text
 * form, and also bit for bit with sqlite-jdbc (3.54) wherever 3.54 agrees
 * with 3.40 on that text form; where the two versions differ, 3.40 wins.
 * Functions 3.40 does not have are compared with sqlite-jdbc only.
 */
package turso.vm;

import java.util.ArrayList;
import java.util.List;

public final class Differential {
    private Differential() {
    }

    public record Case(String expr, Register value, String error) {
        public static Case of(String expr, Register value) {
            return new Case(expr, value, null);
        }

        public static Case failed(String expr, String error) {
            return new Case(expr, null, error);
        }

        String describe() {
            return error != null ? "error: " + error : Oracle.describe(value);
        }
    }

    /** The failures, described; empty when every case agrees. */
    public static List<String> check(Oracle jdbc, List<Case> cases, boolean existsIn340) {
        List<String> failures = new ArrayList<>();
        List<Case> forShell = new ArrayList<>();
        for (Case c : cases) {
            String expectedError = jdbc.error(c.expr());
            if (expectedError != null || c.error() != null) {
                if (expectedError == null || !expectedError.equals(c.error())) {
                    Register r = expectedError == null ? jdbc.eval(c.expr()) : null;
                    failures.add(c.expr() + ": expected " + (expectedError != null ? "error: " + expectedError
                            : Oracle.describe(r)) + ", got " + c.describe());
                }
                continue;
            }
            forShell.add(c);
        }
        List<String> shellForms = existsIn340 && Oracle.shellAvailable() && !forShell.isEmpty()
                ? Oracle.shellEval(forShell.stream().map(Case::expr).toList()) : null;
        List<Case> realsToConfirm = new ArrayList<>();
        for (int i = 0; i < forShell.size(); i++) {
            Case c = forShell.get(i);
            Register expected = jdbc.eval(c.expr());
            String mine = Oracle.shellForm(c.value());
            if (shellForms != null) {
                String ref = shellForms.get(i);
                if (!ref.equals(mine)) {
                    failures.add(c.expr() + ": expected (3.40) " + ref + ", got " + mine);
                } else if (!Oracle.same(expected, c.value())) {
                    if (c.value().type() == turso.api.DataType.REAL) {
                        // same text in 3.40 but other bits in 3.54 (e.g. its compensated sum): ask 3.40 for equality
                        realsToConfirm.add(c);
                    } else if (ref.equals(Oracle.shellForm(expected))) {
                        failures.add(c.expr() + ": expected " + Oracle.describe(expected) + ", got " + c.describe());
                    }
                }
            } else if (!Oracle.same(expected, c.value())) {
                failures.add(c.expr() + ": expected " + Oracle.describe(expected) + ", got " + c.describe());
            }
        }
        if (!realsToConfirm.isEmpty()) {
            List<String> equal = Oracle.shellEval(realsToConfirm.stream()
                    .map(c -> "(" + c.expr() + ") = " + literal(c.value().doubleValue())).toList());
            for (int i = 0; i < realsToConfirm.size(); i++) {
                if (!equal.get(i).equals("integer|1")) {
                    failures.add(realsToConfirm.get(i).expr() + ": 3.40 does not compute exactly " + realsToConfirm.get(i).describe());
                }
            }
        }
        return failures;
    }

    /** A real as an SQL literal that reads back as exactly that real. */
    public static String literal(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "1e999" : "-1e999";
        }
        return "(" + Double.toString(d) + ")";
    }

    public static String report(List<String> failures) {
        return failures.size() + " failures:\n" + String.join("\n", failures.subList(0, Math.min(80, failures.size())));
    }
}
