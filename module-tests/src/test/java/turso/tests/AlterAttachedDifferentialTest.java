package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALTER TABLE on a table of an attached database file, with views and
 * triggers there and TEMP ones naming it: each statement and both schemas
 * against SQLite doing the same on files of its own (sqlite-jdbc); then real
 * SQLite opens the attached file written here: its integrity check passes,
 * its stored texts are the ones SQLite wrote, and its trigger fires alike.
 */
class AlterAttachedDifferentialTest {

    private static final String SCHEMA = """
            CREATE TABLE aux.emp(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, dept INT, pay REAL);
            CREATE TABLE aux.log(what);
            CREATE INDEX aux.emp_dept ON emp(dept, name);
            CREATE VIEW aux.v_emp AS SELECT id, name FROM emp WHERE pay > 0;
            CREATE TRIGGER aux.emp_ins AFTER INSERT ON emp BEGIN INSERT INTO log VALUES (new.name || new.dept); END;
            CREATE TEMP VIEW t_emp AS SELECT name, dept FROM aux.emp;
            CREATE TEMP TRIGGER t_ins AFTER UPDATE OF name ON aux.emp BEGIN INSERT INTO log VALUES (old.name); END;
            INSERT INTO aux.emp(name, dept, pay) VALUES ('ann', 1, 10), ('bob', 2, 0)
            """;

    private static final String ALTERS = """
            ALTER TABLE aux.emp RENAME COLUMN name TO "full name";
            ALTER TABLE aux.emp ADD COLUMN note TEXT DEFAULT 'n/a';
            ALTER TABLE aux.emp DROP COLUMN pay;
            DROP VIEW aux.v_emp;
            ALTER TABLE aux.emp DROP COLUMN pay;
            ALTER TABLE aux.emp RENAME TO staff;
            ALTER TABLE aux.staff RENAME COLUMN dept TO unit
            """;

    private static final String AFTER = """
            SELECT type, name, tbl_name, sql FROM aux.sqlite_schema ORDER BY name;
            SELECT type, name, tbl_name, sql FROM sqlite_temp_schema ORDER BY name;
            INSERT INTO aux.staff("full name", unit) VALUES ('cy', 3);
            UPDATE aux.staff SET "full name" = 'Bob' WHERE id = 2;
            SELECT * FROM aux.staff ORDER BY id;
            SELECT * FROM aux.log ORDER BY rowid;
            SELECT * FROM t_emp ORDER BY 1;
            SELECT * FROM aux.sqlite_sequence
            """;

    private static final String AGAIN = """
            INSERT INTO staff("full name", unit) VALUES ('dee', 4);
            SELECT * FROM staff ORDER BY id;
            SELECT * FROM log ORDER BY rowid;
            SELECT * FROM sqlite_sequence;
            SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name
            """;

    @Test
    void attachedTableAlteredOnFileAsSqliteAltersIt(@TempDir Path dir) throws SQLException {
        Path file = dir.resolve("turso-aux.db");
        Path theirs = dir.resolve("sqlite-aux.db");
        try (Differential.Engines engines = Differential.Engines.open(dir.resolve("turso.db"),
                "jdbc:sqlite:" + dir.resolve("sqlite.db"))) {
            assertEquals(Differential.sqlite(engines.sqlite(), "ATTACH '" + theirs + "' AS aux"),
                    Differential.turso(engines.turso(), "ATTACH '" + file + "' AS aux"));
            engines.assertSameScript(SCHEMA);
            engines.assertSameScript(ALTERS);
            engines.assertSameScript(AFTER);
        }
        Differential.assertIntegrity(file);
        try (java.sql.Connection written = DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Connection own = DriverManager.getConnection("jdbc:sqlite:" + theirs)) {
            for (String sql : AGAIN.split(";\n")) {
                Differential.Result expected = Differential.sqlite(own, sql);
                assertNull(expected.error(), sql);
                assertEquals(expected, Differential.sqlite(written, sql), sql);
            }
        }
    }
}
