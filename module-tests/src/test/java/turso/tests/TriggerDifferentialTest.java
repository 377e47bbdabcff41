package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Triggers: CREATE / DROP TRIGGER and their firing by INSERT, UPDATE and
 * DELETE. Scripts run statement by statement here (on a file) and on real
 * SQLite give the same rows and errors, the same sqlite_schema text, and a
 * file real SQLite's integrity check accepts. A trigger's body is kept on
 * one line: statements are split at ";" and a line end.
 */
class TriggerDifferentialTest {

    static Stream<String> scripts() {
        return Stream.of(
                // definitions: stored text, name clashes, SQLite's errors
                """
                CREATE TABLE t(a, b);
                CREATE VIEW v AS SELECT 1 AS x;
                CREATE   TRIGGER  IF NOT EXISTS   tr1 AFTER INSERT ON t BEGIN SELECT 1; END;
                CREATE TRIGGER tr1 AFTER INSERT ON t BEGIN SELECT 1; END;
                CREATE TRIGGER IF NOT EXISTS tr1 AFTER INSERT ON t BEGIN SELECT 2; END;
                CREATE TRIGGER main.tr2 BEFORE UPDATE OF a ON main.t FOR EACH ROW WHEN new.a > 1 BEGIN INSERT INTO t VALUES (1, 2); DELETE FROM t WHERE a = old.a; END;
                CREATE TRIGGER tr3 UPDATE ON t BEGIN SELECT 1; END;
                CREATE TRIGGER t DELETE ON t BEGIN SELECT 1; END;
                CREATE TRIGGER tr4 INSTEAD OF INSERT ON t BEGIN SELECT 1; END;
                CREATE TRIGGER tr5 BEFORE INSERT ON v BEGIN SELECT 1; END;
                CREATE TRIGGER tr6 AFTER INSERT ON v BEGIN SELECT 1; END;
                CREATE TRIGGER tr7 AFTER INSERT ON nosuch BEGIN SELECT 1; END;
                CREATE TRIGGER sqlite_x AFTER INSERT ON t BEGIN SELECT 1; END;
                CREATE TRIGGER tr8 AFTER INSERT ON sqlite_master BEGIN SELECT 1; END;
                CREATE TABLE tr3(x);
                SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema ORDER BY type, name;
                DROP TRIGGER tr1;
                DROP TRIGGER tr1;
                DROP TRIGGER main.nosuch;
                DROP TRIGGER IF EXISTS tr1;
                DROP TRIGGER t;
                SELECT type, name FROM sqlite_schema ORDER BY type, name;
                DROP TABLE t;
                SELECT type, name FROM sqlite_schema ORDER BY type, name
                """,
                // INSERT: BEFORE and AFTER, NEW values, rowid before it is chosen, affinity, order of triggers
                """
                CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT DEFAULT 'd');
                CREATE TABLE log(x);
                CREATE TRIGGER b1 BEFORE INSERT ON t BEGIN INSERT INTO log VALUES ('b1 ' || quote(new.id) || ' ' || quote(new.a) || ' ' || typeof(new.a) || ' ' || quote(new.b) || ' ' || quote(new.rowid)); END;
                CREATE TRIGGER a1 AFTER INSERT ON t BEGIN INSERT INTO log VALUES ('a1 ' || new.id || ' ' || quote(new.a) || ' ' || new.rowid); END;
                CREATE TRIGGER a2 AFTER INSERT ON t WHEN new.a > 4 BEGIN INSERT INTO log VALUES ('a2 ' || new.a); INSERT INTO log SELECT 'count ' || count(*) FROM t; END;
                INSERT INTO t(a) VALUES ('5');
                SELECT changes();
                INSERT INTO t VALUES (10, 'x', NULL);
                INSERT INTO t VALUES ('11', 2, NULL), (NULL, 7, 'y');
                SELECT changes();
                INSERT INTO t(a) SELECT a + 100 FROM t WHERE id < 11;
                SELECT last_insert_rowid();
                SELECT * FROM t ORDER BY id;
                SELECT rowid, x FROM log ORDER BY rowid
                """,
                // UPDATE: OLD and NEW, UPDATE OF columns, rowid changes, BEFORE and AFTER
                """
                CREATE TABLE t(id INTEGER PRIMARY KEY, a, b);
                CREATE TABLE log(x);
                INSERT INTO t VALUES (1, 'x', 1), (2, 'y', 2), (3, 'z', 3);
                CREATE TRIGGER bu BEFORE UPDATE ON t BEGIN INSERT INTO log VALUES ('bu ' || old.id || '->' || new.id || ' ' || old.a || '->' || new.a); END;
                CREATE TRIGGER au AFTER UPDATE OF b ON t BEGIN INSERT INTO log VALUES ('au b ' || old.b || '->' || new.b); END;
                CREATE TRIGGER au2 AFTER UPDATE OF id, a ON t WHEN old.a <> new.a BEGIN INSERT INTO log VALUES ('au2 ' || new.rowid); END;
                UPDATE t SET a = a || a WHERE id = 1;
                UPDATE t SET b = b * 10;
                SELECT changes();
                UPDATE t SET id = id + 10, a = 'w' WHERE id >= 2;
                SELECT * FROM t ORDER BY id;
                SELECT rowid, x FROM log ORDER BY rowid
                """,
                // DELETE: OLD, BEFORE and AFTER, cascading by hand, nested triggers on other tables
                """
                CREATE TABLE parent(id INTEGER PRIMARY KEY, name);
                CREATE TABLE child(id INTEGER PRIMARY KEY, parent, v);
                CREATE TABLE log(x);
                INSERT INTO parent VALUES (1, 'p1'), (2, 'p2');
                INSERT INTO child VALUES (1, 1, 'a'), (2, 1, 'b'), (3, 2, 'c');
                CREATE TRIGGER pd AFTER DELETE ON parent BEGIN DELETE FROM child WHERE parent = old.id; END;
                CREATE TRIGGER cd BEFORE DELETE ON child BEGIN INSERT INTO log VALUES ('child ' || old.id || ' ' || old.v); END;
                CREATE TRIGGER ld AFTER INSERT ON log BEGIN UPDATE parent SET name = name || '+' WHERE id = 2; END;
                DELETE FROM parent WHERE id = 1;
                SELECT changes();
                SELECT * FROM parent ORDER BY id;
                SELECT * FROM child ORDER BY id;
                SELECT rowid, x FROM log ORDER BY rowid;
                DELETE FROM child;
                SELECT * FROM parent ORDER BY id;
                SELECT count(*) FROM log
                """,
                // RAISE, and recursion off: a trigger does not fire itself
                """
                CREATE TABLE t(a);
                CREATE TABLE n(i);
                CREATE TRIGGER r1 BEFORE INSERT ON t WHEN new.a = 'skip' BEGIN SELECT RAISE(IGNORE); END;
                CREATE TRIGGER r2 BEFORE INSERT ON t BEGIN SELECT RAISE(ABORT, 'no negatives') WHERE new.a < 0; END;
                CREATE TRIGGER r3 BEFORE UPDATE ON t WHEN new.a = 'fail' BEGIN SELECT RAISE(FAIL, 'cannot fail'); END;
                CREATE TRIGGER r4 BEFORE DELETE ON t WHEN old.a = 'keep' BEGIN SELECT RAISE(IGNORE); END;
                INSERT INTO t VALUES (1), ('skip'), (2);
                SELECT changes();
                INSERT INTO t VALUES (3), (-1);
                INSERT INTO t VALUES ('keep');
                SELECT * FROM t ORDER BY rowid;
                UPDATE t SET a = 'fail' WHERE a = 1;
                DELETE FROM t;
                SELECT changes();
                SELECT * FROM t;
                SELECT RAISE(IGNORE);
                CREATE TRIGGER grow AFTER INSERT ON n WHEN new.i < 5 BEGIN INSERT INTO n VALUES (new.i + 1); END;
                INSERT INTO n VALUES (1);
                SELECT * FROM n ORDER BY rowid;
                CREATE TABLE p(i);
                CREATE TABLE q(i);
                CREATE TRIGGER pq AFTER INSERT ON p WHEN new.i < 10 BEGIN INSERT INTO q VALUES (new.i + 1); END;
                CREATE TRIGGER qp AFTER INSERT ON q WHEN new.i < 10 BEGIN INSERT INTO p VALUES (new.i + 1); END;
                INSERT INTO p VALUES (1);
                INSERT INTO q VALUES (5);
                SELECT 'p', i FROM p UNION ALL SELECT 'q', i FROM q;
                CREATE TRIGGER bad AFTER DELETE ON n BEGIN INSERT INTO nosuch VALUES (1); END;
                DELETE FROM n;
                SELECT count(*) FROM n
                """,
                // triggers with indexes and constraints on the written tables
                """
                CREATE TABLE acct(id INTEGER PRIMARY KEY, owner TEXT UNIQUE, balance INTEGER NOT NULL CHECK (balance >= 0));
                CREATE TABLE audit(id INTEGER PRIMARY KEY AUTOINCREMENT, acct, delta, at_balance);
                CREATE INDEX audit_acct ON audit(acct, delta);
                CREATE TRIGGER track AFTER UPDATE OF balance ON acct BEGIN INSERT INTO audit(acct, delta, at_balance) VALUES (new.id, new.balance - old.balance, new.balance); END;
                CREATE TRIGGER opened AFTER INSERT ON acct BEGIN INSERT INTO audit(acct, delta, at_balance) VALUES (new.id, new.balance, new.balance); END;
                INSERT INTO acct(owner, balance) VALUES ('ann', 100), ('bob', 50);
                INSERT INTO acct(owner, balance) VALUES ('ann', 1);
                UPDATE acct SET balance = balance - 30 WHERE owner = 'ann';
                UPDATE acct SET balance = balance - 60 WHERE owner = 'bob';
                UPDATE acct SET owner = upper(owner);
                SELECT * FROM acct ORDER BY id;
                SELECT * FROM audit ORDER BY id;
                SELECT acct, sum(delta) FROM audit GROUP BY acct ORDER BY acct;
                SELECT * FROM sqlite_sequence
                """,
                // subqueries over NEW, triggers writing the table that fired them, RETURNING, bad references
                """
                CREATE TABLE t(id INTEGER PRIMARY KEY, a, b DEFAULT 0);
                CREATE TABLE log(x, y);
                CREATE TRIGGER ti AFTER INSERT ON t WHEN (SELECT count(*) FROM t WHERE a = new.a) > 1 BEGIN INSERT INTO log SELECT 'dup', group_concat(id) FROM t WHERE a = new.a; UPDATE t SET b = b + 1 WHERE a = new.a AND id <> new.id; END;
                CREATE TRIGGER tb BEFORE INSERT ON t WHEN new.a = 'twin' BEGIN INSERT INTO t(a) VALUES ('twin'); END;
                INSERT INTO t(a) VALUES ('x'), ('y'), ('x'), ('x');
                INSERT INTO t(a) VALUES ('twin');
                INSERT INTO t(a) VALUES ('y') RETURNING id, a, b;
                SELECT * FROM t ORDER BY id;
                SELECT * FROM log ORDER BY rowid;
                CREATE TRIGGER tu AFTER UPDATE OF a ON t BEGIN UPDATE t SET b = b + 100 WHERE id <> new.id AND a = new.a; END;
                UPDATE t SET a = 'z' WHERE a = 'x';
                SELECT * FROM t ORDER BY id;
                CREATE TRIGGER bad AFTER INSERT ON log BEGIN SELECT old.x; END;
                INSERT INTO log VALUES (1, 2);
                DROP TRIGGER bad;
                CREATE TRIGGER bad AFTER DELETE ON log BEGIN SELECT new.x; END;
                DELETE FROM log;
                DROP TRIGGER bad;
                DELETE FROM log WHERE x = 'dup' RETURNING y;
                SELECT count(*) FROM log
                """,
                // conflict clauses, DEFAULT VALUES, UPDATE ... FROM, WHEN that is NULL, several BEFORE triggers
                """
                CREATE TABLE t(id INTEGER PRIMARY KEY, k UNIQUE, v DEFAULT 'dv');
                CREATE TABLE src(k, v);
                CREATE TABLE log(x);
                INSERT INTO src VALUES (1, 'one'), (2, 'two'), (9, 'nine');
                CREATE TRIGGER b1 BEFORE INSERT ON t BEGIN INSERT INTO log VALUES ('b1 ' || quote(new.k)); END;
                CREATE TRIGGER b2 BEFORE INSERT ON t WHEN new.k > 0 BEGIN INSERT INTO log VALUES ('b2 ' || new.k); END;
                CREATE TRIGGER a1 AFTER INSERT ON t BEGIN INSERT INTO log VALUES ('a1 ' || new.id || ' ' || quote(new.v)); END;
                CREATE TRIGGER d1 AFTER DELETE ON t BEGIN INSERT INTO log VALUES ('d1 ' || old.id); END;
                CREATE TRIGGER u1 BEFORE UPDATE OF id ON t BEGIN INSERT INTO log VALUES ('u1 ' || old.id || '->' || new.id); END;
                CREATE TRIGGER u2 AFTER UPDATE OF v ON t BEGIN INSERT INTO log VALUES ('u2 ' || new.k || ' ' || new.v); END;
                INSERT INTO t DEFAULT VALUES;
                INSERT INTO t(k) VALUES (1), (2);
                INSERT OR IGNORE INTO t(k) VALUES (2), (3);
                INSERT OR REPLACE INTO t(k, v) VALUES (1, 'replaced');
                INSERT INTO t(k) VALUES (3);
                UPDATE t SET v = src.v FROM src WHERE src.k = t.k;
                UPDATE t SET id = id * 10 WHERE k = 2;
                SELECT * FROM t ORDER BY id;
                SELECT rowid, x FROM log ORDER BY rowid
                """,
                chain(10),
                // INSTEAD OF triggers on views
                """
                CREATE TABLE t(a, b);
                INSERT INTO t VALUES (1, 2), (3, 4);
                CREATE VIEW v AS SELECT a, b, a + b AS s FROM t;
                CREATE VIEW w AS SELECT 1 AS x;
                CREATE TABLE log(x);
                INSERT INTO v VALUES (5, 6, 7);
                CREATE TRIGGER vi INSTEAD OF INSERT ON v BEGIN INSERT INTO t VALUES (new.a, new.b); INSERT INTO log VALUES ('i ' || quote(new.s)); END;
                CREATE TRIGGER vu INSTEAD OF UPDATE OF b ON v BEGIN UPDATE t SET b = new.b WHERE a = old.a; INSERT INTO log VALUES ('u ' || old.s || '->' || new.s || ' ' || old.b || '->' || new.b); END;
                CREATE TRIGGER vd INSTEAD OF DELETE ON v FOR EACH ROW WHEN old.a <> 3 BEGIN DELETE FROM t WHERE a = old.a; END;
                INSERT INTO v(a, b) VALUES (5, 6);
                SELECT changes();
                INSERT INTO v VALUES (7, 8, 9), (1, 1, 1);
                INSERT INTO v VALUES (7, 8);
                INSERT INTO v(a, zz) VALUES (7, 8);
                INSERT INTO v(a) SELECT a * 100 FROM t WHERE a < 4;
                UPDATE v SET b = b * 10 WHERE a > 2;
                SELECT changes();
                UPDATE v SET a = 0;
                UPDATE v AS q SET b = q.a - 1, s = 0 WHERE q.a = 1;
                DELETE FROM v WHERE a < 5;
                SELECT * FROM t ORDER BY a, b;
                SELECT rowid, x FROM log ORDER BY rowid;
                INSERT INTO w VALUES (1);
                DELETE FROM w;
                CREATE TRIGGER wd INSTEAD OF DELETE ON w BEGIN SELECT old.rowid; END;
                DELETE FROM w;
                DROP TRIGGER wd;
                DROP VIEW v;
                SELECT type, name FROM sqlite_schema ORDER BY type, name
                """,
                // an alias on the target of a trigger's INSERT, UPDATE or DELETE (newer SQLite: 3.54 accepts, 3.40 does not)
                """
                CREATE TABLE t(a, b, c);
                CREATE TABLE u(k INTEGER PRIMARY KEY, a, b);
                INSERT INTO u VALUES (1, 10, 'x'), (2, 20, 'y'), (3, 30, 'z');
                CREATE TRIGGER ti AFTER INSERT ON t BEGIN INSERT INTO u AS x(k, a) VALUES (new.a, new.b) ON CONFLICT (k) DO UPDATE SET a = x.a + excluded.a; END;
                CREATE TRIGGER tu AFTER UPDATE ON t BEGIN UPDATE u AS x SET b = x.b || new.c WHERE x.k = new.a; END;
                CREATE TRIGGER td AFTER DELETE ON t BEGIN DELETE FROM u AS x WHERE x.a > old.b; END;
                CREATE TRIGGER bad1 AFTER INSERT ON t BEGIN INSERT INTO u AS VALUES (1, 2, 3); END;
                CREATE TRIGGER bad2 AFTER INSERT ON t BEGIN INSERT INTO u AS x DEFAULT VALUES; END;
                CREATE TRIGGER bad3 AFTER INSERT ON t BEGIN UPDATE main.u AS x SET a = 1; END;
                INSERT INTO t VALUES (1, 5, 'p'), (4, 40, 'q');
                UPDATE t SET c = 'r' WHERE a = 1;
                SELECT * FROM u ORDER BY k;
                DELETE FROM t WHERE a = 4;
                SELECT * FROM u ORDER BY k;
                CREATE TRIGGER tn AFTER INSERT ON t BEGIN UPDATE u AS x SET a = 0 WHERE u.k = 1; END;
                INSERT INTO t VALUES (9, 9, 'n');
                DROP TRIGGER tn;
                UPDATE t SET c = 's' WHERE a = 1;
                DELETE FROM t WHERE a = 9;
                SELECT * FROM u ORDER BY k;
                SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name
                """,
                // upsert's DO UPDATE fires UPDATE triggers (not AFTER INSERT for that row); trigger rows count
                // in total_changes() but not changes(); last_insert_rowid() inside a trigger is the trigger's
                """
                CREATE TABLE t(k INTEGER PRIMARY KEY, v, n DEFAULT 0);
                CREATE TABLE log(what, k, oldv, newv, lastid);
                CREATE TRIGGER bi BEFORE INSERT ON t BEGIN INSERT INTO log VALUES ('bi', new.k, NULL, new.v, last_insert_rowid()); END;
                CREATE TRIGGER ai AFTER INSERT ON t BEGIN INSERT INTO log VALUES ('ai', new.k, NULL, new.v, last_insert_rowid()); END;
                CREATE TRIGGER bu BEFORE UPDATE ON t BEGIN INSERT INTO log VALUES ('bu', new.k, old.v, new.v, last_insert_rowid()); END;
                CREATE TRIGGER au AFTER UPDATE OF v ON t BEGIN INSERT INTO log VALUES ('au', new.k, old.v, new.v, last_insert_rowid()); END;
                CREATE TRIGGER aun AFTER UPDATE OF n ON t BEGIN INSERT INTO log VALUES ('aun', new.k, old.n, new.n, last_insert_rowid()); END;
                INSERT INTO t(k, v) VALUES (1, 'a'), (2, 'b');
                SELECT changes(), total_changes(), last_insert_rowid();
                INSERT INTO t(k, v) VALUES (1, 'x') ON CONFLICT (k) DO UPDATE SET v = excluded.v;
                SELECT changes(), total_changes(), last_insert_rowid();
                INSERT INTO t(k, v) VALUES (2, 'y'), (3, 'z') ON CONFLICT (k) DO UPDATE SET n = n + 1;
                SELECT changes(), total_changes(), last_insert_rowid();
                INSERT INTO t(k, v) VALUES (3, 'w') ON CONFLICT (k) DO UPDATE SET v = 'q' WHERE 0;
                SELECT changes(), total_changes(), last_insert_rowid();
                SELECT * FROM t ORDER BY k;
                SELECT rowid, * FROM log ORDER BY rowid
                """,
                // PRAGMA recursive_triggers: off, a trigger does not fire itself; on, it does, to any depth under 1000
                """
                PRAGMA recursive_triggers;
                CREATE TABLE n(v);
                CREATE TABLE seen(v);
                CREATE TRIGGER down AFTER INSERT ON n WHEN new.v > 0 BEGIN INSERT INTO seen VALUES (new.v); INSERT INTO n VALUES (new.v - 1); END;
                INSERT INTO n VALUES (5);
                SELECT count(*), sum(v) FROM n;
                PRAGMA recursive_triggers = ON;
                PRAGMA recursive_triggers;
                INSERT INTO n VALUES (300);
                SELECT count(*), sum(v), min(v) FROM n;
                SELECT count(*), sum(v) FROM seen;
                CREATE TABLE p(k INTEGER PRIMARY KEY, c);
                CREATE TRIGGER bump AFTER UPDATE OF c ON p WHEN new.c < 10 BEGIN UPDATE p SET c = c + 1 WHERE k = new.k; END;
                INSERT INTO p VALUES (1, 0), (2, 8);
                UPDATE p SET c = c + 1;
                SELECT * FROM p ORDER BY k;
                PRAGMA recursive_triggers = OFF;
                UPDATE p SET c = 0 WHERE k = 1;
                SELECT * FROM p ORDER BY k
                """);
    }

    /**
     * Tables t0 .. t{n}, where a row inserted into each but the last inserts
     * two into the next: 2^n rows in the last, from triggers nested n deep.
     */
    private static String chain(int n) {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i <= n; i++) {
            script.append("CREATE TABLE t").append(i).append("(v);\n");
        }
        for (int i = 0; i < n; i++) {
            script.append("CREATE TRIGGER g").append(i).append(" AFTER INSERT ON t").append(i)
                    .append(" BEGIN INSERT INTO t").append(i + 1).append(" VALUES (new.v * 2); INSERT INTO t")
                    .append(i + 1).append(" VALUES (new.v * 2 + 1); END;\n");
        }
        script.append("INSERT INTO t0 VALUES (1);\n");
        script.append("SELECT count(*), sum(v), min(v), max(v) FROM t").append(n).append(";\n");
        script.append("SELECT count(*) FROM t").append(n / 2);
        return script.toString();
    }

    /**
     * A prepared statement that fires triggers runs them again each time it
     * is reset and run with new bindings, inside an explicit transaction, and
     * a trigger's RAISE(ABORT) there undoes only the statement.
     */
    @Test
    void preparedStatementFiresEachRun(@TempDir Path dir) throws SQLException {
        String setup = "CREATE TABLE t(a);\n"
                + "CREATE TABLE log(x);\n"
                + "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.a * 2); "
                + "SELECT RAISE(ABORT, 'too big') WHERE new.a > 10; END";
        String check = "SELECT (SELECT group_concat(a) FROM t), (SELECT group_concat(x) FROM log)";
        try (Database db = Database.open(dir.resolve("p.db").toString()); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : setup.split(";\n")) {
                assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), sql);
            }
            assertEquals(Differential.sqlite(sqlite, "BEGIN"), Differential.turso(turso, "BEGIN"));
            try (turso.api.Statement st = turso.prepare("INSERT INTO t VALUES (?), (? + 1)");
                 java.sql.PreparedStatement ps = sqlite.prepareStatement("INSERT INTO t VALUES (?), (? + 1)")) {
                for (long v : new long[] {1, 5, 10, 3}) {
                    st.reset();
                    st.bindLong(1, v);
                    st.bindLong(2, v);
                    ps.setLong(1, v);
                    ps.setLong(2, v);
                    String sqliteError = null;
                    String tursoError = null;
                    try {
                        ps.executeUpdate();
                    } catch (SQLException e) {
                        sqliteError = e.getMessage();
                    }
                    try {
                        while (st.step()) {
                            continue;
                        }
                    } catch (turso.api.TursoException e) {
                        tursoError = e.getMessage();
                    }
                    assertEquals(sqliteError != null, tursoError != null, "error for " + v);
                    if (tursoError != null) {
                        assertTrue(sqliteError.contains(tursoError), sqliteError + " / " + tursoError);
                    }
                    assertEquals(Differential.sqlite(sqlite, check), Differential.turso(turso, check));
                }
            }
            assertEquals(Differential.sqlite(sqlite, "COMMIT"), Differential.turso(turso, "COMMIT"));
            assertEquals(Differential.sqlite(sqlite, check), Differential.turso(turso, check));
        }
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void sameAsSqlite(String script, @TempDir Path dir) throws SQLException {
        Path file = dir.resolve("t.db");
        try (Differential.Engines engines = Differential.Engines.open(file)) {
            engines.assertSameScript(script);
            engines.assertSame("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name");
        }
        Differential.assertIntegrity(file);
    }
}
