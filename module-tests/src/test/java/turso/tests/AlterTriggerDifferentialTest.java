package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALTER TABLE RENAME TO / RENAME COLUMN / DROP COLUMN over a schema with
 * triggers and views, on a database file: each statement, and sqlite_schema
 * after each, against SQLite writing a file of its own (sqlite-jdbc); then
 * real SQLite opens the file written here: its integrity check passes, the
 * stored texts are the ones it wrote itself, and the rewritten triggers fire
 * there as they fire in its own file.
 */
class AlterTriggerDifferentialTest {

    private static final String SCHEMA = """
            CREATE TABLE emp(id INTEGER PRIMARY KEY, name TEXT UNIQUE, dept INT, pay REAL);
            CREATE TABLE log(what, name);
            CREATE INDEX emp_dept ON emp(dept, name);
            CREATE VIEW v_emp AS SELECT e.id, e.name, (SELECT count(*) FROM log WHERE log.name = e.name) AS n FROM emp AS e;
            CREATE TRIGGER emp_ins AFTER INSERT ON emp WHEN new.name <> '' BEGIN \
            INSERT INTO log(what, name) VALUES ('ins', new.name); \
            UPDATE emp SET pay = coalesce(pay, 0) + 1 WHERE emp.id = new.id AND name = new.name; END;
            CREATE TRIGGER emp_upd AFTER UPDATE OF name, dept ON emp BEGIN \
            INSERT INTO log SELECT 'upd ' || old.name, [name] FROM emp WHERE id = new.id; END;
            CREATE TRIGGER log_ins AFTER INSERT ON log WHEN new.what = 'bump' BEGIN \
            INSERT INTO emp(id, name, dept) VALUES (100, new.name, 9) \
            ON CONFLICT(name) DO UPDATE SET dept = excluded.dept + emp.dept WHERE excluded.name = name; \
            DELETE FROM "emp" WHERE "emp".dept > 50; END;
            INSERT INTO emp(id, name, dept) VALUES (1, 'ann', 1), (2, 'bob', 2);
            INSERT INTO log VALUES ('bump', 'ann');
            """;

    private static final String ALTERS = """
            ALTER TABLE emp RENAME COLUMN name TO "full name";
            ALTER TABLE emp DROP COLUMN dept;
            ALTER TABLE emp DROP COLUMN pay;
            ALTER TABLE emp RENAME COLUMN dept TO unit;
            ALTER TABLE log RENAME COLUMN name TO who;
            ALTER TABLE emp RENAME TO staff;
            ALTER TABLE log RENAME TO journal;
            ALTER TABLE staff RENAME COLUMN id TO sid;
            """;

    private static final String FIRE = """
            INSERT INTO staff(sid, "full name", unit) VALUES (3, 'cy', 3);
            UPDATE staff SET "full name" = 'Bob' WHERE sid = 2;
            INSERT INTO journal VALUES ('bump', 'cy');
            INSERT INTO journal VALUES ('bump', 'cy');
            SELECT * FROM staff ORDER BY sid;
            SELECT * FROM journal ORDER BY rowid;
            SELECT * FROM v_emp ORDER BY 1;
            """;

    /** What real SQLite then runs on both files. */
    private static final String FIRE_AGAIN = """
            INSERT INTO staff(sid, "full name", unit) VALUES (4, 'dee', 4);
            UPDATE staff SET unit = 7 WHERE sid = 4;
            INSERT INTO journal VALUES ('bump', 'dee');
            INSERT INTO journal VALUES ('bump', 'ann');
            DELETE FROM staff WHERE sid = 1;
            SELECT * FROM staff ORDER BY sid;
            SELECT * FROM journal ORDER BY rowid;
            SELECT * FROM v_emp ORDER BY 1;
            """;

    @Test
    void triggersRewrittenOnFileAsSqliteRewritesThem(@TempDir Path dir) throws SQLException {
        Path file = dir.resolve("turso.db");
        Path theirs = dir.resolve("sqlite.db");
        try (Differential.Engines engines = Differential.Engines.open(file, "jdbc:sqlite:" + theirs)) {
            engines.assertSameScript(SCHEMA);
            for (String alter : ALTERS.split(";\n")) {
                engines.assertSame(alter);
                engines.assertSame(Differential.SCHEMA);
            }
            engines.assertSameScript(FIRE);
        }
        Differential.assertIntegrity(file);
        try (java.sql.Connection written = DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Connection own = DriverManager.getConnection("jdbc:sqlite:" + theirs)) {
            assertEquals(Differential.sqlite(own, Differential.SCHEMA), Differential.sqlite(written, Differential.SCHEMA));
            for (String sql : FIRE_AGAIN.split(";\n")) {
                Differential.Result expected = Differential.sqlite(own, sql);
                assertNull(expected.error(), sql);
                assertEquals(expected, Differential.sqlite(written, sql), sql);
            }
            assertEquals(Differential.sqlite(own, "PRAGMA integrity_check"),
                    Differential.sqlite(written, "PRAGMA integrity_check"));
        }
    }
}
