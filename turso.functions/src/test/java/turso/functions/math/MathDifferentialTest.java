/*
 * The math functions against SQLite, case by case: every function over
 * integers, reals, infinities, numeric and non-numeric text, blobs and NULL
 * must give what the sqlite3 CLI 3.40 gave and what sqlite-jdbc 3.54 gives:
 * same type (NULL on domain errors, INTEGER from ceil/floor/trunc of an
 * integer) and the same number. C's libm and Java's Math may differ in the
 * last bit, so reals may differ by a few units in the last place.
 */
package turso.functions.math;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import turso.functions.testing.DifferentialCases;
import turso.functions.testing.SqlExpression;
import turso.functions.testing.SqliteOracle;

class MathDifferentialTest {

    private static final double ULPS = 4 * Math.ulp(1.0);

    @Test
    void everyCaseMatchesSqlite() throws Exception {
        try (SqliteOracle sqlite = new SqliteOracle()) {
            int n = DifferentialCases.run(DifferentialCases.load(getClass(), "expected-3.40.txt"),
                    new SqlExpression(new MathLibrary()), sqlite, ULPS);
            assertTrue(n > 2000, "fixture has " + n + " cases");
        }
    }
}
