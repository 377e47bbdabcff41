package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.DriverManager;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import turso.api.Connection;
import turso.api.Database;
import turso.api.Statement;

/**
 * The column names of a view read by another statement, compared with
 * sqlite-jdbc: a result column without a name is named by its text in the
 * CREATE VIEW statement (not by whatever stands at the same place in the
 * statement reading the view), repeated names get ":1", ":2". An
 * expression that starts or ends with a parenthesis keeps it in its name,
 * in a SELECT, a view and RETURNING.
 */
class ViewColumnNamesTest {

    private static final String[] SETUP = {
        "CREATE TABLE t(a, b)",
        "INSERT INTO t VALUES (1, 2)",
        "CREATE VIEW e AS SELECT a, 1+1, a + b, 'x', a, b AS \"select\", -- note\n  a * 2 FROM t",
        "CREATE VIEW w(p, q) AS SELECT a, a + 1 FROM t",
        "CREATE VIEW u AS SELECT a  +  1 /* c */ , upper('x') FROM t UNION SELECT 5, 6",
        "CREATE VIEW p AS SELECT (a) + 1, (a), ((b)) COLLATE nocase, (a) * (b), -(a) FROM t",
    };

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM e",
        "SELECT * FROM e WHERE a = 1 AND a IS NOT NULL AND 'some long text that goes past the view' <> ''",
        "SELECT * FROM w WHERE p = 1 AND 'a long enough text for the spans of the view to land here' <> ''",
        "SELECT * FROM u ORDER BY 1",
        "SELECT * FROM (SELECT * FROM e) AS s, u",
        "SELECT * FROM p",
        "SELECT (a) + 1, (a), ( a ) /* c */ , (a + b) * 2, -(a), (SELECT 1), ((1)), (1) COLLATE nocase FROM t",
        "INSERT INTO t VALUES (3, 4) RETURNING (a), (a) + b, +(b), (a)AS x",
        "UPDATE t SET a = (a) RETURNING (b) COLLATE nocase, a + (b)",
    })
    void sameNamesAsSqlite(String query) throws SQLException {
        List<String> expected = new ArrayList<>();
        try (var jdbc = DriverManager.getConnection("jdbc:sqlite::memory:"); var s = jdbc.createStatement()) {
            for (String sql : SETUP) {
                s.execute(sql);
            }
            try (var rs = s.executeQuery(query)) {
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    expected.add(meta.getColumnName(i));
                }
            }
        }
        List<String> got = new ArrayList<>();
        try (Database db = Database.open(Database.MEMORY); Connection c = db.connect()) {
            for (String sql : SETUP) {
                c.execute(sql);
            }
            try (Statement st = c.prepare(query)) {
                for (int i = 0; i < st.columnCount(); i++) {
                    got.add(st.columnName(i));
                }
            }
        }
        assertEquals(expected, got, query);
    }
}
