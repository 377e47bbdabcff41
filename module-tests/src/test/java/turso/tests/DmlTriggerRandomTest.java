package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Connection;
import turso.api.Database;

/**
 * Random writes where DML meets triggers and RETURNING, run here and on real
 * SQLite (sqlite-jdbc): INSERT [OR REPLACE | OR IGNORE], UPDATE and DELETE on
 * REAL columns holding integral values (SQLite hands some of them on to
 * RETURNING as integers), on a STRICT table, on a table whose BEFORE DELETE
 * trigger ignores some rows (REPLACE then fails when recursive_triggers is
 * on), and on a view whose INSTEAD OF triggers write elsewhere and sometimes
 * RAISE(IGNORE); RETURNING with pass-through functions, arithmetic and
 * subqueries. Every statement gives the same rows (values and storage
 * classes) or error; the tables are compared every 100 statements. The seed
 * is fixed (CI stays reproducible); -Dturso.dml.seed=N explores another,
 * -Dturso.long=true runs ten times more statements.
 */
class DmlTriggerRandomTest {
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE p(id INTEGER PRIMARY KEY, r REAL, k UNIQUE, n INT)",
            "CREATE TABLE q(id INTEGER PRIMARY KEY, r REAL, n)",
            "CREATE TABLE s(id INT PRIMARY KEY, r REAL, n INT) STRICT",
            "CREATE TABLE log(what, v)",
            "CREATE TRIGGER p_bd BEFORE DELETE ON p WHEN OLD.n % 4 = 0 BEGIN SELECT RAISE(IGNORE); END",
            "CREATE TRIGGER p_ad AFTER DELETE ON p BEGIN INSERT INTO log VALUES ('p-', coalesce(OLD.r, OLD.id)); END",
            "CREATE TRIGGER q_ai AFTER INSERT ON q BEGIN INSERT INTO log VALUES ('q+', coalesce(NEW.r, -1)); END",
            "CREATE VIEW pv AS SELECT id, r, n FROM q",
            "CREATE TRIGGER pv_i INSTEAD OF INSERT ON pv BEGIN SELECT RAISE(IGNORE) WHERE NEW.n = 3;"
                    + " INSERT INTO q VALUES (NEW.id, NEW.r, NEW.n); END",
            "CREATE TRIGGER pv_u INSTEAD OF UPDATE OF r ON pv BEGIN UPDATE q SET r = NEW.r WHERE id = OLD.id; END",
            "CREATE TRIGGER pv_d INSTEAD OF DELETE ON pv WHEN OLD.n IS NOT 2 BEGIN DELETE FROM q WHERE id = OLD.id; END");
    private static final List<String> TABLES = List.of("p", "q", "s", "pv");

    @Test
    void sameAsSqlite(@TempDir Path dir) throws SQLException {
        long seed = Long.getLong("turso.dml.seed", 20261121L);
        System.out.println("DmlTriggerRandomTest seed: " + seed + " (replay with -Dturso.dml.seed=" + seed + ")");
        Random random = new Random(seed);
        int statements = Boolean.getBoolean("turso.long") ? 20_000 : 2_000;
        try (Database db = Database.open(dir.resolve("r.db").toString()); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : SCHEMA) {
                assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), sql);
            }
            for (int i = 0; i < statements; i++) {
                String sql = statement(random);
                assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), "seed " + seed + ": " + sql);
                if (i % 100 == 99) {
                    for (String check : List.of("SELECT *, typeof(r) FROM p ORDER BY id", "SELECT *, typeof(r) FROM q ORDER BY id",
                            "SELECT *, typeof(r) FROM s ORDER BY id", "SELECT what, v, typeof(v) FROM log ORDER BY rowid")) {
                        assertEquals(Differential.sqlite(sqlite, check), Differential.turso(turso, check),
                                "seed " + seed + ", after statement " + i + ": " + check);
                    }
                }
            }
            assertEquals(Differential.sqlite(sqlite, "PRAGMA integrity_check"),
                    Differential.turso(turso, "PRAGMA integrity_check"));
        }
    }

    private static String statement(Random r) {
        String t = TABLES.get(r.nextInt(TABLES.size()));
        return switch (r.nextInt(10)) {
            case 0 -> "PRAGMA recursive_triggers = " + r.nextInt(2);
            case 1, 2, 3 -> insert(r, t);
            case 4, 5, 6 -> "UPDATE " + (r.nextInt(4) == 0 && !t.equals("pv") ? "OR REPLACE " : "") + t + " SET " + set(r)
                    + " WHERE " + condition(r) + returning(r);
            case 7 -> "DELETE FROM " + t + " WHERE " + condition(r) + returning(r);
            default -> insert(r, t);
        };
    }

    private static String insert(Random r, String t) {
        StringBuilder s = new StringBuilder("INSERT ");
        if (!t.equals("pv")) {
            s.append(switch (r.nextInt(4)) {
                case 0 -> "OR REPLACE ";
                case 1 -> "OR IGNORE ";
                default -> "";
            });
        }
        s.append("INTO ").append(t).append(t.equals("p") ? "(id, r, k, n)" : "(id, r, n)").append(" VALUES ");
        int rows = 1 + r.nextInt(3);
        for (int k = 0; k < rows; k++) {
            s.append(k == 0 ? "" : ", ").append('(').append(1 + r.nextInt(12)).append(", ").append(real(r));
            if (t.equals("p")) {
                s.append(", ").append(r.nextInt(3) == 0 ? "NULL" : String.valueOf(r.nextInt(8)));
            }
            s.append(", ").append(r.nextInt(6)).append(')');
        }
        return s + returning(r);
    }

    private static String set(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> "r = " + real(r);
            case 1 -> "n = " + r.nextInt(6);
            case 2 -> "r = r + 1";
            case 3 -> "id = id + " + (1 + r.nextInt(5));
            default -> "r = coalesce(r, 0) * 2, n = n + 1";
        };
    }

    private static String condition(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "id > " + r.nextInt(12);
            case 1 -> "r IS NULL";
            case 2 -> "n = " + r.nextInt(6);
            default -> "id % " + (2 + r.nextInt(3)) + " = 0";
        };
    }

    private static String returning(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> " RETURNING *";
            case 1 -> " RETURNING id, coalesce(r, -1), typeof(coalesce(r, -1))";
            case 2 -> " RETURNING +r, ifnull(r, n), CASE WHEN n > 2 THEN r ELSE n END, max(r, 1), nullif(r, 0.5)";
            case 3 -> " RETURNING r * 1, typeof(r), iif(n, r, 0), likely(r), (SELECT count(*) FROM log)";
            case 4 -> " RETURNING id, r, n, (SELECT count(*) FROM q)";
            default -> "";
        };
    }

    private static String real(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> "NULL";
            case 1 -> "-0.0";
            case 2 -> "1.5";
            case 3 -> "'3'";
            case 4 -> "140737488355328.0";
            case 5 -> String.valueOf(r.nextInt(9));
            default -> r.nextInt(9) + ".0";
        };
    }
}
