package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.sqlite.SQLiteException;
import turso.api.Connection;
import turso.api.Database;
import turso.api.Statement;
import turso.api.TursoException;

/**
 * FOREIGN KEY enforcement (PRAGMA foreign_keys = ON on both sides): scripts
 * run statement by statement here (on a file) and on real SQLite
 * (sqlite-jdbc) give the same rows, the same errors with the same extended
 * result codes, and the same sqlite_schema; the file written here passes
 * real SQLite's integrity check and foreign_key_check alike.
 */
class ForeignKeyDifferentialTest {

    static Stream<String> scripts() {
        return Stream.of(
                // immediate checks, NULL keys, NO ACTION, the parent's key as PRIMARY KEY or UNIQUE columns
                """
                CREATE TABLE p(id INTEGER PRIMARY KEY, u TEXT UNIQUE, v);
                CREATE TABLE c(x REFERENCES p, y REFERENCES p(u), z);
                INSERT INTO p VALUES (1, 'a', 10), (2, 'b', 20);
                INSERT INTO c VALUES (1, 'a', 'ok');
                INSERT INTO c VALUES (3, NULL, 'no parent 3');
                INSERT INTO c VALUES (NULL, 'zz', 'no parent zz');
                INSERT INTO c VALUES (NULL, NULL, 'nulls');
                INSERT INTO c VALUES ('1', 'b', 'text key');
                INSERT INTO c VALUES (2.0, 'b', 'real key');
                INSERT INTO c VALUES (2.5, NULL, 'fraction');
                SELECT x, typeof(x), y, z FROM c ORDER BY rowid;
                UPDATE c SET x = 5 WHERE z = 'ok';
                UPDATE c SET x = 2 WHERE z = 'ok';
                UPDATE c SET z = 'still ok' WHERE z = 'ok';
                DELETE FROM p WHERE id = 2;
                DELETE FROM p WHERE id = 1;
                UPDATE p SET id = 7 WHERE id = 1;
                UPDATE p SET u = 'c' WHERE u = 'b';
                UPDATE p SET v = 11 WHERE id = 1;
                INSERT INTO p VALUES (3, 'c', 30);
                DELETE FROM c WHERE z <> 'nulls';
                DELETE FROM p WHERE id = 2;
                UPDATE p SET u = 'B' WHERE u = 'b';
                SELECT * FROM p ORDER BY id;
                SELECT * FROM c ORDER BY rowid;
                PRAGMA foreign_key_check;
                PRAGMA foreign_key_list(c)
                """,
                // DML errors SQLite reports when preparing: missing parent table, parent key without a unique index
                """
                CREATE TABLE c(x REFERENCES nope(id));
                INSERT INTO c VALUES (NULL);
                DELETE FROM c;
                UPDATE c SET x = 2;
                CREATE TABLE p(id INTEGER PRIMARY KEY, u UNIQUE, v);
                CREATE TABLE cc(x REFERENCES p(v));
                INSERT INTO cc VALUES (NULL);
                DELETE FROM cc;
                DELETE FROM p;
                UPDATE p SET u = 1;
                UPDATE p SET v = 1;
                INSERT INTO p VALUES (5, 5, 5);
                CREATE TABLE c2(a, b, FOREIGN KEY (a, b) REFERENCES p(id, u));
                INSERT INTO c2 VALUES (1, 2);
                CREATE TABLE c3(a, FOREIGN KEY (a) REFERENCES p(nosuch));
                INSERT INTO c3 VALUES (1);
                CREATE TABLE q(a, b, PRIMARY KEY (a, b));
                CREATE TABLE c4(x, y, FOREIGN KEY (x, y) REFERENCES q);
                CREATE TABLE c5(x REFERENCES q);
                INSERT INTO c4 VALUES (1, 2);
                INSERT INTO q VALUES (1, 2);
                INSERT INTO c4 VALUES (1, 2);
                INSERT INTO c5 VALUES (1);
                PRAGMA foreign_key_check(c4);
                SELECT * FROM c4
                """,
                // every action, ON DELETE and ON UPDATE
                """
                CREATE TABLE p(id INTEGER PRIMARY KEY, k TEXT UNIQUE);
                CREATE TABLE casc(x REFERENCES p(k) ON DELETE CASCADE ON UPDATE CASCADE, n);
                CREATE TABLE setn(x REFERENCES p(k) ON DELETE SET NULL ON UPDATE SET NULL, n);
                CREATE TABLE setd(x DEFAULT 'dflt' REFERENCES p(k) ON DELETE SET DEFAULT ON UPDATE SET DEFAULT, n);
                CREATE TABLE rest(x REFERENCES p(k) ON DELETE RESTRICT ON UPDATE RESTRICT, n);
                CREATE TABLE noac(x REFERENCES p(k) ON DELETE NO ACTION ON UPDATE NO ACTION, n);
                INSERT INTO p VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e'), (6, 'dflt');
                INSERT INTO casc VALUES ('a', 1), ('a', 2), ('b', 3);
                INSERT INTO setn VALUES ('a', 1), ('b', 2);
                INSERT INTO setd VALUES ('a', 1), ('c', 2);
                INSERT INTO rest VALUES ('d', 1);
                INSERT INTO noac VALUES ('e', 1);
                UPDATE p SET k = 'A' WHERE k = 'a';
                SELECT * FROM casc ORDER BY n;
                SELECT * FROM setn ORDER BY n;
                SELECT * FROM setd ORDER BY n;
                UPDATE p SET k = 'b' WHERE k = 'b';
                SELECT * FROM setn ORDER BY n;
                DELETE FROM p WHERE k = 'b';
                SELECT * FROM casc ORDER BY n;
                SELECT * FROM setn ORDER BY n;
                DELETE FROM p WHERE k = 'c';
                SELECT * FROM setd ORDER BY n;
                DELETE FROM p WHERE k = 'dflt';
                DELETE FROM p WHERE k = 'd';
                UPDATE p SET k = 'D' WHERE k = 'd';
                DELETE FROM p WHERE k = 'e';
                UPDATE p SET k = 'E' WHERE k = 'e';
                DELETE FROM p WHERE k = 'A';
                SELECT * FROM p ORDER BY id;
                SELECT * FROM casc ORDER BY n;
                PRAGMA foreign_key_check
                """,
                // deferred constraints: COMMIT fails and the transaction stays open until the violation is mended
                """
                CREATE TABLE p(id INTEGER PRIMARY KEY);
                CREATE TABLE c(x REFERENCES p DEFERRABLE INITIALLY DEFERRED);
                CREATE TABLE r(x REFERENCES p ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED);
                INSERT INTO c VALUES (1);
                SELECT count(*) FROM c;
                BEGIN;
                INSERT INTO c VALUES (1);
                INSERT INTO c VALUES (2);
                COMMIT;
                SELECT * FROM c ORDER BY x;
                INSERT INTO p VALUES (1);
                COMMIT;
                INSERT INTO p VALUES (2);
                COMMIT;
                SELECT * FROM c ORDER BY x;
                BEGIN;
                DELETE FROM p WHERE id = 2;
                INSERT INTO p VALUES (2);
                COMMIT;
                BEGIN;
                DELETE FROM p WHERE id = 1;
                COMMIT;
                ROLLBACK;
                SELECT * FROM p ORDER BY id;
                INSERT INTO p VALUES (3);
                INSERT INTO r VALUES (3);
                BEGIN;
                DELETE FROM p WHERE id = 3;
                COMMIT;
                PRAGMA defer_foreign_keys;
                PRAGMA defer_foreign_keys = ON;
                PRAGMA defer_foreign_keys;
                BEGIN;
                DELETE FROM p WHERE id = 3;
                COMMIT;
                INSERT INTO p VALUES (3);
                COMMIT;
                PRAGMA defer_foreign_keys;
                SELECT * FROM p ORDER BY id
                """,
                // immediate keys inside a transaction, defer_foreign_keys for them, a failed statement undone alone
                """
                CREATE TABLE p(id INTEGER PRIMARY KEY);
                CREATE TABLE c(x REFERENCES p);
                INSERT INTO p VALUES (1);
                BEGIN;
                INSERT INTO c VALUES (1);
                INSERT INTO c VALUES (2);
                INSERT INTO c VALUES (1), (2), (3);
                COMMIT;
                SELECT * FROM c;
                PRAGMA defer_foreign_keys = 1;
                BEGIN;
                INSERT INTO c VALUES (2);
                DELETE FROM p;
                COMMIT;
                INSERT INTO p VALUES (1), (2);
                COMMIT;
                SELECT * FROM c ORDER BY x;
                PRAGMA defer_foreign_keys
                """,
                // multi-row statements that break a key and mend it before they end; self-reference
                """
                CREATE TABLE t(id INTEGER PRIMARY KEY, parent REFERENCES t(id), name);
                INSERT INTO t VALUES (1, 1, 'own parent');
                INSERT INTO t VALUES (2, 3, 'forward');
                INSERT INTO t VALUES (3, 4, 'a'), (4, 3, 'b');
                INSERT INTO t VALUES (5, NULL, 'root'), (6, 5, 'child'), (7, 6, 'grandchild');
                DELETE FROM t WHERE id = 5;
                DELETE FROM t WHERE id IN (5, 6, 7);
                UPDATE t SET id = id + 10 WHERE id IN (3, 4);
                UPDATE t SET id = 11 WHERE id = 1;
                UPDATE t SET id = 12, parent = 12 WHERE id = 1;
                SELECT * FROM t ORDER BY id;
                INSERT INTO t SELECT 20, 21, 'x' UNION ALL SELECT 21, 20, 'y';
                INSERT INTO t VALUES (30, '30', 'text self');
                INSERT INTO t VALUES (31, 32, 'missing');
                DELETE FROM t;
                SELECT count(*) FROM t;
                PRAGMA foreign_key_check(t)
                """,
                // cascades across three tables, and down a self-referencing tree
                """
                CREATE TABLE a(id INTEGER PRIMARY KEY, name);
                CREATE TABLE b(id INTEGER PRIMARY KEY, a_id REFERENCES a ON DELETE CASCADE ON UPDATE CASCADE);
                CREATE TABLE c(id INTEGER PRIMARY KEY, b_id REFERENCES b ON DELETE CASCADE ON UPDATE SET NULL);
                CREATE TABLE d(c_id REFERENCES c ON DELETE RESTRICT);
                INSERT INTO a VALUES (1, 'x'), (2, 'y');
                INSERT INTO b VALUES (10, 1), (11, 1), (12, 2);
                INSERT INTO c VALUES (100, 10), (101, 11), (102, 12), (103, NULL);
                UPDATE a SET id = 3 WHERE id = 1;
                SELECT * FROM b ORDER BY id;
                UPDATE b SET id = 13 WHERE id = 11;
                SELECT * FROM c ORDER BY id;
                DELETE FROM a WHERE id = 3;
                SELECT * FROM b ORDER BY id;
                SELECT * FROM c ORDER BY id;
                INSERT INTO d VALUES (102);
                DELETE FROM a WHERE id = 2;
                SELECT count(*) FROM a;
                SELECT count(*) FROM b;
                DELETE FROM d;
                DELETE FROM a WHERE id = 2;
                SELECT * FROM c ORDER BY id;
                CREATE TABLE tree(id INTEGER PRIMARY KEY, up REFERENCES tree ON DELETE CASCADE);
                INSERT INTO tree VALUES (1, NULL), (2, 1), (3, 2), (4, 3), (5, 1), (6, NULL);
                DELETE FROM tree WHERE id = 2;
                SELECT * FROM tree ORDER BY id;
                DELETE FROM tree WHERE id = 1;
                SELECT * FROM tree ORDER BY id
                """,
                // composite keys, collations, affinity of child values
                """
                CREATE TABLE p(a TEXT COLLATE NOCASE, b INTEGER, UNIQUE (a, b));
                CREATE TABLE c(x, y, FOREIGN KEY (y, x) REFERENCES p(b, a) ON UPDATE CASCADE);
                INSERT INTO p VALUES ('Abc', 1), ('x', 2);
                INSERT INTO c VALUES ('abc', '1');
                INSERT INTO c VALUES ('ABC', 1);
                INSERT INTO c VALUES ('abc', 2);
                INSERT INTO c VALUES ('X', 2.0);
                INSERT INTO c VALUES (NULL, 9);
                SELECT x, y, typeof(y) FROM c ORDER BY rowid;
                UPDATE p SET b = 5 WHERE a = 'abc';
                SELECT x, y, typeof(y) FROM c ORDER BY rowid;
                DELETE FROM p WHERE a = 'ABC';
                DELETE FROM c WHERE x = 'abc';
                DELETE FROM p WHERE a = 'ABC';
                PRAGMA foreign_key_check(c);
                PRAGMA foreign_key_list(c)
                """,
                // INSERT OR REPLACE deleting a parent row, and triggers on rows an action writes
                """
                CREATE TABLE p(id INTEGER PRIMARY KEY, v, u UNIQUE);
                CREATE TABLE c(x REFERENCES p);
                CREATE TABLE d(y REFERENCES p ON DELETE CASCADE);
                CREATE TABLE e(z REFERENCES p(u));
                CREATE TABLE log(what);
                CREATE TRIGGER dd AFTER DELETE ON d BEGIN INSERT INTO log VALUES ('deleted d ' || old.y); END;
                INSERT INTO p VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 30);
                INSERT INTO c VALUES (1);
                INSERT INTO d VALUES (2), (2);
                INSERT INTO e VALUES (30);
                INSERT OR REPLACE INTO p VALUES (1, 'a2', 11);
                SELECT * FROM p ORDER BY id;
                INSERT OR REPLACE INTO p VALUES (2, 'b2', 21);
                SELECT * FROM d;
                SELECT * FROM log;
                INSERT OR REPLACE INTO p VALUES (4, 'd', 30);
                INSERT OR REPLACE INTO p VALUES (3, 'c2', 31);
                REPLACE INTO p VALUES (5, 'c', 30);
                SELECT * FROM p ORDER BY id;
                INSERT OR IGNORE INTO c VALUES (99);
                UPDATE OR REPLACE p SET id = 1 WHERE id = 2;
                SELECT * FROM p ORDER BY id;
                PRAGMA foreign_key_check
                """,
                // DROP TABLE deletes the rows first (no triggers fire; actions do), and fails on an immediate violation
                """
                CREATE TABLE p(id INTEGER PRIMARY KEY);
                CREATE TABLE c(x REFERENCES p);
                CREATE TABLE d(y REFERENCES p ON DELETE CASCADE);
                CREATE TABLE log(what);
                CREATE TRIGGER pd AFTER DELETE ON p BEGIN INSERT INTO log VALUES ('deleted p ' || old.id); END;
                CREATE TRIGGER dd AFTER DELETE ON d BEGIN INSERT INTO log VALUES ('deleted d ' || old.y); END;
                INSERT INTO p VALUES (1), (2);
                INSERT INTO c VALUES (1);
                INSERT INTO d VALUES (2);
                DROP TABLE p;
                SELECT count(*) FROM p;
                DELETE FROM c;
                DROP TABLE p;
                SELECT count(*) FROM d;
                SELECT * FROM log;
                INSERT INTO c VALUES (NULL);
                INSERT INTO c VALUES (1);
                CREATE TABLE q(id INTEGER PRIMARY KEY);
                CREATE TABLE r(x REFERENCES q DEFERRABLE INITIALLY DEFERRED);
                INSERT INTO q VALUES (1);
                INSERT INTO r VALUES (1);
                BEGIN;
                DROP TABLE q;
                COMMIT;
                ROLLBACK;
                SELECT * FROM q;
                CREATE TABLE mm(id, v);
                CREATE TABLE mc(x REFERENCES mm(v));
                INSERT INTO mm VALUES (1, 1);
                DROP TABLE mm;
                SELECT name FROM sqlite_schema ORDER BY name
                """,
                // UPSERT: DO UPDATE checks keys and runs actions as UPDATE does; DO NOTHING writes nothing
                """
                CREATE TABLE p(id INTEGER PRIMARY KEY, k UNIQUE, n);
                CREATE TABLE c(x REFERENCES p(k) ON UPDATE CASCADE, y REFERENCES p(id));
                INSERT INTO p VALUES (1, 'a', 0), (2, 'b', 0);
                INSERT INTO c VALUES ('a', 1);
                INSERT INTO p VALUES (1, 'z', 5) ON CONFLICT (id) DO UPDATE SET k = excluded.k, n = excluded.n;
                SELECT * FROM c;
                INSERT INTO c VALUES ('b', 2) ON CONFLICT DO NOTHING;
                INSERT INTO c VALUES ('q', 2) ON CONFLICT DO NOTHING;
                CREATE TABLE u(id INTEGER PRIMARY KEY, ref REFERENCES p(id));
                INSERT INTO u VALUES (1, 1);
                INSERT INTO u VALUES (1, 7) ON CONFLICT (id) DO UPDATE SET ref = excluded.ref;
                INSERT INTO u VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET ref = excluded.ref;
                SELECT * FROM u;
                SELECT * FROM p ORDER BY id
                """,
                // savepoints keep the count of deferred violations: ROLLBACK TO restores it, RELEASE of a transaction checks it
                """
                CREATE TABLE p(id INTEGER PRIMARY KEY);
                CREATE TABLE c(x REFERENCES p DEFERRABLE INITIALLY DEFERRED);
                SAVEPOINT a;
                INSERT INTO c VALUES (1);
                SAVEPOINT b;
                INSERT INTO c VALUES (2);
                ROLLBACK TO b;
                RELEASE a;
                SELECT * FROM c;
                ROLLBACK TO a;
                RELEASE a;
                SELECT count(*) FROM c;
                BEGIN;
                INSERT INTO c VALUES (5);
                SAVEPOINT s;
                INSERT INTO p VALUES (5);
                ROLLBACK TO s;
                COMMIT;
                INSERT INTO p VALUES (5);
                COMMIT;
                SELECT * FROM c
                """,
                // triggers: a BEFORE trigger may remove the children, an AFTER trigger may add the missing parent
                """
                CREATE TABLE p(id INTEGER PRIMARY KEY, n);
                CREATE TABLE c(id INTEGER PRIMARY KEY REFERENCES p, v);
                CREATE TABLE q(k TEXT);
                CREATE UNIQUE INDEX qk ON q(k);
                CREATE TABLE qc(k REFERENCES q(k));
                CREATE TRIGGER pbd BEFORE DELETE ON p WHEN old.n = 'clean' BEGIN DELETE FROM c WHERE id = old.id; END;
                CREATE TRIGGER cai AFTER INSERT ON c WHEN new.v = 'adopt' BEGIN INSERT INTO p VALUES (new.id, 'auto'); END;
                INSERT INTO p VALUES (1, 'clean'), (2, 'keep');
                INSERT INTO c VALUES (1, 'x'), (2, 'y');
                INSERT INTO c(v) VALUES ('no id');
                INSERT INTO c VALUES (7, 'orphan');
                INSERT INTO c VALUES (8, 'adopt');
                DELETE FROM p WHERE id = 1;
                DELETE FROM p WHERE id = 2;
                SELECT * FROM p ORDER BY id;
                SELECT * FROM c ORDER BY id;
                UPDATE c SET id = 9 WHERE id = 8;
                UPDATE c SET id = 2 WHERE id = 8;
                INSERT INTO q VALUES ('a');
                INSERT INTO qc VALUES ('a');
                INSERT INTO qc VALUES ('b');
                DROP INDEX qk;
                INSERT INTO qc VALUES ('a');
                PRAGMA foreign_key_check(qc);
                PRAGMA foreign_key_check(c)
                """,
                // a cascade 999 levels deep (the most SQLite runs: see cascadeDepthLimit)
                CHAIN + """
                DELETE FROM chain WHERE id = 1;
                SELECT count(*) FROM chain
                """,
                // foreign_keys is off by default, and a no-op inside a transaction; ALTER TABLE RENAME keeps the keys
                """
                PRAGMA foreign_keys = OFF;
                PRAGMA foreign_keys;
                CREATE TABLE p(id INTEGER PRIMARY KEY);
                CREATE TABLE c(x REFERENCES p);
                INSERT INTO c VALUES (1);
                BEGIN;
                PRAGMA foreign_keys = ON;
                PRAGMA foreign_keys;
                COMMIT;
                PRAGMA foreign_keys = ON;
                PRAGMA foreign_key_check;
                INSERT INTO c VALUES (2);
                INSERT INTO p VALUES (1), (2);
                ALTER TABLE p RENAME TO parent;
                ALTER TABLE parent RENAME COLUMN id TO pid;
                INSERT INTO c VALUES (3);
                DELETE FROM parent WHERE pid = 1;
                PRAGMA foreign_key_list(c);
                CREATE TABLE e(a);
                ALTER TABLE e ADD COLUMN b REFERENCES parent DEFAULT 1;
                INSERT INTO e(a) VALUES (1);
                ALTER TABLE e ADD COLUMN c REFERENCES parent DEFAULT 2;
                ALTER TABLE e ADD COLUMN d REFERENCES parent DEFAULT NULL;
                ALTER TABLE e ADD COLUMN f DEFAULT 3;
                SELECT * FROM e;
                PRAGMA foreign_key_check
                """);
    }

    /** A self-referencing chain of 1000 rows, each referring to the one before, with ON DELETE CASCADE. */
    private static final String CHAIN = """
            CREATE TABLE d(x);
            INSERT INTO d VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
            CREATE TABLE chain(id INTEGER PRIMARY KEY, up REFERENCES chain ON DELETE CASCADE);
            CREATE INDEX chain_up ON chain(up);
            INSERT INTO chain SELECT a.x * 100 + b.x * 10 + c.x + 1, nullif(a.x * 100 + b.x * 10 + c.x, 0)
              FROM d AS a, d AS b, d AS c;
            """;

    /**
     * A statement prepared before PRAGMA foreign_keys changes is compiled
     * again before its next run, as SQLite expires it: the same INSERT of an
     * orphan row works with the pragma off and fails with it on, on both sides.
     */
    @Test
    void preparedStatementsFollowThePragma() throws SQLException {
        try (Database db = Database.open(Database.MEMORY); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : List.of("CREATE TABLE p(id INTEGER PRIMARY KEY)", "CREATE TABLE c(x REFERENCES p)")) {
                turso.execute(sql);
                sqlite.createStatement().execute(sql);
            }
            String insert = "INSERT INTO c VALUES (?)";
            try (Statement here = turso.prepare(insert); var there = sqlite.prepareStatement(insert)) {
                List<String> hereOutcomes = new ArrayList<>();
                List<String> thereOutcomes = new ArrayList<>();
                for (int value = 1; value <= 3; value++) {
                    String pragma = "PRAGMA foreign_keys = " + (value == 2 ? "ON" : "OFF");
                    if (value > 1) {
                        turso.execute(pragma);
                        sqlite.createStatement().execute(pragma);
                    }
                    here.bindLong(1, value);
                    try {
                        here.step();
                        hereOutcomes.add("ok");
                    } catch (TursoException e) {
                        hereOutcomes.add(e.getMessage());
                    }
                    here.reset();
                    there.setLong(1, value);
                    try {
                        there.executeUpdate();
                        thereOutcomes.add("ok");
                    } catch (SQLiteException e) {
                        thereOutcomes.add(e.getMessage().replaceFirst(".*\\((.*)\\)$", "$1"));
                    }
                }
                assertEquals(List.of("ok", "FOREIGN KEY constraint failed", "ok"), thereOutcomes);
                assertEquals(thereOutcomes, hereOutcomes);
            }
        }
    }

    /**
     * PRAGMA foreign_key_check without a table lists the tables in the order
     * SQLite 3.40's table hash gives (the sqlite3 CLI is the oracle: newer
     * SQLite, as in sqlite-jdbc, orders them otherwise), with a few tables
     * (no buckets yet) and with more than ten (rehashed twice).
     */
    @Test
    void foreignKeyCheckOrderAsSqlite340() throws Exception {
        StringBuilder script = new StringBuilder("""
                CREATE TABLE p(id INTEGER PRIMARY KEY);
                CREATE TABLE Zeta(x REFERENCES p);
                CREATE TABLE alpha(x REFERENCES p);
                CREATE VIEW v AS SELECT 1;
                CREATE TABLE mid(x REFERENCES p, y REFERENCES p);
                INSERT INTO Zeta VALUES (1), (2);
                INSERT INTO alpha VALUES (3);
                INSERT INTO mid VALUES (4, 5), (NULL, 6);
                PRAGMA foreign_key_check;
                """);
        for (int i = 1; i <= 25; i++) {
            script.append("CREATE TABLE c").append(i).append("(x REFERENCES p);\n");
            script.append("INSERT INTO c").append(i).append(" VALUES (").append(i).append(");\n");
        }
        script.append("PRAGMA foreign_key_check;\n");
        Process p = new ProcessBuilder("sqlite3", "-batch", ":memory:").redirectErrorStream(true).start();
        p.getOutputStream().write(script.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        p.getOutputStream().close();
        List<String> cli = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines().toList();
        p.waitFor();
        assertEquals(6 + 6 + 25, cli.size(), String.join("\n", cli));
        List<String> here = new ArrayList<>();
        try (Database db = Database.open(Database.MEMORY); Connection turso = db.connect()) {
            for (String sql : script.toString().split(";\n")) {
                if (sql.startsWith("PRAGMA foreign_key_check")) {
                    turso.execute("PRAGMA foreign_keys = ON");
                    for (List<String> row : turso(turso, sql).rows()) {
                        here.add(String.join("|", row.stream().map(v -> v.substring(v.indexOf(':') + 1)).toList()));
                    }
                    turso.execute("PRAGMA foreign_keys = OFF");
                } else {
                    turso.execute(sql);
                }
            }
        }
        assertEquals(cli, here);
    }

    /**
     * A cascade 1000 levels deep fails as the sqlite3 CLI (3.40) fails it,
     * with "too many levels of trigger recursion", and deletes nothing
     * (sqlite-jdbc's newer SQLite fails it too, in other words).
     */
    @Test
    void cascadeDepthLimit() throws Exception {
        String script = "PRAGMA foreign_keys = ON;\n" + CHAIN + """
                INSERT INTO chain VALUES (1001, 1000);
                DELETE FROM chain WHERE id = 1;
                SELECT count(*) FROM chain;
                """;
        Process p = new ProcessBuilder("sqlite3", "-batch", ":memory:").redirectErrorStream(true).start();
        p.getOutputStream().write(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String cli = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        assertTrue(cli.contains("too many levels of trigger recursion"), cli);
        assertTrue(cli.strip().endsWith("\n1001"), cli);
        try (Database db = Database.open(Database.MEMORY); Connection turso = db.connect()) {
            String[] statements = script.split(";\n");
            for (int i = 0; i < statements.length - 2; i++) {
                turso.execute(statements[i]);
            }
            Outcome failed = turso(turso, statements[statements.length - 2]);
            assertEquals("too many levels of trigger recursion", failed.error());
            assertEquals(List.of(List.of("Long:1001")), turso(turso, statements[statements.length - 1]).rows());
        }
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void sameAsSqlite(String script, @TempDir Path dir) throws SQLException {
        Path file = dir.resolve("t.db");
        try (Database db = Database.open(file.toString()); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            String enable = "PRAGMA foreign_keys = ON";
            assertEquals(sqlite(sqlite, enable), turso(turso, enable));
            for (String sql : script.split(";\n")) {
                assertEquals(sqlite(sqlite, sql), turso(turso, sql), sql);
            }
            String schema = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name";
            assertEquals(sqlite(sqlite, schema), turso(turso, schema));
        }
        List<List<String>> here;
        try (Database db = Database.open(file.toString()); Connection turso = db.connect()) {
            here = sorted(turso(turso, "PRAGMA foreign_key_check").rows());
        }
        try (java.sql.Connection check = DriverManager.getConnection("jdbc:sqlite:" + file);
             var st = check.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
            assertEquals(sorted(sqlite(check, "PRAGMA foreign_key_check").rows()), here, "foreign_key_check of the file");
        }
    }

    /** Rows in a fixed order (foreign_key_check lists tables in an order that changed after SQLite 3.40). */
    private static List<List<String>> sorted(List<List<String>> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }

    /** A statement's rows (values as text, with their types), or its error message and extended result code. */
    record Outcome(List<List<String>> rows, String error, int code) {
    }

    private static Outcome sqlite(java.sql.Connection c, String sql) {
        try (var st = c.createStatement()) {
            List<List<String>> rows = new ArrayList<>();
            if (st.execute(sql)) {
                try (ResultSet rs = st.getResultSet()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= n; i++) {
                            Object v = rs.getObject(i);
                            row.add(v == null ? null : (v instanceof Integer k ? Long.valueOf(k) : v).getClass()
                                    .getSimpleName() + ":" + v);
                        }
                        rows.add(row);
                    }
                }
            }
            return new Outcome(rows, null, 0);
        } catch (SQLiteException e) {
            String message = e.getMessage();
            int open = message.indexOf('(');
            return new Outcome(List.of(), open < 0 ? message : message.substring(open + 1, message.length() - 1),
                    e.getResultCode().code);
        } catch (SQLException e) {
            return new Outcome(List.of(), e.getMessage(), -1);
        }
    }

    private static Outcome turso(Connection c, String sql) {
        try (Statement st = c.prepare(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (st.step()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < st.columnCount(); i++) {
                    row.add(switch (st.columnType(i)) {
                        case NULL -> null;
                        case INTEGER -> "Long:" + st.columnLong(i);
                        case REAL -> "Double:" + st.columnDouble(i);
                        case TEXT -> "String:" + st.columnText(i);
                        case BLOB -> "byte[]:" + java.util.Arrays.toString(st.columnBlob(i));
                    });
                }
                rows.add(row);
            }
            return new Outcome(rows, null, 0);
        } catch (TursoException e) {
            return new Outcome(List.of(), e.getMessage(), e.resultCode().code());
        }
    }
}
