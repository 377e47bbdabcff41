package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import turso.api.Connection;
import turso.api.Database;

/**
 * The temp database: TEMP tables, views, triggers and indexes, the
 * "temp." and "main." qualifiers, name lookup (temp before main),
 * sqlite_temp_master, and the errors SQLite gives for misplaced
 * qualifiers. Each script runs statement by statement here (on a file) and
 * on real SQLite (sqlite-jdbc, on a file too), which must give the same
 * rows and errors; then both main schemas must be the same, and the temp
 * database must be gone on a new connection.
 */
class TempObjectsDifferentialTest {

    static Stream<String> scripts() {
        return Stream.of(
                """
                CREATE TABLE t(a, b);
                INSERT INTO t VALUES (1, 'main');
                CREATE TEMP TABLE t(a, b);
                INSERT INTO t VALUES (2, 'temp');
                SELECT * FROM t;
                SELECT * FROM main.t;
                SELECT * FROM temp.t;
                SELECT x.b, y.b FROM main.t AS x, temp.t AS y;
                SELECT main.t.a, temp.t.b, t.b FROM main.t, temp.t;
                SELECT nosuch.t.a FROM t;
                SELECT temp.t.a FROM main.t;
                UPDATE t SET a = a + 10;
                UPDATE main.t SET a = a + 100;
                SELECT * FROM main.t UNION ALL SELECT * FROM temp.t;
                DELETE FROM temp.t;
                SELECT count(*) FROM t;
                DROP TABLE t;
                SELECT * FROM t;
                DROP TABLE t;
                SELECT * FROM t
                """,
                """
                CREATE TEMPORARY TABLE tt(id INTEGER PRIMARY KEY, v TEXT UNIQUE, w CHECK(w > 0));
                INSERT INTO tt(v, w) VALUES ('a', 1), ('b', 2);
                INSERT INTO tt(v, w) VALUES ('a', 3);
                INSERT INTO tt(v, w) VALUES ('c', -1);
                CREATE INDEX temp.tw ON tt(w);
                CREATE INDEX tv2 ON tt(v, w);
                SELECT type, name, tbl_name, sql FROM sqlite_temp_master ORDER BY name;
                SELECT type, name, tbl_name, sql FROM temp.sqlite_master ORDER BY name;
                SELECT type, name, tbl_name, sql FROM sqlite_temp_schema ORDER BY name;
                SELECT name FROM sqlite_schema;
                SELECT type, name FROM (SELECT * FROM sqlite_master UNION ALL SELECT * FROM sqlite_temp_master)
                  WHERE type = 'table' ORDER BY name;
                SELECT * FROM tt WHERE w = 2;
                SELECT * FROM tt WHERE v > 'a' ORDER BY v;
                DROP INDEX tw;
                DROP INDEX temp.tv2;
                SELECT name FROM sqlite_temp_master ORDER BY name
                """,
                """
                CREATE TABLE t1(x);
                INSERT INTO t1 VALUES (1), (-2), (3);
                CREATE TEMP VIEW view2 AS SELECT x FROM t1 WHERE x > 0;
                CREATE TEMPORARY VIEW view3 AS SELECT x FROM t1 WHERE x>0;
                SELECT * FROM view2 ORDER BY x;
                SELECT * FROM temp.view3 ORDER BY x;
                SELECT * FROM main.view2;
                SELECT type, name, sql FROM sqlite_temp_master ORDER BY name;
                CREATE VIEW view2 AS SELECT 1;
                CREATE TEMP VIEW view2 AS SELECT 1;
                CREATE TEMP VIEW IF NOT EXISTS view2 AS SELECT 1;
                DELETE FROM view2;
                DROP VIEW view2;
                DROP VIEW temp.view3;
                DROP VIEW view3;
                DROP VIEW IF EXISTS view3;
                SELECT name FROM sqlite_temp_master
                """,
                """
                CREATE TEMP TABLE main.x(a);
                CREATE TEMP VIEW main.v AS SELECT 1;
                CREATE TABLE nosuch.x(a);
                CREATE TABLE temp.x(a);
                CREATE VIEW temp.v AS SELECT a FROM x;
                SELECT type, name, sql FROM sqlite_temp_master ORDER BY name;
                SELECT * FROM v;
                CREATE TABLE m(a);
                CREATE INDEX temp.mi ON m(a);
                CREATE INDEX temp.mi ON nothere(a);
                CREATE INDEX main.xi ON x(a);
                SELECT * FROM nosuch.x;
                SELECT * FROM temp.m;
                INSERT INTO temp.m VALUES (1);
                DROP TABLE main.x;
                DROP TABLE temp.m
                """,
                """
                CREATE TABLE log(msg);
                CREATE TABLE m(a);
                CREATE TEMP TABLE tt(a);
                CREATE TEMP TRIGGER tr1 AFTER INSERT ON m BEGIN INSERT INTO log VALUES ('m ' || new.a); END;
                CREATE TRIGGER tr2 AFTER INSERT ON tt BEGIN INSERT INTO log VALUES ('tt ' || new.a); END;
                CREATE TEMP TRIGGER main.tr3 AFTER INSERT ON m BEGIN SELECT 1; END;
                INSERT INTO m VALUES (1);
                INSERT INTO tt VALUES (2);
                SELECT * FROM log;
                SELECT type, name, tbl_name FROM sqlite_temp_master ORDER BY name;
                SELECT type, name, tbl_name FROM sqlite_schema ORDER BY name;
                DROP TRIGGER tr1;
                DROP TRIGGER temp.tr2;
                INSERT INTO m VALUES (3);
                INSERT INTO tt VALUES (4);
                SELECT * FROM log
                """,
                """
                CREATE TABLE log(msg);
                CREATE TABLE m(a);
                CREATE TRIGGER mt AFTER INSERT ON m BEGIN INSERT INTO log VALUES ('main trigger ' || new.a); END;
                CREATE TEMP TRIGGER tt AFTER INSERT ON m BEGIN INSERT INTO log VALUES ('temp trigger ' || new.a); END;
                CREATE TEMP TABLE log(msg);
                INSERT INTO m VALUES (1);
                SELECT * FROM main.log;
                SELECT * FROM temp.log;
                CREATE VIEW mv AS SELECT msg FROM log;
                CREATE TEMP VIEW tv AS SELECT msg FROM log;
                SELECT * FROM mv;
                SELECT * FROM tv;
                DROP TABLE temp.log;
                SELECT * FROM tv;
                INSERT INTO m VALUES (2);
                SELECT * FROM log
            """,
                """
                CREATE TEMP TABLE s(id INTEGER PRIMARY KEY AUTOINCREMENT, v);
                INSERT INTO s(v) VALUES ('a'), ('b');
                DELETE FROM s WHERE id = 2;
                INSERT INTO s(v) VALUES ('c');
                SELECT * FROM s;
                SELECT name, seq FROM temp.sqlite_sequence;
                SELECT type, name FROM sqlite_temp_master ORDER BY name;
                SELECT count(*) FROM sqlite_schema
                """,
                """
                CREATE TEMP TABLE t(a);
                BEGIN;
                INSERT INTO t VALUES (1);
                ROLLBACK;
                SELECT count(*) FROM t;
                BEGIN;
                INSERT INTO t VALUES (2);
                COMMIT;
                SELECT * FROM t;
                CREATE TEMP TABLE u(a UNIQUE);
                BEGIN;
                INSERT INTO u VALUES (1);
                INSERT INTO u VALUES (2), (1);
                COMMIT;
                SELECT * FROM u;
                PRAGMA temp.table_info(u);
                PRAGMA table_info(t);
                PRAGMA temp.index_list(u);
                PRAGMA temp.user_version;
                PRAGMA nosuch.user_version
                """,
                """
                CREATE TEMP TABLE sp(a);
                CREATE TABLE mp(a);
                BEGIN;
                INSERT INTO sp VALUES (1);
                SAVEPOINT s1;
                INSERT INTO sp VALUES (2);
                INSERT INTO mp VALUES (2);
                ROLLBACK TO s1;
                SELECT * FROM sp;
                SELECT * FROM mp;
                SAVEPOINT s2;
                INSERT INTO mp VALUES (3);
                SAVEPOINT s3;
                INSERT INTO sp VALUES (3);
                ROLLBACK TO s2;
                RELEASE s1;
                COMMIT;
                SELECT * FROM sp;
                SELECT * FROM mp;
                SAVEPOINT outer1;
                INSERT INTO sp VALUES (9);
                RELEASE outer1;
                SELECT * FROM sp;
                SAVEPOINT o2;
                CREATE TEMP TABLE gone(x);
                INSERT INTO gone VALUES (1);
                SELECT * FROM gone;
                ROLLBACK TO o2;
                SELECT * FROM gone;
                RELEASE o2;
                SELECT name FROM sqlite_temp_master;
                PRAGMA temp_store;
                PRAGMA temp_store = memory;
                PRAGMA temp_store;
                CREATE TEMP TABLE z(a);
                INSERT INTO z VALUES (1);
                PRAGMA temp_store = 2;
                SELECT * FROM z;
                PRAGMA temp_store = FILE;
                PRAGMA temp_store;
                SELECT * FROM z;
                CREATE TEMP TABLE z(a);
                BEGIN;
                INSERT INTO z VALUES (2);
                PRAGMA temp_store = 0;
                COMMIT;
                SELECT * FROM z;
                PRAGMA temp_store = 0;
                PRAGMA temp_store;
                SELECT * FROM z
                """);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void sameAsSqlite(String script, @TempDir Path dir) throws SQLException {
        Path file = dir.resolve("t.db");
        try (Differential.Engines engines = Differential.Engines.open(file, "jdbc:sqlite:" + dir.resolve("s.db"))) {
            engines.assertSameScript(script);
            engines.assertSame(Differential.SCHEMA);
        }
        try (Differential.Engines engines = Differential.Engines.open(file, "jdbc:sqlite:" + dir.resolve("s.db"))) {
            engines.assertSame("SELECT count(*) FROM sqlite_temp_master");
        }
    }

    /** TEMP objects can be made and written on a read-only database, whose own tables cannot. */
    @org.junit.jupiter.api.Test
    void onReadOnlyDatabase(@TempDir Path dir) throws SQLException {
        String script = """
                CREATE TEMP TABLE t(a);
                INSERT INTO t SELECT x FROM m;
                UPDATE t SET a = a * 2;
                SELECT * FROM t;
                CREATE TEMP VIEW v AS SELECT a + 1 AS b FROM t;
                SELECT * FROM v;
                CREATE TABLE n(a);
                INSERT INTO m VALUES (2);
                INSERT INTO temp.t VALUES (3);
                SELECT * FROM t
                """;
        Path mine = dir.resolve("mine.db");
        Path theirs = dir.resolve("theirs.db");
        for (Path file : new Path[] {mine, theirs}) {
            try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 var st = c.createStatement()) {
                st.executeUpdate("CREATE TABLE m(x); INSERT INTO m VALUES (1)");
            }
        }
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Database db = Database.open(mine.toString(), turso.api.OpenOptions.defaults().withReadOnly(true));
             Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + theirs, readOnly.toProperties())) {
            for (String sql : script.split(";\n")) {
                assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), sql);
            }
        }
    }

    /** A TEMP table is seen only by the connection that made it, even on an in-memory database they share. */
    @org.junit.jupiter.api.Test
    void visibleToItsConnectionOnly(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("v.db").toString()); Connection a = db.connect();
             Connection b = db.connect()) {
            a.execute("CREATE TEMP TABLE only_a(x); INSERT INTO only_a VALUES (1)");
            assertEquals("no such table: only_a", Differential.turso(b, "SELECT * FROM only_a").error());
            assertEquals(java.util.List.of(java.util.List.of(1L)), Differential.turso(a, "SELECT * FROM only_a").rows());
        }
    }
}
