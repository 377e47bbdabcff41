package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Connection;
import turso.api.Database;

/**
 * Random INSERT (with upsert clauses and conflict clauses), UPDATE and DELETE
 * (with ORDER BY / LIMIT and RETURNING) on a table with CHECK, UNIQUE and
 * AUTOINCREMENT, run here and on real SQLite (sqlite-jdbc): every statement
 * gives the same rows or error, and the tables end the same. The seed is
 * printed; -Dturso.dml.seed replays it, -Dturso.long=true runs more statements.
 */
class DmlRandomTest {

    @Test
    void sameAsSqlite(@TempDir Path dir) throws SQLException {
        long seed = Long.getLong("turso.dml.seed", System.nanoTime());
        System.out.println("DmlRandomTest seed: " + seed + " (replay with -Dturso.dml.seed=" + seed + ")");
        Random random = new Random(seed);
        int statements = Boolean.getBoolean("turso.long") ? 20_000 : 2_000;
        List<String> setup = List.of(
                "CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, a INTEGER UNIQUE, b TEXT, c CHECK(c IS NULL OR c < 50),"
                        + " UNIQUE(b, c))",
                "CREATE INDEX tc ON t(c) WHERE c > 10");
        try (Database db = Database.open(dir.resolve("r.db").toString()); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : setup) {
                assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), sql);
            }
            for (int i = 0; i < statements; i++) {
                String sql = i % 500 == 0 ? "BEGIN" : i % 500 == 499 ? "COMMIT" : statement(random);
                assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), "seed " + seed + ": " + sql);
            }
            for (String sql : List.of("COMMIT", "SELECT * FROM t ORDER BY id", "SELECT * FROM sqlite_sequence",
                    "PRAGMA integrity_check")) {
                assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), sql);
            }
        }
    }

    private static String statement(Random r) {
        return switch (r.nextInt(6)) {
            case 0, 1 -> insert(r);
            case 2 -> "UPDATE " + orConflict(r) + "t SET " + set(r, false) + " WHERE " + condition(r)
                    + returning(r) + (r.nextInt(3) == 0 ? " ORDER BY " + column(r) + (r.nextBoolean() ? " DESC" : "")
                            + ", id LIMIT " + r.nextInt(4) : "");
            case 3 -> "DELETE FROM t WHERE " + condition(r) + returning(r)
                    + (r.nextInt(3) == 0 ? " ORDER BY " + column(r) + ", id LIMIT " + r.nextInt(3) : "");
            default -> insert(r);
        };
    }

    private static String insert(Random r) {
        StringBuilder s = new StringBuilder("INSERT ").append(orConflict(r)).append("INTO t(id, a, b, c) VALUES ");
        int rows = 1 + r.nextInt(3);
        for (int k = 0; k < rows; k++) {
            s.append(k == 0 ? "" : ", ").append('(').append(r.nextInt(4) == 0 ? String.valueOf(r.nextInt(30)) : "NULL")
                    .append(", ").append(value(r)).append(", ").append(text(r)).append(", ").append(value(r)).append(')');
        }
        int clauses = r.nextInt(3);
        List<String> targets = new ArrayList<>(List.of("(a)", "(b, c)", "(id)", "(c, b)"));
        for (int k = 0; k < clauses; k++) {
            boolean last = k == clauses - 1;
            String target = last && r.nextInt(3) == 0 ? "" : targets.remove(r.nextInt(targets.size()));
            s.append(" ON CONFLICT").append(target);
            if (r.nextBoolean()) {
                s.append(" DO NOTHING");
            } else {
                s.append(" DO UPDATE SET ").append(set(r, true));
                if (r.nextBoolean()) {
                    s.append(" WHERE ").append(condition(r));
                }
            }
            if (target.isEmpty()) {
                break;
            }
        }
        return s + returning(r);
    }

    private static String set(Random r, boolean upsert) {
        return switch (r.nextInt(4)) {
            case 0 -> "a = " + (upsert && r.nextBoolean() ? "excluded.a + 1" : "a + " + r.nextInt(5));
            case 1 -> "c = " + (upsert ? "excluded.c" : value(r));
            case 2 -> "b = " + text(r) + ", c = coalesce(c, 0) + 1";
            default -> "id = id + " + (1 + r.nextInt(40));
        };
    }

    private static String condition(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> column(r) + " > " + r.nextInt(30);
            case 1 -> column(r) + " IS NULL";
            case 2 -> "b = " + text(r);
            default -> "id % " + (2 + r.nextInt(3)) + " = 0";
        };
    }

    private static String returning(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> " RETURNING *";
            case 1 -> " RETURNING id, a + 1, typeof(c)";
            default -> "";
        };
    }

    private static String orConflict(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "OR IGNORE ";
            case 1 -> "OR REPLACE ";
            default -> "";
        };
    }

    private static String column(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> "a";
            case 1 -> "c";
            default -> "id";
        };
    }

    private static String value(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "NULL";
            case 1 -> "'" + r.nextInt(60) + "'";
            default -> String.valueOf(r.nextInt(60));
        };
    }

    private static String text(Random r) {
        return r.nextInt(5) == 0 ? "NULL" : "'" + (char) ('p' + r.nextInt(4)) + "'";
    }
}
