package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static turso.tests.PragmaDifferentialTest.sqlite;
import static turso.tests.PragmaDifferentialTest.turso;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import turso.api.Connection;
import turso.api.Database;
import turso.tests.PragmaDifferentialTest.Result;

/**
 * The pragmas of SQLite 3.40 that were "not supported yet" before (issue
 * 6): the same statements through this engine and through real SQLite
 * (sqlite-jdbc, or the 3.40 CLI where 3.54 changed), with the same result
 * columns, rows and errors; then their effects: query_only refusing writes,
 * max_page_count filling the database, data_version seeing other
 * connections' commits, locking_mode EXCLUSIVE keeping the locks,
 * secure_delete zeroing freed bytes in the file, ignore_check_constraints,
 * and optimize's choice of tables.
 */
class PragmaListDifferentialTest {

    static Stream<String> scripts() {
        return Stream.of(
                """
                PRAGMA analysis_limit;
                PRAGMA analysis_limit = 100;
                PRAGMA analysis_limit;
                PRAGMA analysis_limit = -5;
                PRAGMA analysis_limit = abc;
                PRAGMA analysis_limit = 0x10;
                PRAGMA main.analysis_limit;
                SELECT * FROM pragma_analysis_limit;
                PRAGMA threads;
                PRAGMA threads = 3;
                PRAGMA threads = 100;
                PRAGMA threads = -1;
                PRAGMA threads;
                SELECT * FROM pragma_threads;
                PRAGMA soft_heap_limit;
                PRAGMA soft_heap_limit = 5000000;
                PRAGMA soft_heap_limit = -1;
                PRAGMA soft_heap_limit = 0;
                PRAGMA soft_heap_limit;
                PRAGMA hard_heap_limit;
                SELECT * FROM pragma_hard_heap_limit;
                PRAGMA data_version;
                PRAGMA data_version = 5;
                PRAGMA main.data_version;
                SELECT * FROM pragma_data_version
                """,
                """
                PRAGMA automatic_index;
                PRAGMA automatic_index = off;
                PRAGMA automatic_index;
                PRAGMA automatic_index = 'yes';
                PRAGMA main.automatic_index;
                PRAGMA cell_size_check;
                PRAGMA cell_size_check = 1;
                PRAGMA cell_size_check;
                PRAGMA checkpoint_fullfsync;
                PRAGMA checkpoint_fullfsync = true;
                PRAGMA checkpoint_fullfsync;
                PRAGMA count_changes;
                PRAGMA empty_result_callbacks;
                PRAGMA empty_result_callbacks = on;
                PRAGMA empty_result_callbacks;
                PRAGMA full_column_names;
                PRAGMA full_column_names = 1;
                PRAGMA full_column_names;
                PRAGMA short_column_names;
                PRAGMA short_column_names = 0;
                PRAGMA short_column_names;
                PRAGMA full_column_names = 0;
                PRAGMA short_column_names = 1;
                PRAGMA fullfsync;
                PRAGMA fullfsync = 1;
                PRAGMA fullfsync;
                PRAGMA ignore_check_constraints;
                PRAGMA legacy_alter_table;
                PRAGMA legacy_alter_table = on;
                PRAGMA legacy_alter_table;
                PRAGMA legacy_alter_table = off;
                PRAGMA query_only;
                PRAGMA read_uncommitted;
                PRAGMA read_uncommitted = 1;
                PRAGMA read_uncommitted;
                PRAGMA reverse_unordered_selects;
                PRAGMA trusted_schema;
                PRAGMA trusted_schema = 0;
                PRAGMA trusted_schema;
                PRAGMA writable_schema;
                PRAGMA writable_schema = 1;
                PRAGMA writable_schema;
                PRAGMA writable_schema = reset;
                PRAGMA writable_schema;
                SELECT * FROM pragma_automatic_index;
                SELECT * FROM pragma_trusted_schema;
                SELECT * FROM pragma_short_column_names;
                PRAGMA shrink_memory;
                SELECT * FROM pragma_shrink_memory
                """,
                """
                PRAGMA cache_spill;
                PRAGMA default_cache_size;
                CREATE TABLE t(a CHECK (a > 0), b);
                PRAGMA default_cache_size;
                PRAGMA default_cache_size = 100;
                PRAGMA default_cache_size;
                PRAGMA cache_size;
                PRAGMA cache_spill;
                PRAGMA default_cache_size = -300;
                PRAGMA default_cache_size;
                PRAGMA cache_size;
                PRAGMA cache_size = -100;
                PRAGMA cache_spill;
                PRAGMA cache_spill = 0;
                PRAGMA cache_spill;
                PRAGMA cache_spill = 1000;
                PRAGMA cache_spill;
                PRAGMA cache_spill = -50;
                PRAGMA cache_spill;
                PRAGMA cache_size = -1;
                PRAGMA cache_spill;
                PRAGMA cache_spill = off;
                PRAGMA cache_spill;
                PRAGMA cache_spill = yes;
                PRAGMA cache_spill;
                SELECT * FROM pragma_cache_spill;
                SELECT * FROM pragma_default_cache_size
                """,
                """
                PRAGMA page_size = 1024;
                PRAGMA cache_spill;
                CREATE TABLE t(a);
                PRAGMA cache_size = -100;
                PRAGMA cache_spill;
                PRAGMA mmap_size;
                PRAGMA mmap_size = 1000;
                PRAGMA mmap_size;
                PRAGMA mmap_size = -1;
                PRAGMA main.mmap_size = 4096;
                PRAGMA mmap_size;
                PRAGMA mmap_size = 'abc';
                SELECT * FROM pragma_mmap_size;
                PRAGMA max_page_count = 50;
                PRAGMA max_page_count;
                PRAGMA max_page_count = 0;
                PRAGMA max_page_count = -1;
                PRAGMA max_page_count = 1;
                PRAGMA main.max_page_count;
                SELECT * FROM pragma_max_page_count;
                PRAGMA secure_delete;
                PRAGMA secure_delete = fast;
                PRAGMA secure_delete;
                PRAGMA secure_delete = 3;
                PRAGMA secure_delete = -1;
                PRAGMA secure_delete = on;
                PRAGMA main.secure_delete;
                PRAGMA secure_delete = off;
                SELECT * FROM pragma_secure_delete;
                PRAGMA locking_mode;
                PRAGMA locking_mode = exclusive;
                PRAGMA locking_mode;
                PRAGMA locking_mode = bogus;
                PRAGMA main.locking_mode;
                PRAGMA temp.locking_mode;
                PRAGMA locking_mode = normal;
                PRAGMA main.locking_mode;
                SELECT * FROM pragma_locking_mode;
                PRAGMA temp_store_directory;
                PRAGMA temp_store_directory = '/nonexistent/dir';
                PRAGMA temp_store_directory = '';
                PRAGMA temp_store_directory;
                SELECT * FROM pragma_temp_store_directory
                """,
                """
                CREATE TABLE t(a CHECK (a > 0), b);
                PRAGMA query_only = 1;
                PRAGMA query_only;
                INSERT INTO t VALUES (1, 2);
                CREATE TABLE u(x);
                PRAGMA user_version = 3;
                SELECT count(*) FROM t;
                PRAGMA query_only = 0;
                INSERT INTO t VALUES (1, 2);
                INSERT INTO t VALUES (-1, 2);
                PRAGMA ignore_check_constraints = 1;
                INSERT INTO t VALUES (-1, 3);
                UPDATE t SET a = -5 WHERE b = 2;
                PRAGMA main.ignore_check_constraints;
                SELECT * FROM pragma_ignore_check_constraints;
                PRAGMA ignore_check_constraints = 0;
                INSERT INTO t VALUES (-1, 4);
                UPDATE t SET a = -6;
                SELECT * FROM t ORDER BY b;
                PRAGMA count_changes = 1;
                INSERT INTO t VALUES (7, 7), (8, 8);
                UPDATE t SET b = b + 1 WHERE a > 6;
                DELETE FROM t WHERE a = 8;
                DELETE FROM t RETURNING a;
                PRAGMA count_changes = 0;
                INSERT INTO t VALUES (9, 9)
                """,
                """
                CREATE TABLE big(x);
                PRAGMA max_page_count = 5;
                INSERT INTO big VALUES (zeroblob(3000));
                INSERT INTO big VALUES (zeroblob(30000));
                SELECT count(*) FROM big;
                PRAGMA page_count;
                BEGIN;
                INSERT INTO big VALUES (zeroblob(100));
                INSERT INTO big VALUES (zeroblob(30000));
                COMMIT;
                SELECT count(*) FROM big;
                PRAGMA max_page_count = 100;
                INSERT INTO big VALUES (zeroblob(30000));
                SELECT count(*) FROM big
                """,
                """
                CREATE TABLE a(x);
                CREATE TABLE b(x INT, y INT) STRICT;
                CREATE VIEW v AS SELECT 1, 2, 3;
                CREATE TABLE w(k PRIMARY KEY, z);
                CREATE TABLE g(p, q AS (p + 1));
                CREATE TABLE "odd name"(x, y, z);
                CREATE INDEX ai ON a(x);
                PRAGMA table_list;
                PRAGMA main.table_list;
                PRAGMA temp.table_list;
                PRAGMA table_list(a);
                PRAGMA table_list('v');
                PRAGMA table_list(sqlite_master);
                PRAGMA table_list(sqlite_schema);
                PRAGMA table_list(nosuch);
                SELECT name, ncol FROM pragma_table_list WHERE type = 'view';
                SELECT * FROM pragma_table_list('w');
                CREATE TEMP TABLE tt(c1, c2);
                PRAGMA table_list;
                PRAGMA temp.table_list;
                PRAGMA table_list(sqlite_temp_master);
                ATTACH ':memory:' AS aux;
                CREATE TABLE aux.q(z);
                PRAGMA table_list;
                PRAGMA aux.table_list;
                PRAGMA nosuch.table_list
                """,
                """
                PRAGMA collation_list;
                SELECT * FROM pragma_collation_list;
                SELECT name FROM pragma_collation_list WHERE seq = 1;
                SELECT sqlite_compileoption_used(NULL);
                SELECT sqlite_compileoption_used('NO_SUCH_OPTION');
                SELECT sqlite_compileoption_used('SQLITE_NO_SUCH_OPTION');
                SELECT sqlite_compileoption_get(-1);
                SELECT sqlite_compileoption_get(100000);
                SELECT sqlite_compileoption_get(NULL) = sqlite_compileoption_get(0);
                SELECT typeof(sqlite_compileoption_get(0));
                SELECT typeof(sqlite_source_id());
                SELECT length(sqlite_source_id())
                """);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void sameAsSqlite(String script, @TempDir Path dir) throws SQLException {
        try (Database db = Database.open(dir.resolve("turso.db").toString()); Connection turso = db.connect();
             java.sql.Connection sqlite = sqlite(dir.resolve("sqlite.db"))) {
            for (String sql : script.split(";\n")) {
                Result expected = sqlite(sqlite, sql);
                Result got = turso(turso, sql);
                if (sql.contains("table_list") || sql.contains("collation_list")) {
                    expected = sorted(expected);
                    got = sorted(got);
                }
                assertEquals(expected, got, sql);
            }
        }
    }

    /** SQLite lists tables and collations in its hash tables' order; the rows are compared as sets. */
    private static Result sorted(Result r) {
        List<List<Object>> rows = new ArrayList<>(r.rows());
        rows.sort(Comparator.comparing(Object::toString));
        return new Result(r.columns(), rows, r.error());
    }

    /**
     * 3.40's defaults where 3.54 (sqlite-jdbc) changed them: max_page_count
     * was 1073741823, mmap_size's ceiling 0x7fff0000; and optimize's rules.
     */
    @Test
    void sameAsSqlite340Cli(@TempDir Path dir) throws IOException, InterruptedException {
        List<String> statements = List.of("PRAGMA max_page_count", "PRAGMA mmap_size = 99999999999999",
                "PRAGMA mmap_size", "PRAGMA max_page_count = 99", "PRAGMA max_page_count",
                "SELECT * FROM pragma_max_page_count");
        assertEquals(cli(dir.resolve("cli.db"), List.of(), statements), here(dir.resolve("t.db"), statements));
    }

    /**
     * optimize analyzes a table that a statement searched through an index
     * when an index lacks statistics, as 3.40 does (optimize(-1) lists the
     * ANALYZE statements instead of running them).
     */
    @Test
    void optimizeAnalyzesTablesSearchedByIndex(@TempDir Path dir) throws IOException, InterruptedException {
        List<String> setup = List.of("CREATE TABLE t(a, b)", "CREATE INDEX ta ON t(a)", "CREATE TABLE u(x)",
                "CREATE INDEX ux ON u(x)", "CREATE TABLE n(z)", "INSERT INTO t VALUES (1, 2), (3, 4)",
                "INSERT INTO u VALUES (1)");
        List<List<String>> cases = List.of(List.of(), List.of("SELECT * FROM t"), List.of("SELECT * FROM t WHERE a = 1"),
                List.of("SELECT * FROM t WHERE b = 1"), List.of("SELECT * FROM u WHERE x > 0"),
                List.of("SELECT * FROM n WHERE z = 1"),
                List.of("SELECT * FROM t WHERE a = 1", "SELECT * FROM u WHERE x = 1"),
                List.of("SELECT * FROM t WHERE a = 1", "ANALYZE", "PRAGMA optimize(-1)",
                        "SELECT * FROM t WHERE a = 1"),
                List.of("SELECT * FROM t WHERE a = 1", "PRAGMA optimize(0)", "PRAGMA optimize(1)"));
        int k = 0;
        for (List<String> queries : cases) {
            List<String> statements = new ArrayList<>(queries);
            statements.add("PRAGMA optimize(-1)");
            Path cliFile = dir.resolve("c" + k + ".db");
            Path ours = dir.resolve("o" + k++ + ".db");
            String expected = cli(cliFile, setup, statements);
            try (Database db = Database.open(ours.toString()); Connection c = db.connect()) {
                setup.forEach(c::execute);
            }
            assertEquals(sortedLines(expected), sortedLines(here(ours, statements)), String.join("; ", statements));
        }
        Path file = dir.resolve("run.db");
        try (Database db = Database.open(file.toString()); Connection c = db.connect()) {
            setup.forEach(c::execute);
            c.execute("SELECT * FROM t WHERE a = 1");
            assertEquals(List.of(), turso(c, "PRAGMA optimize").rows());
            assertEquals(List.of(List.of("t", "ta", "2 1")), turso(c, "SELECT * FROM sqlite_stat1").rows());
            assertEquals(List.of(), turso(c, "PRAGMA optimize(-1)").rows());
        }
    }

    /** SQLite lists the ANALYZE statements in its schema hash's order. */
    private static List<String> sortedLines(String text) {
        return text.lines().sorted().toList();
    }

    /** data_version changes when another connection commits, not when this one does. */
    @Test
    void dataVersionSeesOtherConnectionsCommits(@TempDir Path dir) throws SQLException {
        List<List<String>> scenarios = List.of(
                List.of("1:PRAGMA journal_mode = delete", "1:CREATE TABLE t(x)", "1:PRAGMA data_version",
                        "2:PRAGMA data_version", "1:INSERT INTO t VALUES (1)", "1:PRAGMA data_version",
                        "2:PRAGMA data_version", "2:INSERT INTO t VALUES (2)", "2:INSERT INTO t VALUES (3)",
                        "2:PRAGMA data_version", "1:PRAGMA data_version", "1:PRAGMA data_version",
                        "2:PRAGMA data_version", "1:SELECT count(*) FROM t"),
                List.of("1:PRAGMA journal_mode = wal", "1:PRAGMA data_version", "1:CREATE TABLE t(x)",
                        "1:PRAGMA data_version", "2:PRAGMA data_version", "1:INSERT INTO t VALUES (1)",
                        "1:PRAGMA data_version", "2:PRAGMA data_version", "2:INSERT INTO t VALUES (2)",
                        "2:INSERT INTO t VALUES (3)", "2:PRAGMA data_version", "1:PRAGMA data_version",
                        "1:PRAGMA data_version", "2:PRAGMA data_version", "1:SELECT count(*) FROM t"),
                List.of("1:CREATE TABLE t(x)", "1:PRAGMA data_version", "2:INSERT INTO t VALUES (2)",
                        "1:PRAGMA data_version", "1:PRAGMA journal_mode = wal", "1:PRAGMA data_version",
                        "2:PRAGMA data_version", "2:INSERT INTO t VALUES (3)", "1:PRAGMA data_version",
                        "2:PRAGMA data_version"));
        int k = 0;
        for (List<String> steps : scenarios) {
            Path ours = dir.resolve(k + "-turso.db");
            Path theirs = dir.resolve(k++ + "-sqlite.db");
            try (Database db = Database.open(ours.toString()); Connection t1 = db.connect(); Connection t2 = db.connect();
                 java.sql.Connection s1 = sqlite(theirs); java.sql.Connection s2 = sqlite(theirs)) {
                List<Object> values = new ArrayList<>();
                for (String step : steps) {
                    boolean first = step.charAt(0) == '1';
                    String sql = step.substring(2);
                    Result expected = sqlite(first ? s1 : s2, sql);
                    assertEquals(expected, turso(first ? t1 : t2, sql), k + ": " + step);
                    if (sql.equals("PRAGMA data_version")) {
                        values.add(expected.rows());
                    }
                }
                assertNotEquals(values.getFirst(), values.getLast(), "the other connection's commits are seen");
            }
        }
    }

    /**
     * locking_mode EXCLUSIVE: after its first read the connection keeps its
     * lock, so another one cannot write (then read) until the mode is NORMAL
     * again and the next access releases it; in WAL mode no -shm file is made.
     */
    @Test
    void exclusiveLockingKeepsTheLocks(@TempDir Path dir) throws SQLException {
        List<String> steps = List.of("1:CREATE TABLE t(x)", "1:PRAGMA locking_mode = EXCLUSIVE", "1:SELECT * FROM t",
                "2:INSERT INTO t VALUES (1)", "1:INSERT INTO t VALUES (2)", "2:SELECT * FROM t",
                "1:PRAGMA locking_mode = NORMAL", "1:SELECT * FROM t", "2:SELECT * FROM t",
                "2:INSERT INTO t VALUES (3)", "1:SELECT * FROM t");
        Path ours = dir.resolve("turso.db");
        Path theirs = dir.resolve("sqlite.db");
        try (Database db = Database.open(ours.toString()); Connection t1 = db.connect(); Connection t2 = db.connect();
             java.sql.Connection s1 = sqlite(theirs); java.sql.Connection s2 = sqlite(theirs)) {
            for (String step : steps) {
                boolean first = step.charAt(0) == '1';
                String sql = step.substring(2);
                assertEquals(sqlite(first ? s1 : s2, sql), turso(first ? t1 : t2, sql), step);
            }
        }
        Path wal = dir.resolve("wal.db");
        try (Database db = Database.open(wal.toString()); Connection c = db.connect()) {
            c.execute("PRAGMA locking_mode = EXCLUSIVE");
            c.execute("PRAGMA journal_mode = WAL");
            c.execute("CREATE TABLE t(x)");
            c.execute("INSERT INTO t VALUES (1)");
            assertTrue(Files.exists(dir.resolve("wal.db-wal")));
            assertFalse(Files.exists(dir.resolve("wal.db-shm")));
        }
    }

    /**
     * secure_delete: deleted content is overwritten with zeros in the file
     * (ON and FAST), and left there when OFF, as SQLite does.
     */
    @Test
    void secureDeleteZeroesFreedContent(@TempDir Path dir) throws SQLException, IOException {
        String secret = "secret-" + "x".repeat(40);
        Map<String, Boolean> sqliteLeft = new HashMap<>();
        Map<String, Boolean> oursLeft = new HashMap<>();
        for (String mode : List.of("off", "on", "fast")) {
            List<String> script = List.of("PRAGMA secure_delete = " + mode, "CREATE TABLE t(a, b)",
                    "INSERT INTO t VALUES (1, 'keep')", "INSERT INTO t VALUES (2, '" + secret + "')",
                    "INSERT INTO t VALUES (3, 'keep too')", "DELETE FROM t WHERE a = 2");
            Path theirs = dir.resolve(mode + "-sqlite.db");
            Path ours = dir.resolve(mode + "-turso.db");
            try (java.sql.Connection s = sqlite(theirs)) {
                script.forEach(sql -> sqlite(s, sql));
            }
            try (Database db = Database.open(ours.toString()); Connection c = db.connect()) {
                script.forEach(c::execute);
            }
            sqliteLeft.put(mode, contains(theirs, secret));
            oursLeft.put(mode, contains(ours, secret));
        }
        assertEquals(Map.of("off", true, "on", false, "fast", false), sqliteLeft);
        assertEquals(sqliteLeft, oursLeft);
        Path pages = dir.resolve("pages.db");
        try (Database db = Database.open(pages.toString()); Connection c = db.connect()) {
            c.execute("PRAGMA secure_delete = on");
            c.execute("CREATE TABLE t(a)");
            c.execute("INSERT INTO t VALUES ('" + secret + "' || zeroblob(20000))");
            c.execute("DELETE FROM t");
        }
        assertFalse(contains(pages, secret), "freed overflow pages are zeroed");
    }

    private static boolean contains(Path file, String text) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
    }

    /** automatic_index = OFF: a join on a column without an index scans both tables, as SQLite's plan says. */
    @Test
    void automaticIndexOffScans(@TempDir Path dir) throws SQLException {
        String query = "EXPLAIN QUERY PLAN SELECT * FROM j1, j2 WHERE x = y";
        try (Database db = Database.open(dir.resolve("turso.db").toString()); Connection turso = db.connect();
             java.sql.Connection sqlite = sqlite(dir.resolve("sqlite.db"))) {
            for (String sql : List.of("CREATE TABLE j1(x)", "CREATE TABLE j2(y)")) {
                sqlite(sqlite, sql);
                turso.execute(sql);
            }
            assertTrue(details(turso(turso, query)).contains("SEARCH j2 USING AUTOMATIC COVERING INDEX (y=?)"));
            sqlite(sqlite, "PRAGMA automatic_index = 0");
            turso.execute("PRAGMA automatic_index = 0");
            assertEquals(List.of("SCAN j1", "SCAN j2"), details(sqlite(sqlite, query)));
            assertEquals(details(sqlite(sqlite, query)), details(turso(turso, query)));
        }
    }

    private static List<Object> details(Result plan) {
        return plan.rows().stream().map(List::getLast).toList();
    }

    /** function_list: every function SQLite 3.40 has built in and this engine too has SQLite's row. */
    @Test
    void functionListMatchesSqlite340(@TempDir Path dir) throws IOException, InterruptedException {
        String out = cli(dir.resolve("f.db"), List.of(), List.of(
                "SELECT name, builtin, type, enc, narg, flags FROM pragma_function_list WHERE builtin = 1"));
        Map<String, String> sqliteRows = new HashMap<>();
        for (String line : out.lines().skip(1).toList()) {
            String[] f = line.split("\\|");
            sqliteRows.put(f[0] + "/" + f[4], line);
        }
        Map<String, String> ours = new HashMap<>();
        try (Database db = Database.open(Database.MEMORY); Connection c = db.connect()) {
            Result r = turso(c, "PRAGMA function_list");
            assertEquals(List.of("name", "builtin", "type", "enc", "narg", "flags"), r.columns());
            for (List<Object> row : r.rows()) {
                ours.put(row.get(0) + "/" + row.get(4), String.join("|", row.stream().map(String::valueOf).toList()));
            }
            assertEquals(r.rows().size(), turso(c, "SELECT * FROM pragma_function_list").rows().size());
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> e : sqliteRows.entrySet()) {
            if (ours.containsKey(e.getKey())) {
                assertEquals(e.getValue(), ours.get(e.getKey()));
            } else {
                missing.add(e.getKey());
            }
        }
        missing.sort(null);
        assertEquals(List.of("soundex/1", "sqlite_log/2", "subtype/1"),
                missing, "SQLite 3.40's built-in functions this engine lacks");
    }

    /** pragma_list and compile_options in SQLite's format; the compile-option functions answer from that list. */
    @Test
    void compileOptionsAndTheirFunctions() {
        try (Database db = Database.open(Database.MEMORY); Connection c = db.connect()) {
            List<String> options = turso(c, "PRAGMA compile_options").rows().stream()
                    .map(r -> (String) r.getFirst()).toList();
            assertEquals(options.stream().sorted().toList(), options);
            assertTrue(options.contains("MAX_ATTACHED=10"));
            for (int i = 0; i < options.size(); i++) {
                assertEquals(List.of(List.of(options.get(i))),
                        turso(c, "SELECT sqlite_compileoption_get(" + i + ")").rows());
                String name = options.get(i).split("=")[0];
                assertEquals(List.of(List.of(1L)),
                        turso(c, "SELECT sqlite_compileoption_used('SQLITE_" + name.toLowerCase() + "')").rows());
            }
            assertEquals(List.of(List.of(0L)), turso(c, "SELECT sqlite_compileoption_used('MAX_ATTACH')").rows());
            assertEquals(List.of(List.of(1L)), turso(c, "SELECT sqlite_compileoption_used('MAX_ATTACHED=10')").rows());
            assertEquals(List.of(List.of("2022-12-28 14:03:47 "
                    + "df5c253c0b3dd24916e4ec7cf77d3db5294cc9fd45ae7b9c5e82ad8197f38a24")),
                    turso(c, "SELECT sqlite_source_id()").rows());
        }
    }

    /** The statements' output through this engine, as the sqlite3 CLI prints it with -header -list. */
    private static String here(Path file, List<String> statements) {
        StringBuilder got = new StringBuilder();
        try (Database db = Database.open(file.toString()); Connection c = db.connect()) {
            for (String sql : statements) {
                Result r = turso(c, sql);
                if (!r.rows().isEmpty()) {
                    got.append(String.join("|", r.columns())).append('\n');
                }
                for (List<Object> row : r.rows()) {
                    got.append(String.join("|", row.stream().map(v -> v == null ? "NULL" : v.toString()).toList()))
                            .append('\n');
                }
            }
        }
        return got.toString();
    }

    /** Runs {@code setup} then {@code statements} through the sqlite3 CLI (3.40) on a file; the statements' output. */
    private static String cli(Path file, List<String> setup, List<String> statements)
            throws IOException, InterruptedException {
        if (!setup.isEmpty()) {
            run(file, setup);
        }
        return run(file, statements);
    }

    private static String run(Path file, List<String> statements) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sqlite3", "-batch", "-header", "-list", "-nullvalue", "NULL",
                file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().write((String.join(";\n", statements) + ";\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
