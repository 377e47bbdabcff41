package turso.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import turso.api.Database;
import turso.api.OpenOptions;
import turso.api.Statement;

/**
 * The per-connection statement cache: a text prepared again reuses the
 * compiled program, least recently used entries go first once it is full,
 * and a schema change empties it.
 */
class ConnStatementCacheTest {

    private static CompiledStatement compiled(String sql, SchemaSnapshot snapshot) {
        return new CompiledStatement(null, sql, sql, "", null, snapshot);
    }

    @Test
    void leastRecentlyUsedGoesFirst() {
        SchemaSnapshot snapshot = new SchemaSnapshot(s -> null, java.util.List.of(turso.planner.Schema.empty()), java.util.List.of("temp"), 0);
        StatementCache cache = new StatementCache(2);
        cache.put(compiled("a", snapshot));
        cache.put(compiled("b", snapshot));
        assertEquals("a", cache.get("a", snapshot).source());
        cache.put(compiled("c", snapshot));
        assertNull(cache.get("b", snapshot), "b was the least recently used");
        assertEquals("a", cache.get("a", snapshot).source());
        assertEquals("c", cache.get("c", snapshot).source());
        assertEquals(2, cache.size());
        assertNull(cache.get("a", new SchemaSnapshot(s -> null, java.util.List.of(turso.planner.Schema.empty()), java.util.List.of("temp"), 0)), "compiled against another schema");
        assertEquals(1, cache.size());
    }

    @Test
    void preparedTextsReuseTheirProgramUntilTheSchemaChanges() {
        try (Database db = new TursoEngine().open(Database.MEMORY, OpenOptions.defaults());
                EngineConnection c = (EngineConnection) db.connect()) {
            c.execute("CREATE TABLE t(x)");
            c.execute("INSERT INTO t VALUES (1), (2)");
            CompiledStatement first;
            try (Statement st = c.prepare("SELECT count(*) FROM t")) {
                first = ((EngineStatement) st).compiled();
                assertTrue(st.step());
                assertEquals(2, st.columnLong(0));
            }
            try (Statement st = c.prepare("SELECT count(*) FROM t")) {
                assertSame(first, ((EngineStatement) st).compiled());
                assertTrue(st.step());
                st.reset();
                assertTrue(st.step());
                assertEquals(2, st.columnLong(0));
            }
            c.execute("CREATE TABLE u(y)");
            try (Statement st = c.prepare("SELECT count(*) FROM t")) {
                assertNotSame(first, ((EngineStatement) st).compiled());
            }
        }
    }

    @Test
    void theCacheIsBounded() {
        try (Database db = new TursoEngine().open(Database.MEMORY, OpenOptions.defaults());
                EngineConnection c = (EngineConnection) db.connect()) {
            for (int i = 0; i < EngineConnection.STATEMENT_CACHE_SIZE + 50; i++) {
                try (Statement st = c.prepare("SELECT " + i)) {
                    assertTrue(st.step());
                    assertEquals(i, st.columnLong(0));
                }
            }
            assertEquals(EngineConnection.STATEMENT_CACHE_SIZE, c.cachedStatements());
        }
    }
}
