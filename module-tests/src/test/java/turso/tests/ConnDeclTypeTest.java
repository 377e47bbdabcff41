package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.core.CoreStatement;
import turso.api.Connection;
import turso.api.Database;
import turso.api.Statement;

/**
 * Statement.columnDeclType is sqlite3_column_decltype: the declared type
 * of the table column a result column reads, as written, and null for an
 * expression. Compared with real SQLite's sqlite3_column_decltype, read
 * through sqlite-jdbc's statement handle.
 */
class ConnDeclTypeTest {

    private static final String SCHEMA = """
            CREATE TABLE t(a INTEGER PRIMARY KEY, b text, c VARCHAR(10), d, e "DOUBLE precision", f Blob);
            CREATE TABLE u(k INT, v);
            INSERT INTO t VALUES (1, 'x', 'y', 4, 5.5, x'00');
            INSERT INTO u VALUES (1, 2)
            """;

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * FROM t",
            "SELECT a, b + 1, c AS x, rowid, _rowid_, d, t.e, f, 1, 'a', NULL, ? FROM t",
            "SELECT t.*, u.* FROM t, u WHERE t.a = u.k",
            "SELECT u.k, max(a), count(*), CAST(d AS TEXT), a + 0 FROM t, u",
            "SELECT * FROM sqlite_master",
            "SELECT u.rowid, t.oid FROM t JOIN u ON 1",
            "SELECT (b), +c, b COLLATE nocase FROM t"})
    void sameAsSqlite(String sql, @TempDir Path dir) throws Exception {
        List<String> expected = new ArrayList<>();
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.db"))) {
            try (java.sql.Statement s = c.createStatement()) {
                for (String ddl : SCHEMA.split(";")) {
                    s.execute(ddl);
                }
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                CoreStatement core = (CoreStatement) ps;
                int n = core.pointer.safeRunInt((db, ptr) -> db.column_count(ptr));
                for (int i = 0; i < n; i++) {
                    int col = i;
                    expected.add(core.pointer.safeRun((db, ptr) -> db.column_decltype(ptr, col)));
                }
            }
        }
        List<String> got = new ArrayList<>();
        try (Database db = Database.open(dir.resolve("t.db").toString()); Connection c = db.connect()) {
            c.execute(SCHEMA);
            try (Statement st = c.prepare(sql)) {
                for (int i = 0; i < st.columnCount(); i++) {
                    got.add(st.columnDeclType(i));
                }
            }
        }
        assertEquals(expected, got);
    }
}
