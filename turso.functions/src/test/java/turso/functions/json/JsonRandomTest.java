/*
 * Seeded random differential test against sqlite-jdbc (SQLite 3.54), on
 * what 3.40 and 3.54 agree on (see RandomJsonCalls; json_valid is asked of
 * 3.54 as json_valid(X, 1), strict JSON without JSON5). JsonRandom340Test
 * covers the rest against the sqlite3 CLI. -Dturso.long=true runs more.
 */
package turso.functions.json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import turso.functions.testing.Outcome;
import turso.functions.testing.SqlExpression;
import turso.functions.testing.SqliteOracle;

class JsonRandomTest {

    @Test
    void randomDocumentsAndPathsMatchSqlite() throws Exception {
        int n = Boolean.getBoolean("turso.long") ? 200_000 : 20_000;
        RandomJsonCalls calls = new RandomJsonCalls(20_260_401, false);
        SqlExpression ours = new SqlExpression(new JsonLibrary());
        List<String> failures = new ArrayList<>();
        try (SqliteOracle sqlite = new SqliteOracle()) {
            for (int i = 0; i < n && failures.size() < 20; i++) {
                String[] exprs = calls.call().split(RandomJsonCalls.STRICT);
                String expr = exprs[0];
                Outcome expected = sqlite.outcome(exprs.length > 1 ? expr.replaceFirst("\\)$", ",1)") : expr);
                Outcome actual;
                try {
                    actual = ours.outcome(expr);
                } catch (RuntimeException e) {
                    failures.add(expr + " threw " + e);
                    continue;
                }
                if (!actual.matches(expected, 0)) {
                    failures.add(expr + "\n    ours:   " + actual + "\n    sqlite: " + expected);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
