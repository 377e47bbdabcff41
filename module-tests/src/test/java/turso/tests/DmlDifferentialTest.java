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
 * INSERT / UPDATE / DELETE features beyond the basics (CHECK constraints,
 * AUTOINCREMENT, DEFAULT expressions, RETURNING, upsert, ALTER TABLE):
 * scripts run statement by statement here (on a file) and on real SQLite
 * (sqlite-jdbc) give the same rows and errors and the same sqlite_schema, and
 * the file written here passes real SQLite's integrity check.
 */
class DmlDifferentialTest {

    static Stream<String> scripts() {
        return Stream.of(
                """
                CREATE TABLE t(a CHECK( a  >  0 ), b, CONSTRAINT bpos CHECK(b>0), CHECK (a<>b) );
                INSERT INTO t VALUES (1, 2);
                INSERT INTO t VALUES (0, 2);
                INSERT INTO t VALUES (1, -2);
                INSERT INTO t VALUES (2, 2);
                INSERT INTO t VALUES (NULL, NULL);
                INSERT OR IGNORE INTO t VALUES (5, 6), (-1, 3), (7, 8);
                INSERT OR REPLACE INTO t VALUES (0, 1);
                SELECT * FROM t ORDER BY a;
                UPDATE t SET b = a WHERE a = 5;
                UPDATE t SET b = -b;
                UPDATE OR IGNORE t SET a = a - 5;
                SELECT * FROM t ORDER BY a;
                INSERT INTO t SELECT a + 10, b FROM t WHERE a IS NOT NULL;
                SELECT * FROM t ORDER BY a
                """,
                """
                CREATE TABLE c(x INTEGER PRIMARY KEY, y TEXT CONSTRAINT len CHECK(length(y) < 4) CHECK(y <> 'no'),
                  z REAL DEFAULT 1.5, CHECK (x + z < 100));
                INSERT INTO c(y) VALUES ('abc');
                INSERT INTO c(y) VALUES ('abcd');
                INSERT INTO c(y) VALUES ('no');
                INSERT INTO c(x, y) VALUES (99, 'ok');
                INSERT INTO c(x, y, z) VALUES (50, 'ok', '49');
                INSERT INTO c(x, y, z) VALUES (50, 'ok', '48');
                UPDATE c SET x = 98.5 WHERE x = 50;
                UPDATE c SET x = 98 WHERE x = 50;
                SELECT * FROM c ORDER BY x;
                CREATE TABLE bad1(a CHECK(b > 0));
                CREATE TABLE bad2(a CHECK(a > ?));
                CREATE TABLE bad3(a CHECK(a > (SELECT 1)));
                CREATE TABLE bad4(a CHECK(a IN (SELECT 1)));
                CREATE TABLE bad5(a CHECK(nosuch(a) > 0));
                CREATE TABLE ok1(a CHECK(ok1.a > 0), b CHECK(typeof(b) = 'integer'));
                INSERT INTO ok1 VALUES (1, '7');
                INSERT INTO ok1 VALUES (1, 'x');
                INSERT INTO ok1 VALUES (-1, 7);
                SELECT * FROM ok1;
                CREATE TABLE nm(a CONSTRAINT x NOT NULL CHECK(a<10), b CHECK(b>0), CHECK(b<>5) CONSTRAINT n CHECK(b>0)
                  CHECK(b<>7), CHECK(b<>9));
                INSERT INTO nm VALUES (20, 1);
                INSERT INTO nm VALUES (1, -1);
                INSERT INTO nm VALUES (1, 5);
                INSERT INTO nm VALUES (1, 7);
                INSERT INTO nm VALUES (1, 9);
                INSERT INTO nm VALUES (1, 10);
                SELECT * FROM nm
                """,
                """
                CREATE TABLE t(id INTEGER PRIMARY KEY, a, b DEFAULT 7);
                INSERT INTO t(a) VALUES (1), (2) RETURNING id, a, a+1,  *, rowid, t.a, b AS bb, typeof( a ) ;
                INSERT INTO t(a) VALUES (3) RETURNING (SELECT count(*) FROM t), "a", a /* note */ ;
                UPDATE t SET a = a * 10 WHERE id = 1 RETURNING *, a;
                UPDATE t SET a = a * 10 RETURNING *, (SELECT sum(a) FROM t);
                UPDATE t AS x SET b = 0 WHERE id = 2 RETURNING x.b, b;
                UPDATE t AS x SET b = 0 WHERE x.id = 2 RETURNING t.b, b;
                DELETE FROM t AS y WHERE y.id = 100 RETURNING y.id;
                UPDATE t SET a = a * 10 RETURNING old;
                DELETE FROM t WHERE id = 1 RETURNING a, id + 100, (SELECT count(*) FROM t);
                DELETE FROM t RETURNING max(a);
                INSERT INTO t VALUES (1, 2, 3) RETURNING t.*;
                INSERT INTO t AS x VALUES (10, 2, 3) RETURNING x.a;
                INSERT INTO t SELECT id + 100, a, b FROM t RETURNING id, a;
                INSERT OR IGNORE INTO t VALUES (2, 0, 0), (4, 4, 4) RETURNING *;
                SELECT * FROM t ORDER BY id;
                DELETE FROM t WHERE a > 10 RETURNING *;
                DELETE FROM t RETURNING id;
                SELECT count(*) FROM t
                """,
                """
                CREATE TABLE t(id INTEGER PRIMARY KEY, a UNIQUE, b UNIQUE, c);
                INSERT INTO t VALUES (1, 1, 1, 1), (2, 2, 2, 2);
                INSERT INTO t VALUES (3, 2, 1, 0) ON CONFLICT(a) DO UPDATE SET c = excluded.c + 100;
                SELECT * FROM t ORDER BY id;
                INSERT INTO t VALUES (1, 1, 2, 0) ON CONFLICT(b) DO UPDATE SET c = excluded.c + 200;
                SELECT * FROM t ORDER BY id;
                INSERT INTO t VALUES (1, 5, 5, 5) ON CONFLICT(id) DO UPDATE SET c = c + 1 RETURNING *;
                INSERT INTO t VALUES (9, 1, 9, 9) ON CONFLICT DO NOTHING;
                INSERT INTO t VALUES (9, 9, 9, 9) ON CONFLICT(a) DO NOTHING ON CONFLICT(b) DO NOTHING;
                INSERT INTO t VALUES (2, 8, 8, 8) ON CONFLICT(a) DO NOTHING;
                INSERT INTO t VALUES (10, 1, 10, 10) ON CONFLICT(a) DO UPDATE SET id = 20, c = t.c * 2 WHERE excluded.c > 5;
                INSERT INTO t VALUES (11, 1, 11, 1) ON CONFLICT(a) DO UPDATE SET c = -1 WHERE excluded.c > 5;
                SELECT * FROM t ORDER BY id;
                INSERT INTO t VALUES (12, 1, 12, 12) ON CONFLICT(a) DO UPDATE SET b = 2;
                INSERT INTO t VALUES (12, 1, 12, 12) ON CONFLICT(a) DO UPDATE SET id = 2;
                INSERT INTO t VALUES (12, 1, 12, 12) ON CONFLICT(c) DO NOTHING;
                INSERT INTO t VALUES (12, 1, 12, 12) ON CONFLICT(a) DO UPDATE SET nosuch = 1;
                INSERT INTO t VALUES (12, 1, 12, 12) ON CONFLICT DO NOTHING ON CONFLICT(a) DO NOTHING;
                INSERT INTO t VALUES (12, 1, 12, 12) ON CONFLICT DO UPDATE SET c = excluded.c RETURNING id, c;
                INSERT INTO t VALUES (2, 13, 13, 13) ON CONFLICT DO UPDATE SET c = 'pk';
                INSERT INTO t SELECT id + 100, a, b + 100, c FROM t WHERE true ON CONFLICT(a) DO UPDATE SET c = excluded.id;
                SELECT * FROM t ORDER BY id;
                SELECT changes(), total_changes() > 0;
                CREATE TABLE v(x, y, z, UNIQUE(y, x), UNIQUE(z COLLATE NOCASE));
                CREATE UNIQUE INDEX vp ON v(x) WHERE y > 0;
                INSERT INTO v VALUES (1, 2, 'a'), (3, -4, 'b');
                INSERT INTO v VALUES (1, 2, 'c') ON CONFLICT(x, y) DO UPDATE SET z = 'xy';
                INSERT INTO v VALUES (5, 6, 'A') ON CONFLICT(z) DO UPDATE SET z = 'none';
                INSERT INTO v VALUES (5, 6, 'A') ON CONFLICT(z COLLATE NOCASE) DO UPDATE SET z = 'nocase';
                INSERT INTO v VALUES (1, 7, 'd') ON CONFLICT(x) DO NOTHING;
                INSERT INTO v VALUES (1, 7, 'd') ON CONFLICT(x) WHERE y > 0 DO UPDATE SET z = 'partial';
                INSERT OR IGNORE INTO v VALUES (1, 2, 'e') ON CONFLICT(z) DO NOTHING;
                INSERT OR REPLACE INTO v VALUES (3, -4, 'f') ON CONFLICT(z) DO NOTHING;
                SELECT * FROM v ORDER BY x, y
                """,
                """
                CREATE TABLE d(id INTEGER PRIMARY KEY, a DEFAULT -1, b DEFAULT +2.5, c DEFAULT (1 + 2), e DEFAULT 'x',
                  f DEFAULT x'00ff', g DEFAULT NULL, h DEFAULT TRUE, i DEFAULT abc, j INTEGER DEFAULT '12',
                  k DEFAULT (upper('q') || 'r'), l DEFAULT -9223372036854775808, m DEFAULT (- 5), n DEFAULT 1e3);
                INSERT INTO d DEFAULT VALUES;
                INSERT INTO d(id) VALUES (5);
                SELECT id, a, typeof(a), b, c, e, f, g, h, i, j, typeof(j), k, l, typeof(l), m, n, typeof(n) FROM d;
                CREATE TABLE ts(id, t DEFAULT CURRENT_TIME, d DEFAULT CURRENT_DATE, s DEFAULT CURRENT_TIMESTAMP);
                INSERT INTO ts(id) VALUES (1);
                SELECT typeof(t), length(t), typeof(d), length(d), typeof(s), length(s), s = d || ' ' || t,
                  d = date('now'), abs(strftime('%s', s) - strftime('%s', 'now')) < 5 FROM ts;
                CREATE TABLE bad1(a DEFAULT (random()));
                INSERT INTO bad1 DEFAULT VALUES;
                SELECT typeof(a) FROM bad1;
                CREATE TABLE bad2(a DEFAULT (b + 1), b);
                CREATE TABLE bad3(a DEFAULT (SELECT 1));
                CREATE TABLE bad4(a DEFAULT (?));
                CREATE TABLE bad5(a DEFAULT (abs(x)));
                SELECT name FROM sqlite_schema ORDER BY name
                """,
                """
                CREATE TABLE p(k PRIMARY KEY);
                CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, u UNIQUE, i, c CHECK(c>0), p, f REFERENCES p(k),
                  z /* zz */, g, CHECK (g IS NOT 5) , UNIQUE(u, i));
                CREATE INDEX ti ON t(i);
                CREATE INDEX tp ON t(u) WHERE p > 0;
                CREATE TABLE o(a REFERENCES t(z), b, FOREIGN KEY (b) REFERENCES "t"(u));
                INSERT INTO t(u, i, c, p, f, z, g) VALUES (1, 2, 3, 4, 5, 6, 7), (8, 9, 10, 11, 12, 13, 14);
                ALTER TABLE t DROP COLUMN id;
                ALTER TABLE t DROP COLUMN u;
                ALTER TABLE t DROP COLUMN i;
                ALTER TABLE t DROP COLUMN p;
                ALTER TABLE t DROP COLUMN g;
                ALTER TABLE t DROP COLUMN nosuch;
                ALTER TABLE t DROP COLUMN c;
                ALTER TABLE t DROP "z";
                SELECT * FROM t;
                ALTER TABLE t RENAME COLUMN nosuch TO k;
                ALTER TABLE t RENAME COLUMN f TO u;
                ALTER TABLE t RENAME COLUMN rowid TO k;
                ALTER TABLE t RENAME COLUMN u TO "k""q";
                ALTER TABLE t RENAME i TO [i i];
                ALTER TABLE t RENAME p TO pp;
                SELECT * FROM t;
                ALTER TABLE t RENAME TO p;
                ALTER TABLE t RENAME TO sqlite_x;
                CREATE VIEW bad AS SELECT x.u FROM t AS x;
                ALTER TABLE t RENAME TO "new""t";
                DROP VIEW bad;
                CREATE VIEW tv AS SELECT t.f, x.pp FROM t, (SELECT * FROM t) AS x
                  WHERE t.f IN (SELECT f FROM main.t) AND EXISTS (SELECT 1 FROM t AS t2 WHERE t2.f = t.f);
                CREATE VIEW other AS SELECT 1 AS one;
                ALTER TABLE t RENAME TO "new""t";
                SELECT * FROM tv;
                SELECT * FROM other;
                SELECT * FROM "new""t";
                SELECT * FROM sqlite_sequence;
                INSERT INTO "new""t"(f) VALUES (99);
                SELECT * FROM "new""t";
                ALTER TABLE "new""t" ADD COLUMN d TEXT DEFAULT 'x' NOT NULL;
                ALTER TABLE "new""t" ADD e;
                ALTER TABLE "new""t" ADD COLUMN   f2  INT  DEFAULT -1 ;
                ALTER TABLE "new""t" ADD COLUMN g CHECK(g > 0);
                ALTER TABLE "new""t" ADD COLUMN g2 CHECK(g2 > 0);
                ALTER TABLE "new""t" ADD COLUMN h INTEGER DEFAULT '12';
                ALTER TABLE "new""t" ADD COLUMN j DEFAULT (1);
                ALTER TABLE "new""t" ADD COLUMN k DEFAULT abc;
                ALTER TABLE "new""t" ADD x;
                ALTER TABLE "new""t" ADD COLUMN q PRIMARY KEY;
                ALTER TABLE "new""t" ADD COLUMN q UNIQUE;
                ALTER TABLE "new""t" ADD COLUMN q NOT NULL;
                ALTER TABLE "new""t" ADD COLUMN q DEFAULT CURRENT_TIME;
                ALTER TABLE "new""t" ADD COLUMN q DEFAULT (1 + 1);
                ALTER TABLE "new""t" ADD COLUMN d;
                SELECT *, typeof(h) FROM "new""t";
                INSERT INTO "new""t"(f) VALUES (100);
                SELECT * FROM "new""t";
                ALTER TABLE sqlite_schema ADD x;
                ALTER TABLE sqlite_sequence ADD x;
                ALTER TABLE nosuch ADD x;
                CREATE VIEW v AS SELECT 1 AS x;
                ALTER TABLE v ADD y;
                ALTER TABLE v DROP x;
                ALTER TABLE v RENAME TO w;
                CREATE TABLE c(a , UNIQUE(a) );
                INSERT INTO c VALUES (1), (2);
                ALTER TABLE c ADD b  ;
                ALTER TABLE c ADD c DEFAULT 5;
                ALTER TABLE c DROP COLUMN b;
                ALTER TABLE c DROP COLUMN c;
                ALTER TABLE c DROP COLUMN a;
                CREATE TABLE one(a);
                ALTER TABLE one DROP COLUMN a;
                INSERT INTO one VALUES (1), (NULL);
                ALTER TABLE one ADD b DEFAULT 0 CHECK(b > 0);
                ALTER TABLE one ADD b NOT NULL DEFAULT 0 CHECK(a > 5);
                ALTER TABLE one ADD b DEFAULT 3 CHECK(b > a);
                ALTER TABLE one ADD c CHECK(c IS NULL);
                SELECT * FROM one;
                CREATE TABLE empty(a);
                ALTER TABLE empty ADD b DEFAULT 0 CHECK(b > 0);
                SELECT * FROM c
                """,
                """
                CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, b UNIQUE);
                SELECT * FROM sqlite_sequence;
                INSERT INTO t SELECT 1, 1 WHERE 0;
                SELECT * FROM sqlite_sequence;
                INSERT INTO t(b) VALUES (1), (2);
                SELECT * FROM sqlite_sequence;
                DELETE FROM t;
                INSERT INTO t(b) VALUES (5);
                SELECT * FROM t;
                INSERT INTO t VALUES (100, 6);
                INSERT INTO t VALUES (50, 7);
                INSERT INTO t VALUES (-5, 8);
                SELECT * FROM sqlite_sequence;
                INSERT OR IGNORE INTO t VALUES (500, 5);
                SELECT * FROM sqlite_sequence;
                INSERT INTO t VALUES (600, NULL), (2, 5);
                SELECT * FROM sqlite_sequence;
                UPDATE sqlite_sequence SET seq = 1000;
                INSERT INTO t(b) VALUES (9);
                INSERT INTO t(id, b) VALUES (NULL, 10);
                SELECT * FROM t ORDER BY id;
                SELECT * FROM sqlite_sequence;
                UPDATE t SET id = 5000 WHERE b = 9;
                SELECT * FROM sqlite_sequence;
                CREATE TABLE u(id INTEGER PRIMARY KEY AUTOINCREMENT, v);
                INSERT INTO u(v) SELECT b FROM t;
                SELECT rowid, * FROM sqlite_sequence;
                SELECT * FROM u;
                DROP TABLE t;
                SELECT rowid, * FROM sqlite_sequence;
                INSERT INTO u VALUES (9223372036854775807, 'max');
                INSERT INTO u(v) VALUES ('full');
                SELECT * FROM sqlite_sequence;
                DROP TABLE sqlite_sequence;
                CREATE TABLE w(a TEXT PRIMARY KEY AUTOINCREMENT);
                CREATE TABLE w(a INTEGER PRIMARY KEY DESC AUTOINCREMENT);
                CREATE TABLE w(a INTEGER, PRIMARY KEY(a AUTOINCREMENT));
                INSERT INTO w VALUES (NULL), (NULL);
                SELECT * FROM w;
                SELECT * FROM sqlite_sequence ORDER BY name
                """,
                """
                CREATE TABLE t(id INTEGER PRIMARY KEY, a, b TEXT COLLATE NOCASE);
                CREATE INDEX ta ON t(a);
                INSERT INTO t(a, b) VALUES (3, 'c'), (1, 'B'), (2, 'a'), (NULL, 'D'), (5, 'e'), (4, 'F');
                DELETE FROM t ORDER BY a LIMIT 1;
                SELECT * FROM t ORDER BY id;
                DELETE FROM t ORDER BY a;
                UPDATE t SET a = 0 ORDER BY a;
                UPDATE t SET a = a * 10 RETURNING * ORDER BY a DESC LIMIT 2 OFFSET 1;
                SELECT * FROM t ORDER BY id;
                UPDATE t SET a = a + 1 ORDER BY b LIMIT 2;
                DELETE FROM t WHERE a > 1 RETURNING id ORDER BY b DESC LIMIT 1;
                DROP INDEX ta;
                DELETE FROM t LIMIT 1;
                SELECT * FROM t ORDER BY id;
                DELETE FROM t WHERE a > 0 LIMIT 0;
                DELETE FROM t LIMIT -1 OFFSET 1;
                UPDATE t SET a = 7 LIMIT 'x';
                SELECT * FROM t ORDER BY id;
                SELECT changes()
                """,
                """
                CREATE TABLE t(id INTEGER PRIMARY KEY, a, b UNIQUE);
                INSERT INTO t VALUES (1, 1, 'one'), (2, 2, 'two'), (3, 3, 'three');
                CREATE TABLE u(x, y);
                INSERT INTO u VALUES (2, 'TWO'), (3, 'THREE'), (3, 'THREE'), (4, 'FOUR');
                UPDATE t SET b = u.y FROM u WHERE u.x = t.a RETURNING *;
                SELECT * FROM t ORDER BY id;
                UPDATE t SET a = a + s.total FROM (SELECT x, sum(x) AS total FROM u GROUP BY x) AS s WHERE s.x = t.id;
                SELECT * FROM t ORDER BY id;
                UPDATE t AS q SET id = q.id + 10, b = lower(q.b) FROM u WHERE u.x = q.id - 1;
                SELECT * FROM t ORDER BY id;
                UPDATE t SET b = 'one' FROM u WHERE u.x = 4;
                UPDATE t SET b = u.nosuch FROM u;
                UPDATE OR IGNORE t SET b = 'one' FROM u WHERE u.x = 4;
                UPDATE t SET a = 0 FROM u JOIN u AS v ON u.x = v.x WHERE v.y = 'FOUR' AND t.id = 1;
                SELECT * FROM t ORDER BY id;
                SELECT changes()
                """,
                """
                CREATE TABLE k(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, n INTEGER CHECK(n >= 0) DEFAULT 0);
                INSERT INTO k(name) VALUES ('a'), ('b');
                INSERT INTO k(name, n) VALUES ('a', 1) ON CONFLICT(name) DO UPDATE SET n = n + excluded.n RETURNING *;
                INSERT INTO k(name, n) VALUES ('a', 1) ON CONFLICT(name) DO UPDATE SET n = n + excluded.n RETURNING *;
                INSERT INTO k(name, n) VALUES ('b', -5) ON CONFLICT(name) DO UPDATE SET n = n + excluded.n;
                INSERT INTO k(name, n) VALUES ('c', 2) ON CONFLICT(name) DO UPDATE SET n = -1;
                INSERT INTO k(name, n) VALUES ('c', 2) ON CONFLICT(name) DO UPDATE SET n = -1;
                INSERT INTO k(name) VALUES ('c') ON CONFLICT DO NOTHING RETURNING id;
                INSERT INTO k(id, name) VALUES (2, 'z') ON CONFLICT(id) DO UPDATE SET name = excluded.name || excluded.id;
                SELECT * FROM k ORDER BY id;
                SELECT * FROM sqlite_sequence;
                INSERT OR REPLACE INTO k(id, name, n) VALUES (1, 'q', -1);
                INSERT OR REPLACE INTO k(id, name, n) VALUES (1, 'q', 1);
                UPDATE OR REPLACE k SET n = -2 WHERE id = 1;
                UPDATE k SET name = 'q' WHERE id = 2;
                UPDATE OR IGNORE k SET n = n - 1;
                SELECT * FROM k ORDER BY id;
                INSERT INTO k AS x(name, n) VALUES ('q', 4) ON CONFLICT(name) DO UPDATE SET n = x.n + excluded.n
                  WHERE x.n < 100 AND excluded.name = x.name RETURNING x.id, n;
                INSERT INTO k(name) VALUES ('q') ON CONFLICT(name) DO UPDATE SET name = NULL, n = excluded.rowid;
                INSERT OR IGNORE INTO k(id, name) VALUES (1, 'q') ON CONFLICT(name) DO UPDATE SET n = 50;
                INSERT OR IGNORE INTO k(id, name) VALUES (1, 'fresh') ON CONFLICT(name) DO UPDATE SET n = 60;
                INSERT INTO k(name) VALUES ('q') ON CONFLICT(name) DO UPDATE SET id = 1;
                INSERT INTO k(name) VALUES ('q') ON CONFLICT(name) DO UPDATE SET n = (SELECT count(*) FROM k);
                SELECT * FROM k ORDER BY id;
                CREATE TABLE nr(a, b);
                CREATE UNIQUE INDEX nra ON nr(a) WHERE b > 0;
                INSERT INTO nr VALUES (1, 1);
                INSERT INTO nr VALUES (1, 1) ON CONFLICT(a) DO NOTHING;
                INSERT INTO nr VALUES (1, 1) ON CONFLICT(rowid) DO NOTHING;
                INSERT INTO nr VALUES (1, 1) ON CONFLICT(a) WHERE b > 0 DO UPDATE SET b = b + 1 RETURNING rowid, *;
                INSERT INTO nr SELECT a, b FROM nr WHERE true ON CONFLICT(a) WHERE b > 0 DO NOTHING RETURNING *;
                INSERT INTO nr SELECT a + 1, b FROM nr RETURNING a, b, (SELECT count(*) FROM nr);
                SELECT rowid, * FROM nr ORDER BY rowid;
                CREATE INDEX nrb ON nr(b, a) WHERE b > 0;
                ALTER TABLE nr RENAME COLUMN b TO bb;
                ALTER TABLE nr ADD COLUMN c DEFAULT 'new';
                UPDATE nr SET c = c || a;
                ALTER TABLE nr DROP COLUMN c;
                ALTER TABLE nr RENAME TO nr2;
                INSERT INTO nr2 VALUES (1, 5);
                SELECT rowid, * FROM nr2 ORDER BY rowid;
                PRAGMA integrity_check
                """,
                """
                CREATE TABLE t(a, b);
                CREATE TABLE s(a, c);
                INSERT INTO t VALUES (1, 2), (3, 4);
                INSERT INTO s VALUES (1, 'one'), (5, 'five');
                CREATE VIEW v1 AS SELECT a, x.b AS bb, x.a FROM t AS x;
                CREATE VIEW v2 AS SELECT a FROM t WHERE a > 0 ORDER BY a;
                CREATE VIEW v3 AS SELECT t.a, s.a FROM t, s WHERE t.a = s.a;
                CREATE VIEW v4 AS SELECT (SELECT max(a) FROM t) AS m, c FROM s;
                CREATE VIEW v5 AS SELECT a FROM s;
                CREATE VIEW v6 AS SELECT a AS q FROM t GROUP BY a HAVING count(a) >= 1;
                CREATE VIEW v7 AS SELECT "a" FROM t JOIN s ON t.a = s.a;
                ALTER TABLE t RENAME a TO z;
                SELECT * FROM v1;
                SELECT * FROM v2;
                SELECT * FROM v3;
                SELECT * FROM v4;
                SELECT * FROM v6;
                ALTER TABLE t RENAME TO tt;
                SELECT * FROM v1;
                SELECT * FROM v4
                """,
                """
                CREATE TABLE t(a UNIQUE, b CHECK (b < 10), c NOT NULL);
                INSERT INTO t VALUES (3, 0, 0);
                INSERT OR FAIL INTO t VALUES (1, 0, 0), (2, 0, 0), (3, 0, 0), (4, 0, 0);
                SELECT changes();
                SELECT * FROM t ORDER BY rowid;
                UPDATE OR FAIL t SET a = a + 1;
                SELECT changes();
                SELECT * FROM t ORDER BY rowid;
                INSERT OR FAIL INTO t VALUES (10, 1, 1), (11, 11, 1), (12, 1, 1);
                INSERT OR FAIL INTO t VALUES (20, 1, 1), (21, 1, NULL), (22, 1, 1);
                INSERT OR ABORT INTO t VALUES (30, 1, 1), (31, 1, NULL);
                BEGIN;
                INSERT INTO t VALUES (40, 0, 0);
                INSERT OR FAIL INTO t VALUES (41, 0, 0), (40, 0, 0), (42, 0, 0);
                INSERT OR ABORT INTO t VALUES (43, 0, 0), (40, 0, 0);
                COMMIT;
                SELECT * FROM t ORDER BY rowid;
                BEGIN;
                INSERT INTO t VALUES (50, 0, 0);
                INSERT OR ROLLBACK INTO t VALUES (51, 0, 0), (50, 0, 0);
                COMMIT;
                SELECT * FROM t ORDER BY rowid;
                CREATE TABLE u(k PRIMARY KEY, v, UNIQUE (v) ON CONFLICT FAIL);
                INSERT INTO u VALUES (1, 1);
                INSERT INTO u VALUES (2, 2), (3, 1), (4, 4);
                SELECT * FROM u ORDER BY k;
                CREATE TABLE log(x);
                CREATE TRIGGER tr AFTER INSERT ON log WHEN new.x > 2 BEGIN SELECT RAISE(FAIL, 'too big'); END;
                INSERT INTO log VALUES (1), (2), (3), (4);
                SELECT * FROM log;
                CREATE TRIGGER tr2 AFTER INSERT ON u WHEN new.v > 100 BEGIN SELECT RAISE(ROLLBACK, 'no'); END;
                BEGIN;
                INSERT INTO u VALUES (5, 5);
                INSERT INTO u VALUES (6, 101);
                COMMIT;
                SELECT * FROM u ORDER BY k
                """,
                """
                CREATE TABLE t(a, b, c);
                CREATE INDEX ta ON t(a);
                CREATE INDEX tb ON t(b);
                CREATE INDEX tp ON t(c) WHERE c > 0;
                INSERT INTO t VALUES (1, 10, 5), (2, 20, -1), (3, 30, 7), (2, 40, 0);
                UPDATE t INDEXED BY tb SET c = c + 1 WHERE a = 2;
                UPDATE t NOT INDEXED SET b = b + 1 WHERE a = 3;
                UPDATE t INDEXED BY nosuch SET b = 0;
                UPDATE t INDEXED BY tp SET b = 0 WHERE a = 1;
                UPDATE t INDEXED BY tp SET b = b * 2 WHERE c > 0;
                DELETE FROM t INDEXED BY ta WHERE b > 30;
                DELETE FROM t NOT INDEXED WHERE a = 1;
                DELETE FROM t INDEXED BY nosuch;
                SELECT * FROM t ORDER BY rowid
                """,
                """
                CREATE TABLE n(a NOT NULL DEFAULT 7, b NOT NULL, c TEXT NOT NULL DEFAULT (1 + 1));
                INSERT OR REPLACE INTO n VALUES (NULL, 1, NULL);
                INSERT OR REPLACE INTO n VALUES (1, NULL, 1);
                INSERT OR IGNORE INTO n VALUES (NULL, 2, 2);
                UPDATE OR REPLACE n SET a = NULL, c = NULL;
                UPDATE OR REPLACE n SET b = NULL;
                SELECT a, typeof(a), b, c, typeof(c) FROM n ORDER BY rowid
                """);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void sameAsSqlite(String script, @TempDir Path dir) throws SQLException {
        Path file = dir.resolve("t.db");
        try (Differential.Engines engines = Differential.Engines.open(file)) {
            for (String sql : script.split(";\n")) {
                if (sql.contains("RETURNING")) {
                    assertEquals(sqliteNames(engines.sqlite(), sql), tursoNames(engines.turso(), sql), sql);
                }
                engines.assertSame(sql);
            }
            engines.assertSame(Differential.SCHEMA);
        }
        Differential.assertIntegrity(file);
    }

    /**
     * Constraint failures carry SQLite's extended result codes (CHECK, UNIQUE / PRIMARY KEY through upsert,
     * a STRICT column's type).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "INSERT INTO t VALUES (1, -1, 'x')",
        "UPDATE t SET b = 0",
        "INSERT INTO t VALUES (2, 5, 'a') ON CONFLICT(c) DO UPDATE SET a = 3",
        "INSERT INTO t VALUES (1, 5, 'z') ON CONFLICT(c) DO NOTHING",
        "INSERT INTO t VALUES (2, 5, 'a') ON CONFLICT(a) DO UPDATE SET c = 'b'",
        "INSERT INTO s VALUES ('x')",
        "UPDATE s SET v = 1.5"})
    void sameResultCode(String sql, @TempDir Path dir) throws SQLException {
        String setup = "CREATE TABLE t(a INTEGER PRIMARY KEY, b CHECK(b > 0), c UNIQUE);"
                + "INSERT INTO t VALUES (1, 1, 'a'), (3, 3, 'b');CREATE TABLE s(v INT) STRICT;INSERT INTO s VALUES (1)";
        int expected;
        try (java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
             var st = sqlite.createStatement()) {
            st.executeUpdate("PRAGMA foreign_keys = OFF");
            for (String s : setup.split(";")) {
                st.executeUpdate(s);
            }
            org.sqlite.SQLiteException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.sqlite.SQLiteException.class, () -> st.execute(sql));
            expected = e.getResultCode().code;
        }
        try (Database db = Database.open(dir.resolve("c.db").toString()); Connection turso = db.connect()) {
            for (String s : setup.split(";")) {
                turso.execute(s);
            }
            turso.api.TursoException e = org.junit.jupiter.api.Assertions.assertThrows(
                    turso.api.TursoException.class, () -> turso.execute(sql));
            assertEquals(expected, e.resultCode().code(), sql);
        }
    }

    /** The result column names of a statement SQLite prepares (none if it cannot). */
    private static java.util.List<String> sqliteNames(java.sql.Connection c, String sql) {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (var st = c.prepareStatement(sql)) {
            var meta = st.getMetaData();
            for (int i = 1; meta != null && i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnName(i));
            }
        } catch (SQLException e) {
            names.clear();
        }
        return names;
    }

    private static java.util.List<String> tursoNames(Connection c, String sql) {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (turso.api.Statement st = c.prepare(sql)) {
            for (int i = 0; i < st.columnCount(); i++) {
                names.add(st.columnName(i));
            }
        } catch (turso.api.TursoException e) {
            names.clear();
        }
        return names;
    }
}
