package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import turso.api.Connection;
import turso.api.Database;

/**
 * Scripts of CREATE TABLE, INSERT and SELECT run statement by statement
 * through this engine (on a file) and through real SQLite (sqlite-jdbc):
 * every statement gives the same rows, or the same error message; and the
 * file written here is a valid SQLite database with the same content.
 */
class TableDifferentialTest {

    static Stream<String> scripts() {
        return Stream.of(
                """
                CREATE TABLE t(a, b);
                INSERT INTO t VALUES (1, 'one'), (2, 'two'), (NULL, x'00ff'), (2.5, -0.0);
                SELECT * FROM t;
                SELECT b, a FROM t WHERE a > 1;
                SELECT a + 1, b || '!', typeof(a), typeof(b) FROM t;
                SELECT rowid, _rowid_, oid, t.a FROM t WHERE a IS NULL OR a = 1
                """,
                """
                CREATE TABLE typed(i INTEGER, r REAL, t TEXT, n NUMERIC, b BLOB, x);
                INSERT INTO typed VALUES ('12', '12', 12, '12.0', 12, '12');
                INSERT INTO typed VALUES ('1e3', '3', 3.0, '1e3', '3', 3.5);
                INSERT INTO typed VALUES ('abc', 'abc', x'41', ' 7 ', 1.5, NULL);
                INSERT INTO typed VALUES (9223372036854775807, 1, 1e400, '9223372036854775808', 0, '');
                SELECT i, typeof(i), r, typeof(r), t, typeof(t), n, typeof(n), b, typeof(b), x, typeof(x) FROM typed;
                SELECT i = '12', t = 12, n = '12' FROM typed
                """,
                """
                CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT NOT NULL, note DEFAULT 'none', made DEFAULT abc);
                INSERT INTO p(name) VALUES ('a');
                INSERT INTO p(id, name) VALUES (10, 'b');
                INSERT INTO p(name) VALUES ('c');
                INSERT INTO p VALUES (NULL, 'd', 'x', 'y');
                INSERT INTO p(id, name) VALUES ('20', 'e');
                INSERT INTO p(id, name) VALUES (10, 'dup');
                INSERT OR IGNORE INTO p(id, name) VALUES (10, 'ignored');
                INSERT OR REPLACE INTO p(id, name) VALUES (10, 'replaced');
                INSERT INTO p(name) VALUES (NULL);
                INSERT OR IGNORE INTO p(name) VALUES (NULL);
                INSERT INTO p(id, name) VALUES ('x', 'bad id');
                INSERT INTO p(id, name) VALUES (1.5, 'bad id');
                INSERT INTO p(id, name) VALUES (30.0, 'whole real id');
                SELECT * FROM p;
                SELECT rowid, id, name FROM p WHERE id >= 10
                """,
                """
                CREATE TABLE c(a TEXT COLLATE NOCASE, b TEXT);
                INSERT INTO c VALUES ('Abc', 'Abc'), ('abc', 'abc'), ('ABD', 'ABD');
                SELECT a, b FROM c WHERE a = 'ABC';
                SELECT a, b FROM c WHERE b = 'ABC';
                SELECT a FROM c WHERE b = a;
                SELECT a FROM c WHERE a < 'abd'
                """,
                """
                CREATE TABLE r(x);
                INSERT INTO r(rowid, x) VALUES (5, 'five');
                INSERT INTO r VALUES ('six');
                INSERT INTO r(oid, x) VALUES (5, 'again');
                SELECT rowid, x FROM r
                """,
                """
                CREATE TABLE o(a, b TEXT COLLATE NOCASE, c);
                INSERT INTO o VALUES (3, 'b', 1), (1, 'B', 2), (2, 'a', NULL), (NULL, 'C', 3), (2, 'A', 4), (1.5, x'01', 5);
                SELECT * FROM o ORDER BY a;
                SELECT * FROM o ORDER BY a DESC;
                SELECT * FROM o ORDER BY a DESC NULLS FIRST, c;
                SELECT * FROM o ORDER BY a NULLS LAST;
                SELECT b, c FROM o ORDER BY b, c DESC;
                SELECT b, c FROM o ORDER BY b COLLATE BINARY;
                SELECT a + c AS s, c FROM o ORDER BY s;
                SELECT a, c FROM o ORDER BY 2 DESC;
                SELECT c FROM o ORDER BY a * -1, c;
                SELECT a FROM o ORDER BY 3;
                SELECT a FROM o ORDER BY 0;
                SELECT c FROM o ORDER BY c LIMIT 2;
                SELECT c FROM o ORDER BY c LIMIT 2 OFFSET 3;
                SELECT c FROM o ORDER BY c DESC LIMIT 10 OFFSET 4;
                SELECT c FROM o LIMIT 3;
                SELECT c FROM o LIMIT 0;
                SELECT c FROM o LIMIT -1 OFFSET 4;
                SELECT c FROM o LIMIT 2, 1;
                SELECT c FROM o WHERE c > 1 ORDER BY c LIMIT 1;
                SELECT c FROM o LIMIT 'x';
                SELECT 1 LIMIT 0;
                SELECT 1 LIMIT 1 OFFSET 1
                """,
                """
                CREATE TABLE g(a INTEGER, b TEXT, c REAL);
                SELECT count(*), count(a), sum(a), total(a), avg(a), min(a), max(a), group_concat(b) FROM g;
                INSERT INTO g VALUES (1, 'x', 1.5), (2, NULL, 2.5), (NULL, 'y', NULL), (4, 'z', -1.0);
                SELECT count(*), count(a), sum(a), total(a), avg(a), min(a), max(a), group_concat(b), group_concat(b, '-') FROM g;
                SELECT count(*) FROM g WHERE a > 1;
                SELECT sum(c), avg(c), min(c), max(b), min(b) FROM g;
                SELECT count(*) + 1, max(a) * 2, sum(a) / count(a) FROM g;
                SELECT max(a), b FROM g WHERE a < 4;
                SELECT count(*), a FROM g WHERE a IS NULL;
                SELECT count(*) FROM g WHERE count(*) > 1;
                SELECT sum(9223372036854775807) FROM g;
                SELECT count(*) FROM g LIMIT 0;
                SELECT count(*), 7 FROM g ORDER BY 1;
                SELECT min(a, c), max(a, 3) FROM g
                """,
                """
                CREATE TABLE s(k TEXT COLLATE NOCASE, g INTEGER, v);
                SELECT g, count(*) FROM s GROUP BY g;
                INSERT INTO s VALUES ('a', 1, 10), ('A', 2, 20), ('b', 1, NULL), (NULL, NULL, 5), ('b', 2, 7), ('c', 1, 1.5);
                SELECT g, count(*), sum(v), max(v), group_concat(k) FROM s GROUP BY g;
                SELECT k, count(*) FROM s GROUP BY k;
                SELECT k, g, count(*) FROM s GROUP BY k, g;
                SELECT g, count(*) AS n FROM s GROUP BY g HAVING n > 1;
                SELECT g, sum(v) FROM s GROUP BY g HAVING max(v) > 8;
                SELECT g, sum(v) FROM s GROUP BY 1 ORDER BY 2 DESC;
                SELECT g * 10 AS t, count(*) FROM s GROUP BY t ORDER BY t DESC LIMIT 2;
                SELECT g FROM s GROUP BY g;
                SELECT g, count(*) FROM s WHERE v > 1 GROUP BY g;
                SELECT count(*) FROM s GROUP BY g LIMIT 1 OFFSET 1;
                SELECT g FROM s GROUP BY 4;
                SELECT count(*) FROM s GROUP BY count(*);
                SELECT count(*) FROM s HAVING count(*) > 100;
                SELECT count(*) FROM s WHERE 0 HAVING 1;
                SELECT g FROM s HAVING g > 1;
                SELECT v * 2 AS w FROM s WHERE w > 10;
                SELECT v AS v FROM s WHERE v > 5;
                SELECT g + 1 AS x FROM s GROUP BY x HAVING x > 2;
                SELECT DISTINCT g FROM s;
                SELECT DISTINCT k FROM s;
                SELECT DISTINCT g, k FROM s ORDER BY 2 DESC, 1;
                SELECT DISTINCT g FROM s ORDER BY g DESC LIMIT 2;
                SELECT DISTINCT v > 5 FROM s LIMIT 1 OFFSET 1;
                SELECT DISTINCT count(*) FROM s GROUP BY g;
                SELECT count(DISTINCT g), sum(DISTINCT g), count(DISTINCT k), group_concat(DISTINCT k) FROM s;
                SELECT g, count(DISTINCT k) FROM s GROUP BY g;
                SELECT abs(DISTINCT -1) FROM s LIMIT 1;
                SELECT group_concat(DISTINCT k, ',') FROM s;
                SELECT abs(v) FILTER (WHERE v > 1) FROM s
                """,
                """
                CREATE TABLE a(id INTEGER PRIMARY KEY, x, k);
                CREATE TABLE b(id INTEGER PRIMARY KEY, y, k);
                CREATE TABLE c(k, z);
                INSERT INTO a VALUES (1, 'a1', 10), (2, 'a2', 20), (3, 'a3', NULL);
                INSERT INTO b VALUES (1, 'b1', 10), (2, 'b2', 10), (4, 'b4', 30);
                INSERT INTO c VALUES (10, 'c10'), (20, 'c20');
                SELECT * FROM a, b;
                SELECT a.x, b.y FROM a CROSS JOIN b WHERE a.k = b.k;
                SELECT x, y FROM a JOIN b ON a.k = b.k ORDER BY y;
                SELECT * FROM a JOIN b USING (k);
                SELECT * FROM a NATURAL JOIN c;
                SELECT * FROM a NATURAL JOIN b;
                SELECT k, a.k, b.k FROM a JOIN b USING (k);
                SELECT * FROM a LEFT JOIN b ON a.k = b.k;
                SELECT a.x, b.y FROM a LEFT JOIN b ON a.k = b.k WHERE b.y IS NULL;
                SELECT a.x, b.y, c.z FROM a LEFT JOIN b ON a.k = b.k LEFT JOIN c ON c.k = a.k;
                SELECT a.x, c.z FROM a LEFT JOIN c USING (k);
                SELECT a.x, count(b.id) FROM a LEFT JOIN b ON a.k = b.k GROUP BY a.x;
                SELECT count(*), sum(a.id * b.id) FROM a, b, c;
                SELECT id FROM a, b;
                SELECT rowid FROM a, b;
                SELECT a.id, b.id FROM a, b WHERE a.id = b.id;
                SELECT t1.x, t2.x FROM a AS t1, a AS t2 WHERE t1.id < t2.id;
                SELECT * FROM a JOIN b USING (nosuch);
                SELECT * FROM a NATURAL JOIN b ON a.id = 1;
                SELECT b.* FROM a JOIN b USING (k);
                SELECT DISTINCT a.k FROM a, b ORDER BY 1
                """,
                """
                CREATE TABLE m(id INTEGER PRIMARY KEY, a NOT NULL, b REAL);
                INSERT INTO m VALUES (1, 'x', 1), (2, 'y', 2), (3, 'z', 3), (4, 'w', 4);
                UPDATE m SET b = b * 10 WHERE id > 2;
                SELECT * FROM m;
                SELECT changes();
                UPDATE m SET a = a || a, b = id;
                SELECT * FROM m;
                UPDATE m SET id = id + 10 WHERE id <= 2;
                SELECT * FROM m;
                UPDATE m SET id = 3 WHERE id = 4;
                UPDATE OR IGNORE m SET id = 3 WHERE id = 4;
                UPDATE OR REPLACE m SET id = 3 WHERE id = 4;
                SELECT * FROM m;
                UPDATE m SET a = NULL WHERE id = 3;
                UPDATE OR IGNORE m SET a = NULL WHERE id = 3;
                UPDATE m SET id = NULL;
                UPDATE m SET nosuch = 1;
                UPDATE m SET b = '12' WHERE rowid = 11;
                SELECT b, typeof(b) FROM m WHERE id = 11;
                UPDATE m SET rowid = 20 WHERE id = 12;
                SELECT rowid, * FROM m;
                DELETE FROM m WHERE id > 11;
                SELECT * FROM m;
                SELECT changes();
                DELETE FROM m;
                SELECT count(*) FROM m;
                DELETE FROM nosuch;
                INSERT INTO m(a) VALUES ('after');
                SELECT * FROM m
                """,
                """
                CREATE TABLE tx(id INTEGER PRIMARY KEY, v NOT NULL);
                BEGIN;
                INSERT INTO tx VALUES (1, 'a');
                INSERT INTO tx VALUES (2, 'b');
                SELECT * FROM tx;
                COMMIT;
                SELECT * FROM tx;
                BEGIN;
                DELETE FROM tx WHERE id = 1;
                UPDATE tx SET v = 'B';
                SELECT * FROM tx;
                ROLLBACK;
                SELECT * FROM tx;
                BEGIN IMMEDIATE;
                INSERT INTO tx VALUES (3, 'c'), (4, 'd');
                INSERT INTO tx VALUES (5, 'e'), (3, 'dup');
                INSERT INTO tx VALUES (6, NULL);
                SELECT * FROM tx;
                END;
                SELECT * FROM tx;
                BEGIN;
                CREATE TABLE inside(x);
                INSERT INTO inside VALUES (1);
                SELECT * FROM inside;
                ROLLBACK;
                SELECT * FROM inside;
                COMMIT;
                ROLLBACK;
                BEGIN;
                BEGIN;
                COMMIT;
                BEGIN EXCLUSIVE;
                INSERT INTO tx VALUES (7, 'g');
                COMMIT;
                SELECT count(*), max(id) FROM tx
                """,
                """
                CREATE TABLE d1(x);
                CREATE TABLE d2(y);
                INSERT INTO d1 VALUES (1), (2);
                DROP TABLE d1;
                SELECT * FROM d1;
                DROP TABLE d1;
                DROP TABLE IF EXISTS d1;
                DROP TABLE sqlite_master;
                DROP TABLE main.d2;
                CREATE TABLE d1(z);
                INSERT INTO d1 VALUES (3);
                SELECT * FROM d1;
                BEGIN;
                DROP TABLE d1;
                ROLLBACK;
                SELECT * FROM d1;
                SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name;
                SELECT name FROM sqlite_master WHERE type = 'table';
                INSERT INTO sqlite_master VALUES ('table', 'x', 'x', 0, '');
                DELETE FROM sqlite_schema
                """,
                """
                CREATE TABLE src(a, b);
                CREATE TABLE dst(id INTEGER PRIMARY KEY, a, b NOT NULL);
                INSERT INTO src VALUES (1, 'x'), (2, NULL), (3, 'z');
                INSERT INTO dst(a, b) SELECT a, b FROM src WHERE b IS NOT NULL;
                SELECT * FROM dst;
                INSERT INTO dst SELECT * FROM dst;
                INSERT INTO dst(a, b) SELECT a * 10, b || '!' FROM dst ORDER BY a DESC LIMIT 1;
                SELECT * FROM dst;
                INSERT INTO dst(a, b) SELECT a, b FROM src;
                INSERT OR IGNORE INTO dst(a, b) SELECT a, b FROM src;
                SELECT * FROM dst;
                INSERT INTO dst(a) SELECT a, b FROM src;
                INSERT INTO src SELECT count(*), max(b) FROM dst;
                INSERT INTO src(b, a) SELECT DISTINCT b, 0 FROM dst;
                SELECT * FROM src;
                INSERT INTO dst(id, a, b) SELECT 1, 1, 'dup';
                SELECT changes()
                """,
                """
                CREATE TABLE e1(id INTEGER PRIMARY KEY, dept, pay);
                CREATE TABLE e2(dept, name);
                INSERT INTO e1 VALUES (1, 'a', 10), (2, 'a', 30), (3, 'b', 20), (4, NULL, 5);
                INSERT INTO e2 VALUES ('a', 'Alpha'), ('b', 'Beta'), ('c', 'Gamma'), (NULL, 'None');
                SELECT (SELECT max(pay) FROM e1);
                SELECT id, (SELECT name FROM e2 WHERE e2.dept = e1.dept) FROM e1;
                SELECT id, pay FROM e1 WHERE pay > (SELECT avg(pay) FROM e1);
                SELECT id FROM e1 AS x WHERE pay = (SELECT max(pay) FROM e1 WHERE dept = x.dept);
                SELECT name FROM e2 WHERE EXISTS (SELECT 1 FROM e1 WHERE e1.dept = e2.dept);
                SELECT name FROM e2 WHERE NOT EXISTS (SELECT 1 FROM e1 WHERE e1.dept = e2.dept);
                SELECT name FROM e2 WHERE dept IN (SELECT dept FROM e1);
                SELECT name FROM e2 WHERE dept NOT IN (SELECT dept FROM e1);
                SELECT name FROM e2 WHERE dept NOT IN (SELECT dept FROM e1 WHERE dept IS NOT NULL);
                SELECT 1 IN (SELECT 1 WHERE 0), NULL IN (SELECT 1 WHERE 0), NULL IN (SELECT 1), 2 IN (SELECT NULL);
                SELECT (SELECT id FROM e1 ORDER BY pay DESC LIMIT 1 OFFSET 1);
                SELECT (SELECT id, pay FROM e1);
                SELECT 1 IN (SELECT id, pay FROM e1);
                SELECT dept, count(*), (SELECT count(*) FROM e2 WHERE e2.dept = e1.dept) FROM e1 GROUP BY dept;
                SELECT id FROM e1 ORDER BY (SELECT name FROM e2 WHERE e2.dept = e1.dept) DESC, id;
                UPDATE e1 SET pay = (SELECT count(*) FROM e2) WHERE id IN (SELECT id FROM e1 WHERE pay < 10);
                DELETE FROM e2 WHERE dept NOT IN (SELECT dept FROM e1 WHERE dept IS NOT NULL);
                SELECT * FROM e1;
                SELECT * FROM e2;
                SELECT (SELECT DISTINCT dept FROM e1 WHERE id >= x.id ORDER BY 1) FROM e1 AS x
                """,
                """
                CREATE TABLE u1(a, b TEXT COLLATE NOCASE);
                CREATE TABLE u2(c, d);
                INSERT INTO u1 VALUES (3, 'x'), (1, 'Y'), (2, 'z'), (1, 'Y'), (NULL, NULL);
                INSERT INTO u2 VALUES (2, 'Z'), (4, 'w'), (1, 'y'), (NULL, NULL);
                SELECT a FROM u1 UNION ALL SELECT c FROM u2;
                SELECT a FROM u1 UNION SELECT c FROM u2;
                SELECT a, b FROM u1 UNION SELECT c, d FROM u2;
                SELECT a, b FROM u1 EXCEPT SELECT c, d FROM u2;
                SELECT a, b FROM u1 INTERSECT SELECT c, d FROM u2;
                SELECT c, d FROM u2 UNION SELECT a, b FROM u1;
                SELECT a FROM u1 UNION SELECT c FROM u2 ORDER BY 1 DESC;
                SELECT a AS k, b FROM u1 UNION ALL SELECT c, d FROM u2 ORDER BY k, b DESC LIMIT 4 OFFSET 1;
                SELECT b FROM u1 UNION ALL SELECT d FROM u2 ORDER BY b COLLATE BINARY;
                SELECT a FROM u1 UNION SELECT c FROM u2 UNION ALL SELECT 9 EXCEPT SELECT 1;
                SELECT count(*) FROM u1 UNION ALL SELECT count(*) FROM u2 UNION ALL SELECT max(a) FROM u1;
                SELECT a, count(*) FROM u1 GROUP BY a UNION SELECT c, 0 FROM u2 ORDER BY 2, 1;
                SELECT 1 UNION SELECT 2, 3;
                SELECT a FROM u1 UNION SELECT c FROM u2 ORDER BY nosuch;
                SELECT a FROM u1 UNION SELECT c FROM u2 ORDER BY 2;
                SELECT x.a, y.d FROM u1 AS x JOIN u2 AS y ON x.a = y.c UNION SELECT 0, 'zero';
                INSERT INTO u2 SELECT a, b FROM u1 WHERE a > 2 UNION SELECT 5, 'v';
                SELECT * FROM u2;
                SELECT (SELECT 1 UNION SELECT 2 ORDER BY 1 DESC), 3 IN (SELECT a FROM u1 UNION SELECT c FROM u2)
                """,
                """
                CREATE TABLE n(x);
                INSERT INTO n VALUES (1), (1.0), ('1'), (NULL), (NULL), (x'01'), (2);
                SELECT DISTINCT x FROM n;
                SELECT count(DISTINCT x) FROM n
                """,
                """
                CREATE TABLE e(a, b);
                CREATE TABLE e(c);
                CREATE TABLE IF NOT EXISTS e(c);
                CREATE TABLE sqlite_x(a);
                CREATE TABLE d(a, a);
                INSERT INTO e VALUES (1);
                INSERT INTO e(a, zz) VALUES (1, 2);
                INSERT INTO e(a) VALUES (1, 2);
                INSERT INTO nosuch VALUES (1);
                SELECT nope FROM e;
                SELECT e.a, x.a FROM e;
                SELECT * FROM nosuch;
                SELECT count FROM e
                """,
                """
                CREATE TABLE t(a INTEGER, b varchar(10), c REAL, d BLOB, e, f NUMERIC, "g h" TEXT, "sel""ect" INT);
                INSERT INTO t VALUES (1, 'x', 1.5, x'00', NULL, 3, 'q', 4), (2, 'y', NULL, NULL, 5, 'z', NULL, 6);
                CREATE TABLE t2 AS SELECT a, b, c, d, e, f, "g h", "sel""ect", a + 1, b || '' AS bb, CAST(a AS TEXT) x,
                    1 AS one, 'lit', 2.5, a AS "order", a AS _u1, a AS "9x", a AS [é] FROM t;
                SELECT sql FROM sqlite_schema WHERE name = 't2';
                SELECT *, typeof(x), typeof(a) FROM t2 ORDER BY a;
                CREATE TABLE t3 AS SELECT a, a, b AS a FROM t;
                SELECT sql FROM sqlite_schema WHERE name = 't3';
                SELECT * FROM t3;
                CREATE TABLE IF NOT EXISTS t2 AS SELECT 1;
                CREATE TABLE t2 AS SELECT 1;
                CREATE TABLE "sel ect" AS SELECT count(*) AS [n] FROM t;
                SELECT name, sql FROM sqlite_schema WHERE name LIKE 'sel%';
                CREATE TABLE e AS SELECT * FROM t WHERE 0;
                SELECT sql FROM sqlite_schema WHERE name = 'e';
                SELECT count(*) FROM e;
                CREATE TABLE g AS SELECT b, sum(a) AS s FROM t GROUP BY b UNION ALL SELECT 'w', 9 ORDER BY 1;
                SELECT sql FROM sqlite_schema WHERE name = 'g';
                SELECT rowid, * FROM g;
                CREATE TABLE v AS VALUES (1, 'a'), (2, 'b');
                SELECT sql FROM sqlite_schema WHERE name = 'v';
                SELECT * FROM v;
                CREATE TABLE w AS WITH r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 500) SELECT i, i * i AS sq FROM r;
                SELECT count(*), sum(sq) FROM w;
                CREATE TABLE bad AS SELECT nosuch FROM t;
                SELECT name FROM sqlite_schema ORDER BY name
                """,
                """
                CREATE TABLE s(a INT, b INTEGER, c REAL, d TEXT, e BLOB, f ANY) STRICT;
                INSERT INTO s VALUES (1, '2', 3, 4, x'05', '6');
                INSERT INTO s(a) VALUES ('x');
                INSERT INTO s(a) VALUES (1.5);
                INSERT INTO s(a) VALUES (2.0);
                INSERT INTO s(c) VALUES ('1e3');
                INSERT INTO s(c) VALUES ('abc');
                INSERT INTO s(e) VALUES ('abc');
                INSERT INTO s(e) VALUES (1);
                INSERT INTO s(d) VALUES (x'41');
                INSERT INTO s(a) VALUES (x'41');
                INSERT INTO s(f) VALUES (x'41');
                INSERT INTO s(a) VALUES ('  7 ');
                INSERT INTO s(c) VALUES (9223372036854775807);
                INSERT INTO s(a) VALUES (1e100);
                INSERT OR IGNORE INTO s(b) VALUES ('no');
                UPDATE s SET b = 'q';
                UPDATE s SET d = 5 WHERE rowid = 1;
                SELECT rowid, a, typeof(a), b, typeof(b), c, typeof(c), d, typeof(d), e, typeof(e), f, typeof(f) FROM s;
                CREATE TABLE s2(a) STRICT;
                CREATE TABLE s3(a VARCHAR(10)) STRICT;
                CREATE TABLE s4(a int, b Any, c integer primary key) strict;
                SELECT sql FROM sqlite_schema WHERE name = 's4';
                PRAGMA table_info(s4);
                INSERT INTO s4 VALUES ('1', '2', '3');
                INSERT INTO s4(c) VALUES ('x');
                SELECT typeof(a), typeof(b), typeof(c) FROM s4;
                CREATE TABLE s5(a INT NOT NULL, b INT CHECK (b < 0), u TEXT UNIQUE) STRICT;
                INSERT INTO s5 VALUES (NULL, 'x', 'a');
                INSERT INTO s5 VALUES (1, 'x', 'a');
                INSERT INTO s5 VALUES (1, -1, 'a');
                INSERT INTO s5 VALUES (1, -2, 'b') ON CONFLICT (u) DO UPDATE SET b = 'y';
                INSERT INTO s5 VALUES (1, -2, 'a') ON CONFLICT (u) DO UPDATE SET b = 'y';
                INSERT INTO s5 VALUES (1, -2, 'a') ON CONFLICT (u) DO UPDATE SET b = -3;
                SELECT * FROM s5 ORDER BY u;
                CREATE TABLE h(a TEXT DEFAULT 5, b REAL DEFAULT 1) STRICT;
                INSERT INTO h DEFAULT VALUES;
                SELECT a, typeof(a), b, typeof(b) FROM h
                """,
                """
                CREATE TABLE g(a INT, b INT AS (a * 2), c TEXT GENERATED ALWAYS AS (upper(d)) STORED, d, e AS (b + 1) VIRTUAL);
                INSERT INTO g VALUES (1, 'x');
                INSERT INTO g(a, d) VALUES (2, 'y');
                INSERT INTO g(a, b) VALUES (1, 2);
                INSERT INTO g VALUES (1);
                INSERT INTO g VALUES (1, 2, 3);
                SELECT * FROM g ORDER BY a;
                SELECT typeof(b), typeof(c), typeof(e), e * 10, rowid FROM g ORDER BY a;
                PRAGMA table_info(g);
                PRAGMA table_xinfo(g);
                UPDATE g SET b = 1;
                UPDATE g SET a = 10 WHERE a = 1;
                UPDATE g SET d = 'zz' WHERE e = 5;
                SELECT * FROM g ORDER BY a;
                CREATE INDEX ge ON g(e);
                CREATE INDEX gc ON g(c, b);
                SELECT a FROM g WHERE e = 21;
                SELECT a, b FROM g WHERE c = 'ZZ' ORDER BY a;
                UPDATE g SET a = a + 1;
                SELECT a, e FROM g WHERE e > 6 ORDER BY e;
                DELETE FROM g WHERE e = 23;
                INSERT INTO g(a, d) VALUES (5, 'q') RETURNING *;
                DELETE FROM g WHERE a = 5 RETURNING b, c, e;
                SELECT g1.a, g2.e FROM g g1 JOIN g g2 ON g2.e = g1.b + 1 ORDER BY 1, 2;
                SELECT sum(b), max(e), group_concat(c) FROM g;
                CREATE TABLE gu(k INTEGER PRIMARY KEY, v, w AS (v || '!') UNIQUE, n AS (length(w)) STORED NOT NULL);
                INSERT INTO gu(v) VALUES ('a'), ('b');
                INSERT INTO gu(v) VALUES ('a');
                INSERT OR REPLACE INTO gu(v) VALUES ('b');
                INSERT INTO gu(k, v) VALUES (1, 'c') ON CONFLICT (k) DO UPDATE SET v = v || excluded.v;
                INSERT INTO gu(k, v) VALUES (1, 'c') ON CONFLICT (k) DO UPDATE SET w = 'no';
                SELECT * FROM gu ORDER BY k;
                CREATE TABLE gn(a, b AS (a) NOT NULL);
                INSERT INTO gn VALUES (NULL);
                CREATE TABLE bad(a AS (1) PRIMARY KEY);
                CREATE TABLE bad2(a INT, b AS (a), PRIMARY KEY (b));
                CREATE TABLE bad3(a DEFAULT 1 AS (2));
                CREATE TABLE bad4(a INT, b AS (random()));
                CREATE TABLE bad5(a INT, b AS ((SELECT 1)));
                CREATE TABLE bad6(a INT, b AS (?));
                CREATE TABLE bad7(a INT, b AS (nosuch));
                CREATE TABLE bad8(a AS (1));
                CREATE TABLE lp(a INT, b AS (c), c AS (b));
                INSERT INTO lp(a) VALUES (1);
                ALTER TABLE g ADD COLUMN z AS (a + 1) STORED;
                ALTER TABLE g ADD COLUMN z AS (a + 1);
                ALTER TABLE g ADD COLUMN y DEFAULT 7;
                INSERT INTO g(a, d, y) VALUES (3, 'w', 8);
                SELECT * FROM g ORDER BY a
                """);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void sameAsSqlite(String script, @TempDir Path dir) throws SQLException {
        Path file = dir.resolve("t.db");
        try (Differential.Engines engines = Differential.Engines.open(file)) {
            engines.assertSameScript(script);
        }
        Differential.assertIntegrity(file);
    }

    /**
     * A table with VIRTUAL and STORED generated columns and an index on one,
     * written by SQLite: read here value for value (a VIRTUAL column is not
     * in the record), then written here and checked by SQLite.
     */
    @Test
    void generatedColumnsAsSqliteLaysThemOut(@TempDir Path dir) throws SQLException {
        Path file = dir.resolve("g.db");
        List<String> queries = List.of("SELECT rowid, * FROM g ORDER BY rowid", "SELECT a, e FROM g WHERE e > 10 ORDER BY e",
                "SELECT count(*), sum(b), max(c) FROM g");
        try (java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
             var st = sqlite.createStatement()) {
            st.executeUpdate("CREATE TABLE g(a INT, b AS (a * 2), c TEXT AS (d || '!') STORED, d, e AS (b + 1))");
            st.executeUpdate("CREATE INDEX ge ON g(e)");
            st.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
                    + "INSERT INTO g(a, d) SELECT i, 'v' || i FROM n");
        }
        List<Differential.Result> expected = new ArrayList<>();
        try (java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (String q : queries) {
                expected.add(Differential.sqlite(sqlite, q));
            }
        }
        try (Database db = Database.open(file.toString()); Connection turso = db.connect()) {
            for (int i = 0; i < queries.size(); i++) {
                assertEquals(expected.get(i), Differential.turso(turso, queries.get(i)), queries.get(i));
            }
            turso.execute("UPDATE g SET a = a + 1000 WHERE a % 7 = 0");
            turso.execute("DELETE FROM g WHERE a % 5 = 0");
            turso.execute("INSERT INTO g(a, d) VALUES (-1, 'new')");
        }
        try (java.sql.Connection check = DriverManager.getConnection("jdbc:sqlite:" + file);
             var st = check.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
            try (Database db = Database.open(file.toString()); Connection turso = db.connect()) {
                for (String q : queries) {
                    assertEquals(Differential.sqlite(check, q), Differential.turso(turso, q), q);
                }
            }
        }
    }

    /** What SQLite wrote is read here, value for value. */
    @Test
    void readsWhatSqliteWrote(@TempDir Path dir) throws SQLException, java.io.IOException {
        Path file = dir.resolve("s.db");
        String query = "SELECT rowid, * FROM s";
        List<List<Object>> expected;
        try (java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
             var st = sqlite.createStatement()) {
            st.executeUpdate("CREATE TABLE s(id INTEGER PRIMARY KEY, v, w TEXT)");
            st.executeUpdate("INSERT INTO s(v, w) VALUES (1, 'a'), (2.5, 'b'), (x'0102', NULL), ('text', 7)");
            st.executeUpdate("INSERT INTO s(v, w) SELECT randomblob(5000), 'overflow' FROM (SELECT 1)");
            st.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                    + "INSERT INTO s(v, w) SELECT i, printf('row %d', i) FROM n");
            expected = Differential.sqlite(sqlite, query).rows();
        }
        assertTrue(Files.size(file) > 12 * 4096, "more than a dozen pages: interior pages and an overflow chain");
        try (Database db = Database.open(file.toString()); Connection turso = db.connect()) {
            Differential.Result got = Differential.turso(turso, query);
            assertEquals(expected.size(), got.rows().size());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), got.rows().get(i), "row " + i);
            }
        }
    }

    /**
     * Tables SQLite made with an index on an expression and with a trigger
     * are written here: the index kept up to date (SQLite's integrity check
     * verifies its entries), the trigger fired.
     */
    @Test
    void tablesWithExpressionIndexesAndTriggersSqliteMadeAreWritten(@TempDir Path dir) throws SQLException {
        Path file = dir.resolve("f.db");
        try (java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
             var st = sqlite.createStatement()) {
            st.executeUpdate("CREATE TABLE e(x)");
            st.executeUpdate("CREATE INDEX ex ON e(x + 1)");
            st.executeUpdate("CREATE TABLE g(y)");
            st.executeUpdate("CREATE TABLE glog(z)");
            st.executeUpdate("CREATE TRIGGER tg AFTER INSERT ON g BEGIN INSERT INTO glog VALUES (new.y * 10); END");
            st.executeUpdate("INSERT INTO e VALUES (3)");
            st.executeUpdate("INSERT INTO g VALUES (4)");
        }
        try (Database db = Database.open(file.toString()); Connection turso = db.connect()) {
            assertEquals(List.of(List.of(3L)), Differential.turso(turso, "SELECT * FROM e").rows());
            assertEquals(List.of(List.of(4L)), Differential.turso(turso, "SELECT * FROM g").rows());
            assertEquals(null, Differential.turso(turso, "INSERT INTO e VALUES (7)").error());
            assertEquals(null, Differential.turso(turso, "UPDATE e SET x = x * 2 WHERE x = 3").error());
            assertEquals(null, Differential.turso(turso, "INSERT INTO g VALUES (8)").error());
            assertEquals(List.of(List.of(40L), List.of(80L)),
                    Differential.turso(turso, "SELECT z FROM glog ORDER BY rowid").rows());
        }
        try (java.sql.Connection check = DriverManager.getConnection("jdbc:sqlite:" + file);
             var st = check.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
        }
    }
}
