package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import turso.api.Connection;
import turso.api.Database;

/**
 * WITHOUT ROWID tables (withoutrowid.html): scripts run statement by
 * statement here (on a file) and on real SQLite give the same rows, errors
 * and query plans, the same sqlite_schema, and a file real SQLite's
 * integrity check accepts and reads the same; files SQLite wrote with such
 * tables are read and written here.
 */
class WithoutRowidDifferentialTest {

    static Stream<String> scripts() {
        return Stream.of(
                """
                CREATE TABLE v(a) WITHOUT ROWID;
                CREATE TABLE v(a INTEGER PRIMARY KEY AUTOINCREMENT) WITHOUT ROWID;
                CREATE TABLE v(a TEXT PRIMARY KEY AUTOINCREMENT) WITHOUT ROWID;
                CREATE TABLE t(a TEXT PRIMARY KEY, b INT, c) WITHOUT ROWID;
                INSERT INTO t VALUES ('x', 1, 2), ('a', 3, 4), ('m', 5, NULL);
                SELECT * FROM t;
                SELECT rowid FROM t;
                SELECT a, rowid FROM t;
                INSERT INTO t(rowid, a) VALUES (1, 'q');
                INSERT INTO t VALUES (NULL, 1, 1);
                INSERT INTO t VALUES ('x', 9, 9);
                INSERT OR IGNORE INTO t VALUES ('x', 9, 9), ('y', 8, 8);
                INSERT OR REPLACE INTO t VALUES ('x', 10, 10);
                SELECT * FROM t;
                SELECT * FROM t WHERE a = 'm';
                SELECT * FROM t WHERE a > 'b' ORDER BY a DESC;
                UPDATE t SET b = b * 2 WHERE a >= 'm';
                SELECT * FROM t;
                UPDATE t SET a = 'z' WHERE a = 'x';
                SELECT * FROM t;
                UPDATE t SET a = 'y' WHERE a = 'z';
                UPDATE OR REPLACE t SET a = 'y' WHERE a = 'z';
                SELECT * FROM t;
                DELETE FROM t WHERE a = 'm';
                SELECT * FROM t;
                SELECT count(*), sum(b) FROM t;
                DELETE FROM t;
                SELECT * FROM t
                """,
                """
                CREATE TABLE t(a TEXT, b INT, c COLLATE NOCASE, d, PRIMARY KEY(b DESC, c)) WITHOUT ROWID;
                INSERT INTO t VALUES ('x', 1, 'p', 1), ('y', 1, 'Q', 2), ('z', 2, 'p', 3);
                INSERT INTO t VALUES ('w', 1, 'P', 4);
                INSERT INTO t VALUES ('w', 1, NULL, 4);
                SELECT * FROM t;
                SELECT * FROM t WHERE b = 1;
                SELECT * FROM t WHERE b = 1 AND c = 'q';
                SELECT * FROM t WHERE b < 2 ORDER BY c;
                UPDATE t SET c = 'q' WHERE a = 'x';
                UPDATE t SET b = 3 WHERE a = 'x';
                SELECT * FROM t;
                PRAGMA table_info(t);
                PRAGMA table_xinfo(t);
                PRAGMA index_list(t);
                PRAGMA index_info(sqlite_autoindex_t_1);
                PRAGMA index_xinfo(sqlite_autoindex_t_1);
                DROP TABLE t;
                SELECT * FROM t
                """,
                """
                CREATE TABLE t(a, b, c, d, PRIMARY KEY(a, b), UNIQUE(c)) WITHOUT ROWID;
                CREATE INDEX td ON t(d);
                CREATE INDEX tdb ON t(d, b DESC);
                INSERT INTO t VALUES (1, 1, 'a', 10), (1, 2, 'b', 20), (2, 1, 'c', 10), (2, 2, NULL, NULL);
                INSERT INTO t VALUES (3, 3, 'a', 0);
                INSERT OR REPLACE INTO t VALUES (3, 3, 'a', 0);
                SELECT * FROM t;
                SELECT a, b FROM t WHERE d = 10;
                SELECT * FROM t WHERE c = 'b';
                SELECT * FROM t WHERE d > 5 ORDER BY d, a;
                UPDATE t SET d = d + 1 WHERE c IS NOT NULL;
                UPDATE t SET b = b + 10 WHERE a = 1;
                UPDATE t SET c = 'c' WHERE a = 1;
                SELECT * FROM t ORDER BY d;
                DELETE FROM t WHERE d = 11;
                SELECT * FROM t;
                PRAGMA index_list(t);
                PRAGMA index_xinfo(td);
                PRAGMA index_xinfo(sqlite_autoindex_t_2);
                SELECT * FROM t INDEXED BY td WHERE d > 0
                """,
                """
                CREATE TABLE t(k INTEGER PRIMARY KEY, v) WITHOUT ROWID;
                INSERT INTO t VALUES (1, 'one'), ('2', 'two'), (3.0, 'three');
                INSERT INTO t VALUES ('x', 'text key');
                SELECT k, typeof(k), v FROM t;
                SELECT changes(), last_insert_rowid();
                INSERT INTO t VALUES (10, 'ten') RETURNING *;
                UPDATE t SET v = upper(v) WHERE k > 2 RETURNING k, v;
                DELETE FROM t WHERE k = 1 RETURNING v;
                INSERT INTO t VALUES (10, 'dup') ON CONFLICT(k) DO UPDATE SET v = excluded.v || '!';
                INSERT INTO t VALUES (10, 'x') ON CONFLICT DO NOTHING;
                INSERT INTO t VALUES (11, 'eleven') ON CONFLICT(k) DO UPDATE SET v = 'no';
                SELECT * FROM t;
                INSERT INTO t SELECT k + 100, v FROM t WHERE typeof(k) = 'integer';
                SELECT * FROM t;
                UPDATE t SET k = k + 1000 WHERE k > 100;
                SELECT * FROM t ORDER BY k LIMIT 3
                """,
                """
                PRAGMA foreign_keys = ON;
                CREATE TABLE p(id TEXT PRIMARY KEY, name TEXT UNIQUE, n INT) WITHOUT ROWID;
                CREATE TABLE c(pid TEXT REFERENCES p(id) ON DELETE CASCADE ON UPDATE CASCADE, k INT, v,
                  PRIMARY KEY(pid, k)) WITHOUT ROWID;
                CREATE INDEX cv ON c(v) WHERE v IS NOT NULL;
                CREATE INDEX cexpr ON c(k * 2);
                CREATE TABLE log(msg);
                CREATE TRIGGER tp AFTER INSERT ON p BEGIN INSERT INTO log VALUES ('ins ' || new.id); END;
                CREATE TRIGGER tu AFTER UPDATE ON c BEGIN INSERT INTO log VALUES ('upd ' || old.pid || old.k || '->' || new.pid || new.k); END;
                CREATE TRIGGER td BEFORE DELETE ON c BEGIN INSERT INTO log VALUES ('del ' || old.pid || old.k); END;
                CREATE TRIGGER bad AFTER DELETE ON c BEGIN SELECT old.rowid; END;
                INSERT INTO p VALUES ('a', 'alpha', 1), ('b', 'beta', 2), ('c', 'gamma', 3);
                INSERT INTO c VALUES ('a', 1, 'x'), ('a', 2, NULL), ('b', 1, 'y'), ('c', 5, 'z');
                INSERT INTO c VALUES ('zz', 1, 'bad');
                INSERT INTO p VALUES ('d', 'alpha', 4);
                INSERT OR REPLACE INTO p VALUES ('d', 'alpha', 4);
                SELECT * FROM p;
                SELECT * FROM c;
                INSERT INTO p VALUES ('a', 'again', 9) ON CONFLICT(id) DO UPDATE SET n = n + excluded.n;
                INSERT INTO p VALUES ('e', 'beta', 9) ON CONFLICT(name) DO UPDATE SET n = 100 WHERE n < 50;
                INSERT INTO p VALUES ('f', 'phi', 1) ON CONFLICT DO NOTHING RETURNING *;
                SELECT * FROM p;
                UPDATE p SET id = 'bb' WHERE id = 'b';
                SELECT * FROM c;
                SELECT * FROM c WHERE k * 2 = 4;
                SELECT pid, k FROM c WHERE v = 'y';
                UPDATE c SET k = k + 10 WHERE pid = 'a' RETURNING pid, k, v;
                DELETE FROM p WHERE id = 'c';
                SELECT * FROM c ORDER BY pid, k;
                SELECT * FROM log;
                SELECT p.id, p.name, c.k FROM p JOIN c ON c.pid = p.id ORDER BY 1, 3;
                SELECT p.id, c.k FROM p LEFT JOIN c ON c.pid = p.id ORDER BY 1, 2;
                UPDATE c SET v = p.name FROM p WHERE p.id = c.pid;
                SELECT * FROM c;
                DELETE FROM c WHERE pid = 'a' ORDER BY k DESC LIMIT 1;
                SELECT * FROM c;
                INSERT INTO c SELECT id, n, name FROM p WHERE id <> 'bb';
                SELECT * FROM c;
                PRAGMA foreign_keys = OFF;
                INSERT INTO c VALUES ('orphan', 1, NULL);
                PRAGMA foreign_key_check;
                PRAGMA integrity_check
                """,
                """
                CREATE TABLE t(a TEXT, b INT, c COLLATE NOCASE, d, PRIMARY KEY(b DESC, c)) WITHOUT ROWID;
                INSERT INTO t VALUES ('x', 1, 'p', 1), ('y', 1, 'Q', 2), ('z', 2, 'p', 3), ('w', 3, 'R', NULL);
                CREATE INDEX ta ON t(a);
                EXPLAIN QUERY PLAN SELECT * FROM t WHERE b = 1;
                EXPLAIN QUERY PLAN SELECT * FROM t WHERE b = 1 AND c = 'q';
                EXPLAIN QUERY PLAN SELECT * FROM t WHERE b > 1;
                EXPLAIN QUERY PLAN SELECT * FROM t WHERE b IN (1, 3);
                EXPLAIN QUERY PLAN SELECT * FROM t WHERE a = 'z';
                EXPLAIN QUERY PLAN SELECT a, b, c FROM t WHERE a = 'z';
                EXPLAIN QUERY PLAN SELECT a, b FROM t WHERE a > 'b';
                EXPLAIN QUERY PLAN SELECT * FROM t;
                EXPLAIN QUERY PLAN SELECT * FROM t WHERE d = 1;
                EXPLAIN QUERY PLAN SELECT * FROM t NOT INDEXED WHERE b = 2;
                EXPLAIN QUERY PLAN SELECT * FROM t INDEXED BY ta WHERE b = 2;
                SELECT * FROM t WHERE b IN (1, 3);
                SELECT a, b FROM t WHERE a > 'b';
                CREATE TABLE big(k TEXT PRIMARY KEY, v BLOB, n INT) WITHOUT ROWID;
                CREATE INDEX bn ON big(n);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)
                  INSERT INTO big SELECT printf('key%05d', i) || substr(hex(zeroblob(2000)), 1, i % 11 * 400), zeroblob(i % 40 * 120), i % 17 FROM n;
                SELECT count(*), sum(length(v)), sum(length(k)), sum(n) FROM big;
                SELECT substr(k, 1, 8), length(k), length(v) FROM big WHERE k BETWEEN 'key00100' AND 'key00103';
                SELECT count(*) FROM big WHERE n = 3;
                DELETE FROM big WHERE k > 'key00150' AND k < 'key00650';
                UPDATE big SET v = zeroblob(5000), n = n + 1 WHERE k LIKE 'key001%';
                UPDATE big SET k = k || 'x' WHERE n = 5;
                SELECT count(*), sum(length(v)), sum(length(k)), sum(n) FROM big;
                SELECT count(*) FROM big WHERE n = 6;
                VACUUM;
                SELECT count(*), sum(length(v)), sum(length(k)), sum(n) FROM big;
                PRAGMA integrity_check
                """,
                """
                CREATE TABLE s(a INTEGER PRIMARY KEY, b TEXT NOT NULL, c REAL, d ANY) STRICT, WITHOUT ROWID;
                INSERT INTO s VALUES (1, 'x', 1.5, 'any');
                INSERT INTO s VALUES ('2', 'y', 2, x'00');
                INSERT INTO s VALUES ('abc', 'y', 2, 1);
                INSERT INTO s VALUES (3, NULL, 2, 1);
                SELECT a, typeof(a), b, c, typeof(c), d, typeof(d) FROM s;
                CREATE TABLE g(a TEXT PRIMARY KEY, b INT, c AS (b * 2), d AS (a || b) STORED, e) WITHOUT ROWID;
                INSERT INTO g(a, b, e) VALUES ('k1', 1, 'e1'), ('k2', 2, 'e2');
                UPDATE g SET b = 10 WHERE a = 'k1';
                CREATE INDEX gc ON g(c);
                SELECT a, c FROM g WHERE c > 3;
                SELECT * FROM g;
                CREATE TABLE al(a TEXT PRIMARY KEY, b, c) WITHOUT ROWID;
                CREATE INDEX alc ON al(c);
                INSERT INTO al VALUES ('x', 1, 2), ('y', 3, 4);
                ALTER TABLE al ADD COLUMN d DEFAULT 'dd';
                SELECT * FROM al;
                ALTER TABLE al DROP COLUMN b;
                SELECT * FROM al;
                SELECT a FROM al WHERE c = 4;
                ALTER TABLE al DROP COLUMN a;
                ALTER TABLE al RENAME COLUMN c TO cc;
                ALTER TABLE al RENAME TO al2;
                SELECT * FROM al2 WHERE a = 'y';
                CREATE TABLE st(a, b, c, PRIMARY KEY(a, b)) WITHOUT ROWID;
                CREATE INDEX stc ON st(c);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) INSERT INTO st SELECT i % 5, i, i % 3 FROM n;
                ANALYZE;
                SELECT * FROM sqlite_stat1 ORDER BY idx;
                REINDEX;
                SELECT count(*), sum(c) FROM st WHERE c = 1;
                DROP INDEX sqlite_autoindex_st_1;
                DROP TABLE st;
                SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name
                """);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void sameAsSqlite(String script, @TempDir Path dir) throws SQLException {
        Path file = dir.resolve("t.db");
        try (Database db = Database.open(file.toString()); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : script.split(";\n")) {
                assertEquals(comparable(sql, Differential.sqlite(sqlite, sql)),
                        comparable(sql, Differential.turso(turso, sql)), sql);
            }
            // sqlite-jdbc's build also keeps sqlite_stat4 after ANALYZE, which the default build does not
            String schema = "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name";
            assertEquals(Differential.sqlite(sqlite, schema), Differential.turso(turso, schema));
        }
        assertIntegrity(file);
    }

    /** A query plan by its detail column alone (the ids SQLite numbers its plan rows by are its own). */
    private static Object comparable(String sql, Differential.Result result) {
        if (!sql.startsWith("EXPLAIN QUERY PLAN") || result.error() != null) {
            return result;
        }
        return result.rows().stream().map(row -> row.get(3)).toList();
    }

    /** A file SQLite wrote with WITHOUT ROWID tables (overflow pages, several levels) is read and written here. */
    @Test
    void readsAndWritesWhatSqliteWrote(@TempDir Path dir) throws SQLException, java.io.IOException {
        Path file = dir.resolve("s.db");
        String[] setup = {
            "CREATE TABLE kv(k TEXT PRIMARY KEY, v BLOB, n INT) WITHOUT ROWID",
            "CREATE INDEX kvn ON kv(n)",
            "CREATE TABLE m(a, b, c, PRIMARY KEY(b DESC, a), UNIQUE(c)) WITHOUT ROWID",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO kv "
                + "SELECT printf('k%06d', i) || substr(hex(zeroblob(1000)), 1, i % 7 * 300), zeroblob(i % 50 * 100), "
                + "i % 13 FROM n",
            "INSERT INTO m SELECT n, k, k FROM kv WHERE n < 5"};
        String[] changes = {
            "INSERT INTO kv VALUES ('new', zeroblob(10000), 99)",
            "UPDATE kv SET n = n + 1 WHERE k < 'k000500'",
            "DELETE FROM kv WHERE n = 5",
            "UPDATE kv SET k = k || 'x' WHERE n = 7",
            "DELETE FROM m WHERE a = 1",
            "INSERT INTO m SELECT a + 100, b || 'z', c || 'z' FROM m"};
        String[] queries = {
            "SELECT count(*), sum(length(v)), sum(n), sum(length(k)) FROM kv",
            "SELECT count(*) FROM kv WHERE n = 3",
            "SELECT substr(k, 1, 7), length(k), length(v) FROM kv WHERE k > 'k002990'",
            "SELECT a, substr(b, 1, 7), substr(c, 1, 8) FROM m",
            "PRAGMA index_list(kv)", "PRAGMA index_xinfo(kvn)", "PRAGMA table_xinfo(m)", "PRAGMA index_list(m)"};
        Path mine = dir.resolve("mine.db");
        try (java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
             var st = sqlite.createStatement()) {
            for (String sql : setup) {
                st.executeUpdate(sql);
            }
        }
        java.nio.file.Files.copy(file, mine);
        try (Database db = Database.open(mine.toString()); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (String sql : queries) {
                assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), sql);
            }
            for (String sql : changes) {
                assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), sql);
            }
            for (String sql : queries) {
                assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), sql);
            }
        }
        assertIntegrity(mine);
        try (java.sql.Connection theirs = DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Connection ours = DriverManager.getConnection("jdbc:sqlite:" + mine)) {
            for (String sql : queries) {
                assertEquals(Differential.sqlite(theirs, sql), Differential.sqlite(ours, sql), sql);
            }
            String all = "SELECT k, v, n FROM kv";
            assertEquals(Differential.sqlite(theirs, all), Differential.sqlite(ours, all), "every row of kv, read by SQLite");
        }
    }

    /** PRAGMA integrity_check finds what SQLite finds in a WITHOUT ROWID table whose schema text was changed under it. */
    @Test
    void integrityCheckAsSqlite(@TempDir Path dir) throws SQLException, java.io.IOException {
        Path file = dir.resolve("i.db");
        try (java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
             var st = sqlite.createStatement()) {
            st.executeUpdate("CREATE TABLE t(a TEXT, b INT, c, d, PRIMARY KEY(b DESC, a), UNIQUE(d)) WITHOUT ROWID");
            st.executeUpdate("CREATE INDEX tc ON t(c)");
            st.executeUpdate("INSERT INTO t VALUES ('x', 1, NULL, 1), ('y', 2, 6, 2), ('z', 2, 7, 3), ('w', 0, 7, 4)");
            st.executeUpdate("PRAGMA writable_schema = ON");
            st.executeUpdate("UPDATE sqlite_schema SET sql = 'CREATE TABLE t(a TEXT, b INT, c NOT NULL, d, "
                    + "PRIMARY KEY(b DESC, a), UNIQUE(c)) WITHOUT ROWID' WHERE name = 't'");
            st.executeUpdate("UPDATE sqlite_schema SET sql = 'CREATE UNIQUE INDEX tc ON t(c)' WHERE name = 'tc'");
        }
        Path copy = java.nio.file.Files.copy(file, dir.resolve("copy.db"));
        for (String sql : List.of("PRAGMA integrity_check", "PRAGMA quick_check", "PRAGMA integrity_check(2)")) {
            try (Database db = Database.open(copy.toString()); Connection turso = db.connect();
                 java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                Differential.Result expected = Differential.sqlite(sqlite, sql);
                assertTrue(!expected.rows().equals(List.of(List.of("ok"))), sql + " finds problems: " + expected);
                assertEquals(expected, Differential.turso(turso, sql), sql);
            }
        }
    }

    private static void assertIntegrity(Path file) throws SQLException {
        try (java.sql.Connection check = DriverManager.getConnection("jdbc:sqlite:" + file);
             var st = check.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1), "real SQLite's integrity check of the file written here");
        }
    }
}
