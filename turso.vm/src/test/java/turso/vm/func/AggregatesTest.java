/*
 * The core aggregates against SQLite over sets of rows with NULLs, mixed
 * storage classes, overflow and empty groups; the window forms (inverse and
 * value) against SQLite's sliding-frame window queries.
 */
package turso.vm.func;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import turso.api.spi.WindowFunction;
import turso.vm.Differential;
import turso.vm.Literals;
import turso.vm.Oracle;
import turso.vm.Register;
import turso.vm.RegisterArguments;
import turso.vm.RegisterResult;

class AggregatesTest {
    private static Oracle oracle;

    @BeforeAll
    static void open() {
        oracle = new Oracle();
    }

    @AfterAll
    static void close() {
        oracle.close();
    }

    static final List<List<String[]>> ROW_SETS = List.of(
            Calls.rows("'skip'"),
            Calls.rows("NULL"),
            Calls.rows("NULL", "NULL"),
            Calls.rows("1", "2", "3"),
            Calls.rows("1", "NULL", "3"),
            Calls.rows("1", "2.5", "NULL"),
            Calls.rows("9223372036854775807", "1"),
            Calls.rows("9223372036854775807", "1", "-1"),
            Calls.rows("9223372036854775807", "1.0"),
            Calls.rows("1.5", "9223372036854775807", "9223372036854775807"),
            Calls.rows("-9223372036854775808", "-1"),
            Calls.rows("'12abc'", "'3'", "'x'", "''"),
            Calls.rows("'1.0'", "2"),
            Calls.rows("x'01'", "x'3132'", "2"),
            Calls.rows("'b'", "'a'", "'c'", "'A'"),
            Calls.rows("1", "'1'", "1.0", "x'31'", "NULL"),
            Calls.rows("2", "2.0", "1", "1.0"),
            Calls.rows("1.0", "1", "2.0", "2"),
            Calls.rows("'é'", "'日本'", "'e'"),
            Calls.rows("0.1", "0.2", "0.3"),
            Calls.rows("1e308", "1e308", "-1e308"));

    @Test
    void aggregatesOverRowSets() {
        List<Differential.Case> cases = new ArrayList<>();
        for (List<String[]> rows : ROW_SETS) {
            for (String f : List.of("count", "sum", "total", "avg", "min", "max", "group_concat")) {
                cases.add(Calls.aggregate(f, 1, rows));
            }
            cases.add(Calls.aggregate("count", 0, rows));
            List<String[]> withSep = new ArrayList<>();
            String[] seps = {"'; '", "NULL", "''", "'-'", "1"};
            for (int i = 0; i < rows.size(); i++) {
                withSep.add(new String[] {rows.get(i)[0], seps[i % seps.length]});
            }
            cases.add(Calls.aggregate("group_concat", 2, withSep));
        }
        List<String> failures = Differential.check(oracle, cases, true);
        assertTrue(failures.isEmpty(), Differential.report(failures));
    }

    @Test
    void stringAggAgainstJdbc() {
        List<Differential.Case> cases = new ArrayList<>();
        for (List<String[]> rows : ROW_SETS) {
            List<String[]> withSep = new ArrayList<>();
            for (String[] r : rows) {
                withSep.add(new String[] {r[0], "' | '"});
            }
            cases.add(Calls.aggregate("string_agg", 2, withSep));
        }
        List<String> failures = Differential.check(oracle, cases, false);
        assertTrue(failures.isEmpty(), Differential.report(failures));
    }

    /**
     * Sliding frames of 3 rows: each row's value from inverse/step/value, compared with
     * SQLite's window query for that row (3.40 for the sums, whose rounding 3.54 changed).
     */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void windowFramesUseInverse() {
        List<String> values = List.of("1", "NULL", "3", "2.5", "'7'", "9223372036854775807", "1", "-4", "'abc'", "10", "0.1", "0.2");
        StringBuilder rowsSql = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            rowsSql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(" AS k, ").append(values.get(i)).append(" AS v");
        }
        List<Differential.Case> cases = new ArrayList<>();
        for (String f : List.of("count", "sum", "total", "avg", "group_concat")) {
            WindowFunction w = (WindowFunction) Calls.REGISTRY.resolve(f, 1);
            Object state = w.newState();
            for (int i = 0; i < values.size(); i++) {
                if (i >= 3) {
                    w.inverse(state, new RegisterArguments(Literals.reg(values.get(i - 3))));
                }
                w.step(state, new RegisterArguments(Literals.reg(values.get(i))));
                RegisterResult result = new RegisterResult();
                w.value(state, result);
                String expr = "(SELECT w FROM (SELECT k, " + f + "(v) OVER (ORDER BY k ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS w FROM ("
                        + rowsSql + ")) WHERE k = " + i + ")";
                Register copy = new Register();
                copy.copyFrom(result.register());
                cases.add(result.hasError() ? Differential.Case.failed(expr, result.errorMessage()) : Differential.Case.of(expr, copy));
            }
        }
        List<String> failures = Differential.check(oracle, cases, true);
        assertTrue(failures.isEmpty(), Differential.report(failures));
    }
}
