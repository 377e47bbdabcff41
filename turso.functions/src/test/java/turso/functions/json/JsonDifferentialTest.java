/*
 * The JSON functions against SQLite, case by case: the fixture's expressions
 * (nested calls included, so the JSON subtype is exercised) must give what
 * the sqlite3 CLI 3.40 gave, and what sqlite-jdbc 3.54 gives where the two
 * versions agree.
 */
package turso.functions.json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import turso.functions.testing.DifferentialCases;
import turso.functions.testing.SqlExpression;
import turso.functions.testing.SqliteOracle;

class JsonDifferentialTest {

    @Test
    void everyCaseMatchesSqlite() throws Exception {
        try (SqliteOracle sqlite = new SqliteOracle()) {
            int n = DifferentialCases.run(DifferentialCases.load(getClass(), "expected-3.40.txt"),
                    new SqlExpression(new JsonLibrary()), sqlite, 0);
            assertTrue(n > 500, "fixture has " + n + " cases");
        }
    }
}
