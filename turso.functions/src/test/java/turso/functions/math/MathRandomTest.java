/*
 * Seeded random differential test of the math functions against sqlite-jdbc:
 * random integers and reals over many magnitudes (as literals and as numeric
 * text), through every function. Reals may differ from C's libm by a few
 * units in the last place; the test reports the largest difference seen.
 * -Dturso.long=true runs more.
 */
package turso.functions.math;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import turso.api.spi.SqlFunction;
import turso.functions.testing.Outcome;
import turso.functions.testing.SqlExpression;
import turso.functions.testing.SqliteOracle;

class MathRandomTest {

    private static final double ULPS = 4 * Math.ulp(1.0);

    private final Random random = new Random(7_654_321);

    private String number() {
        String n = switch (random.nextInt(5)) {
            case 0 -> Long.toString(random.nextLong() >> random.nextInt(64));
            case 1 -> Double.toString(random.nextDouble() * 4 - 2);
            case 2 -> Double.toString((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20));
            case 3 -> Double.toString(random.nextGaussian() * 100);
            default -> Integer.toString(random.nextInt(21) - 10);
        };
        n = n.replace("E", "e");
        return random.nextInt(6) == 0 ? "'" + n + "'" : n;
    }

    @Test
    void randomArgumentsMatchSqlite() throws Exception {
        int n = Boolean.getBoolean("turso.long") ? 300_000 : 30_000;
        List<SqlFunction> functions = new MathLibrary().functions();
        SqlExpression ours = new SqlExpression(new MathLibrary());
        List<String> failures = new ArrayList<>();
        try (SqliteOracle sqlite = new SqliteOracle()) {
            for (int i = 0; i < n && failures.size() < 20; i++) {
                SqlFunction f = functions.get(random.nextInt(functions.size()));
                List<String> args = new ArrayList<>();
                for (int a = 0; a < f.arity(); a++) {
                    args.add(number());
                }
                String expr = f.name() + "(" + String.join(",", args) + ")";
                Outcome expected = sqlite.outcome(expr);
                Outcome actual = ours.outcome(expr);
                if (!actual.matches(expected, ULPS)) {
                    failures.add(expr + "\n    ours:   " + actual + "\n    sqlite: " + expected);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
