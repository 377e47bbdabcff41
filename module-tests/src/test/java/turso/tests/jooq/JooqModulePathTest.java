/*
 * jOOQ, the modules it requires (r2dbc.spi and org.reactivestreams, which are
 * automatic modules), jOOQ's code generator, HikariCP and the driver are
 * named modules of the boot layer when the tests run, as in an application
 * on the module path; the driver is found by DriverManager through its
 * module's `provides java.sql.Driver`, and jOOQ's plain SQL over it reads
 * the same values, of the same classes, as over sqlite-jdbc.
 */
package turso.tests.jooq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class JooqModulePathTest {

    @Test
    void librariesAreNamedModules() throws Exception {
        List<Class<?>> classes = List.of(DSL.class, io.r2dbc.spi.Connection.class, org.reactivestreams.Publisher.class,
                org.jooq.codegen.GenerationTool.class, org.jooq.meta.sqlite.SQLiteDatabase.class,
                com.zaxxer.hikari.HikariDataSource.class, getClass());
        List<String> names = List.of("org.jooq", "r2dbc.spi", "org.reactivestreams", "org.jooq.codegen", "org.jooq.meta",
                "com.zaxxer.hikari", "turso.tests");
        for (int i = 0; i < classes.size(); i++) {
            Module module = classes.get(i).getModule();
            assertTrue(module.isNamed(), classes.get(i) + " is on the class path");
            assertEquals(names.get(i), module.getName());
            assertEquals(ModuleLayer.boot(), module.getLayer());
        }
        try (Connection c = DriverManager.getConnection("jdbc:turso::memory:");
                Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            assertEquals("turso.jdbc", c.getClass().getModule().getName());
            String sql = "SELECT 1 AS a, 'x' AS b, 2.5 AS c, NULL AS d, x'00ff' AS e";
            assertEquals(typed(DSL.using(sqlite, SQLDialect.SQLITE).fetchSingle(sql)),
                    typed(DSL.using(c, SQLDialect.SQLITE).fetchSingle(sql)));
        }
    }

    /** A plain SQL record's values with their classes (jOOQ takes them from the result metadata). */
    private static List<String> typed(org.jooq.Record row) {
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            Object v = row.get(i);
            values.add(v == null ? "null" : v.getClass().getSimpleName() + ":"
                    + (v instanceof byte[] b ? java.util.Arrays.toString(b) : v));
        }
        return values;
    }
}
