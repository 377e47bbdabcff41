/*
 * The math functions against SQLite 3.40 over edge arguments (zero, signs,
 * out-of-domain values, infinities, text and blobs). Results are compared
 * by SQLite 3.40's 15-digit text, and where that differs, as reals within
 * 2e-15 of each other: C's libm and Java's Math may differ in the last bit.
 */
package turso.vm.func;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import turso.vm.Differential;
import turso.vm.Oracle;

class MathFunctionsTest {
    static final List<String> ARGS = List.of("NULL", "0", "1", "-1", "2", "0.5", "-0.5", "3.7", "-3.7", "10", "100",
            "1e308", "-1e308", "1e-300", "'4'", "'2.5'", "'abc'", "x'34'", "9223372036854775807", "0.0", "7", "-7");

    @Test
    void everyMathFunctionAgainst340() {
        Assumptions.assumeTrue(Oracle.shellAvailable(), "sqlite3 3.40 shell not installed");
        List<Differential.Case> cases = new ArrayList<>();
        for (String f : List.of("acos", "asin", "atan", "cos", "sin", "tan", "cosh", "sinh", "tanh", "acosh", "asinh",
                "atanh", "exp", "sqrt", "degrees", "radians", "ceil", "ceiling", "floor", "trunc", "ln", "log", "log10", "log2")) {
            for (String x : ARGS) {
                cases.add(Calls.scalar(f, x));
            }
        }
        for (String f : List.of("atan2", "pow", "power", "mod", "log")) {
            for (String x : ARGS) {
                for (String y : List.of("NULL", "0", "2", "-2", "0.5", "3", "10", "'2'", "'x'", "-1.5")) {
                    cases.add(Calls.scalar(f, x, y));
                }
            }
        }
        cases.add(Calls.scalar("pi"));
        List<String> shellForms = Oracle.shellEval(cases.stream().map(Differential.Case::expr).toList());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String mine = cases.get(i).value() == null ? "error: " + cases.get(i).error() : Oracle.shellForm(cases.get(i).value());
            if (!shellForms.get(i).equals(mine) && !closeReals(shellForms.get(i), mine)) {
                failures.add(cases.get(i).expr() + ": expected (3.40) " + shellForms.get(i) + ", got " + mine);
            }
        }
        assertTrue(failures.isEmpty(), Differential.report(failures));
    }

    /** Both reals and within 2e-15 of each other relatively: the last bit of libm and of Java may differ. */
    private static boolean closeReals(String expected, String mine) {
        if (!expected.startsWith("real|") || !mine.startsWith("real|")) {
            return false;
        }
        double x = Double.parseDouble(expected.substring(5).replace("Inf", "Infinity"));
        double y = Double.parseDouble(mine.substring(5).replace("Inf", "Infinity"));
        return x == y || Math.abs(x - y) <= 2e-15 * Math.max(Math.abs(x), Math.abs(y));
    }
}
