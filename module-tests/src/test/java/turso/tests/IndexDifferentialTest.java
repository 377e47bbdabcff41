package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import turso.api.Connection;
import turso.api.Database;

/**
 * Indexes and UNIQUE / PRIMARY KEY constraints: scripts run statement by
 * statement here (on a file) and on real SQLite give the same rows and
 * errors, the same sqlite_schema, and a file whose indexes real SQLite's
 * integrity check finds consistent with the tables.
 */
class IndexDifferentialTest {

    static Stream<String> scripts() {
        return Stream.of(
                """
                CREATE TABLE t(a UNIQUE, b PRIMARY KEY, c, UNIQUE(c, a), UNIQUE(a));
                CREATE INDEX i ON t(c DESC, b COLLATE NOCASE) WHERE c > 0;
                INSERT INTO t VALUES (1, 2, 3);
                INSERT INTO t VALUES (1, 5, 6);
                INSERT INTO t VALUES (2, 5, 6);
                INSERT INTO t VALUES (2, 6, 3);
                INSERT OR REPLACE INTO t VALUES (1, 7, 8);
                SELECT * FROM t ORDER BY b;
                UPDATE t SET a = 2 WHERE a = 1;
                UPDATE t SET c = 9;
                UPDATE OR REPLACE t SET a = 2 WHERE b = 6;
                SELECT * FROM t ORDER BY b;
                DELETE FROM t WHERE b = 6;
                SELECT * FROM t ORDER BY b;
                CREATE UNIQUE INDEX u ON t(c);
                DROP INDEX u;
                DROP INDEX sqlite_autoindex_t_1;
                DROP INDEX nosuch;
                DROP INDEX IF EXISTS nosuch
                """,
                """
                CREATE TABLE p(id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL, name TEXT);
                INSERT INTO p(email, name) VALUES ('a@x', 'A'), ('b@x', 'B'), ('c@x', 'C');
                INSERT INTO p(email, name) VALUES ('a@x', 'again');
                INSERT OR IGNORE INTO p(email, name) VALUES ('a@x', 'ignored'), ('d@x', 'D');
                INSERT OR REPLACE INTO p(id, email, name) VALUES (2, 'c@x', 'moved');
                SELECT * FROM p ORDER BY id;
                UPDATE p SET id = id + 10;
                SELECT * FROM p ORDER BY id;
                UPDATE p SET email = 'd@x' WHERE name = 'A';
                UPDATE OR IGNORE p SET email = 'd@x' WHERE name = 'A';
                UPDATE p SET email = upper(email);
                SELECT * FROM p ORDER BY id;
                DELETE FROM p WHERE id > 12;
                INSERT INTO p(email) VALUES ('D@X');
                SELECT * FROM p ORDER BY id
                """,
                """
                CREATE TABLE n(a, b, c, UNIQUE(a, b));
                INSERT INTO n VALUES (1, NULL, 1), (1, NULL, 2), (NULL, NULL, 3), (1, 2, 4);
                INSERT INTO n VALUES (1, 2, 5);
                INSERT INTO n VALUES (1.0, 2, 6);
                INSERT INTO n VALUES ('1', 2, 7);
                SELECT * FROM n ORDER BY c;
                CREATE UNIQUE INDEX nc ON n(c);
                CREATE UNIQUE INDEX na ON n(a);
                CREATE INDEX IF NOT EXISTS nc ON n(b);
                CREATE INDEX nc ON n(b);
                CREATE INDEX n ON n(b);
                CREATE INDEX sqlite_mine ON n(b);
                CREATE INDEX nz ON n(zz);
                CREATE INDEX nq ON nosuch(a);
                CREATE INDEX main.nb ON n(b COLLATE NOCASE DESC) ;
                REINDEX;
                REINDEX n;
                REINDEX nb;
                REINDEX nocase;
                REINDEX main.nc;
                REINDEX nosuch;
                SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name
                """,
                """
                CREATE TABLE k(a TEXT COLLATE NOCASE PRIMARY KEY, b UNIQUE ON CONFLICT REPLACE, c);
                INSERT INTO k VALUES ('x', 1, 'first'), ('y', 2, 'second');
                INSERT INTO k VALUES ('X', 3, 'nocase dup');
                INSERT INTO k VALUES ('z', 1, 'replaces first');
                SELECT * FROM k ORDER BY a;
                INSERT OR ABORT INTO k VALUES ('w', 2, 'statement clause wins');
                SELECT * FROM k ORDER BY a
                """,
                """
                CREATE TABLE big(id INTEGER PRIMARY KEY, v TEXT, w INTEGER);
                INSERT INTO big(v, w) VALUES ('v1', 1), ('v2', 2), ('v3', 3), ('v4', 4), ('v5', 5);
                INSERT INTO big(v, w) SELECT v || 'x', w + 5 FROM big;
                INSERT INTO big(v, w) SELECT v || 'y', w + 10 FROM big;
                INSERT INTO big(v, w) SELECT v || 'z', w + 20 FROM big;
                INSERT INTO big(v, w) SELECT v || 'q', w + 40 FROM big;
                INSERT INTO big(v, w) SELECT v || 'r', w + 80 FROM big;
                INSERT INTO big(v, w) SELECT v || 's', w + 160 FROM big;
                INSERT INTO big(v, w) SELECT v || 't', w + 320 FROM big;
                INSERT INTO big(v, w) SELECT v || 'u', w + 640 FROM big;
                CREATE INDEX bw ON big(w);
                CREATE UNIQUE INDEX bv ON big(v);
                UPDATE big SET w = w % 7 WHERE id % 3 = 0;
                DELETE FROM big WHERE id % 5 = 0;
                SELECT count(*), sum(w), max(v) FROM big
                """,
                """
                CREATE TABLE t(a, b, c COLLATE NOCASE);
                CREATE INDEX e1 ON t(random());
                CREATE INDEX e2 ON t((SELECT 1));
                CREATE INDEX e3 ON t(a + ?);
                CREATE INDEX e4 ON t(nosuch + 1);
                CREATE INDEX e5 ON t(sum(a));
                CREATE INDEX e6 ON t(rowid + 1);
                CREATE INDEX e9 ON t(t.a + 1);
                CREATE INDEX e7 ON t(a + b, lower(c) DESC, (c), c || '' COLLATE NOCASE);
                PRAGMA index_xinfo(e7);
                PRAGMA index_list(t);
                INSERT INTO t VALUES (1, 2, 'x'), (2, 1, 'Y'), (3, NULL, 'z'), (4, 4, NULL);
                CREATE UNIQUE INDEX e8 ON t(a + b);
                CREATE UNIQUE INDEX e8 ON t(a * 10 + b);
                CREATE INDEX e10 ON t(abs(a), +a) WHERE b IS NOT NULL;
                INSERT INTO t VALUES (0, 12, 'q');
                INSERT INTO t VALUES (0, 13, 'q');
                INSERT OR REPLACE INTO t VALUES (0, 12, 'r');
                UPDATE t SET b = b + 1 WHERE a = 2;
                UPDATE t SET a = 1, b = 11 WHERE a = 4;
                DELETE FROM t WHERE c = 'Z';
                SELECT rowid, * FROM t ORDER BY rowid;
                SELECT a FROM t WHERE a + b = 3;
                SELECT count(*) FROM t WHERE lower(c) = 'y'
                """);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void sameAsSqlite(String script, @TempDir Path dir) throws SQLException {
        Path file = dir.resolve("t.db");
        try (Differential.Engines engines = Differential.Engines.open(file)) {
            engines.assertSameScript(script);
            engines.assertSame(Differential.SCHEMA);
        }
        Differential.assertIntegrity(file);
    }

    /**
     * ANALYZE of everything, of a table, of an index: sqlite_stat1 holds what
     * SQLite computes (sqlite-jdbc's build also keeps sqlite_stat4, which
     * the default build, like the sqlite3 CLI's, does not: not compared).
     */
    @Test
    void analyzeAsSqlite(@TempDir Path dir) throws SQLException {
        String script = """
                CREATE TABLE t(a, b, c);
                CREATE INDEX ia ON t(a);
                CREATE INDEX iab ON t(a, b COLLATE NOCASE);
                CREATE UNIQUE INDEX ic ON t(c);
                CREATE INDEX ip ON t(b) WHERE a > 2;
                CREATE INDEX id ON t(c DESC, a);
                CREATE TABLE u(x);
                CREATE TABLE e(y);
                CREATE INDEX ey ON e(y);
                CREATE TABLE w(p INTEGER PRIMARY KEY, q UNIQUE);
                ANALYZE nosuch;
                ANALYZE;
                SELECT * FROM sqlite_stat1 ORDER BY tbl, idx;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
                    INSERT INTO t SELECT i % 7, CASE WHEN i % 3 = 0 THEN 'X' ELSE 'x' END || (i % 5), i FROM n;
                INSERT INTO t VALUES (NULL, NULL, NULL), (NULL, NULL, NULL);
                INSERT INTO u VALUES (1), (2);
                INSERT INTO w VALUES (1, 1), (2, NULL);
                ANALYZE;
                SELECT * FROM sqlite_stat1 ORDER BY tbl, idx;
                SELECT sql FROM sqlite_schema WHERE name = 'sqlite_stat1';
                INSERT INTO u VALUES (3);
                DELETE FROM t WHERE a = 1;
                ANALYZE u;
                SELECT * FROM sqlite_stat1 ORDER BY tbl, idx;
                ANALYZE ia;
                SELECT * FROM sqlite_stat1 ORDER BY tbl, idx;
                ANALYZE main.t;
                SELECT * FROM sqlite_stat1 ORDER BY tbl, idx;
                ANALYZE main;
                SELECT * FROM sqlite_stat1 ORDER BY tbl, idx;
                SELECT a, count(*) FROM t WHERE a > 4 GROUP BY a""";
        Path file = dir.resolve("a.db");
        try (Differential.Engines engines = Differential.Engines.open(file)) {
            engines.assertSameScript(script);
        }
        Differential.assertIntegrity(file);
    }

    /** A database SQLite wrote with indexes is written here, and SQLite finds its indexes consistent. */
    @Test
    void writesIndexesSqliteMade(@TempDir Path dir) throws SQLException {
        Path file = dir.resolve("s.db");
        try (java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
             var st = sqlite.createStatement()) {
            st.executeUpdate("CREATE TABLE s(id INTEGER PRIMARY KEY, a TEXT UNIQUE, b, c)");
            st.executeUpdate("CREATE INDEX sbc ON s(b, c DESC)");
            st.executeUpdate("CREATE INDEX sp ON s(c) WHERE b > 10");
            st.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                    + "INSERT INTO s(a, b, c) SELECT printf('key %d', i), i % 17, i * 3 FROM n");
        }
        try (Database db = Database.open(file.toString()); Connection turso = db.connect()) {
            turso.execute("INSERT INTO s(a, b, c) VALUES ('new', 20, 1)");
            turso.execute("UPDATE s SET b = b + 1 WHERE id % 3 = 0");
            turso.execute("DELETE FROM s WHERE id % 7 = 0");
            assertEquals("UNIQUE constraint failed: s.a",
                    Differential.turso(turso, "INSERT INTO s(a) VALUES ('key 1')").error());
        }
        Differential.assertIntegrity(file);
    }
}
