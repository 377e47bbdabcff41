/*
 * jOOQ's code generator (org.jooq.meta.sqlite.SQLiteDatabase, run through
 * GenerationTool with a Connection) produces the same sources over this
 * engine as over real SQLite (sqlite-jdbc), file for file, byte for byte.
 * jOOQ reads the schema through pragma_table_xinfo, pragma_index_list /
 * pragma_index_info joined with sqlite_master, pragma_foreign_key_list,
 * sqlite_sequence and the CREATE text it parses itself, so this checks those
 * as jOOQ uses them. Nothing is normalized: jOOQ 3.20 writes no timestamp.
 */
package turso.tests.jooq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JooqCodegenTest {

    private static final Path OUT = Path.of("target", "jooq-codegen");

    @TempDir
    Path dir;

    /** The schema created here, in a file, and by SQLite in another. */
    @Test
    void schemaCreatedHere() throws Exception {
        try (Connection t = Bookshop.turso(dir.resolve("turso.db")); Connection s = Bookshop.sqlite(dir.resolve("sqlite.db"))) {
            Bookshop.run(t, Bookshop.SCHEMA);
            Bookshop.run(s, Bookshop.SCHEMA);
            compare(t, s, "created");
        }
    }

    /** The schema with its WITHOUT ROWID tables, created here, in a file, and by SQLite in another. */
    @Test
    void withoutRowidCreatedHere() throws Exception {
        try (Connection t = Bookshop.turso(dir.resolve("turso.db")); Connection s = Bookshop.sqlite(dir.resolve("sqlite.db"))) {
            for (Connection c : List.of(t, s)) {
                Bookshop.run(c, Bookshop.SCHEMA);
                Bookshop.run(c, Bookshop.WITHOUT_ROWID_SCHEMA);
            }
            compare(t, s, "without-rowid");
        }
    }

    /** WITHOUT ROWID tables in a database SQLite wrote: read here and by SQLite. */
    @Test
    void schemaWrittenBySqlite() throws Exception {
        Path file = dir.resolve("sqlite.db");
        try (Connection s = Bookshop.sqlite(file)) {
            Bookshop.run(s, Bookshop.SCHEMA);
            Bookshop.run(s, Bookshop.WITHOUT_ROWID_SCHEMA);
        }
        Path copy = Files.copy(file, dir.resolve("copy.db"));
        try (Connection t = Bookshop.turso(copy); Connection s = Bookshop.sqlite(file)) {
            compare(t, s, "read");
        }
    }

    private static void compare(Connection turso, Connection sqlite, String name) throws Exception {
        Path out = OUT.resolve(name);
        Bookshop.generate(turso, out.resolve("turso"));
        Bookshop.generate(sqlite, out.resolve("sqlite"));
        Map<String, String> expected = sources(out.resolve("sqlite"));
        Map<String, String> actual = sources(out.resolve("turso"));
        assertTrue(expected.size() >= 15, "generated files: " + expected.keySet());
        // What the generator must have found (SQLite's output says so; this says the test sees it).
        String tables = String.join("\n", expected.values());
        for (String found : List.of("SQLDataType.INTEGER.identity(true)", "Internal.createCheck(", "createForeignKey(",
                "Internal.createIndex(DSL.name(\"idx_sale_day\")", "createUniqueKey(", "SQLDataType.LOCALDATE",
                "SQLDataType.NUMERIC(10, 2)", "SQLDataType.JSON", "class VAuthorBooks",
                "TableField<VAuthorBooksRecord, Integer> AUTHOR_ID")) {
            assertTrue(tables.contains(found), found);
        }
        assertEquals(expected.keySet(), actual.keySet());
        for (String file : expected.keySet()) {
            assertEquals(expected.get(file), actual.get(file), file);
        }
    }

    /** The generated files by relative path, with their text. */
    private static Map<String, String> sources(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }
}
