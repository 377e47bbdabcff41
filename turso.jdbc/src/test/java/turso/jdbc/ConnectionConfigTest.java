/*
 * URL and Properties parsing: which database, which options, which PRAGMAs.
 */
package turso.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionConfigTest {

    private static ConnectionConfig parse(String url) throws SQLException {
        return ConnectionConfig.parse(url, new Properties());
    }

    @Test
    void memoryForms() throws SQLException {
        for (String url : new String[] {"jdbc:turso:", "jdbc:turso::memory:", "jdbc:turso:file::memory:",
            "jdbc:turso::memory:?foreign_keys=on"}) {
            ConnectionConfig c = parse(url);
            assertEquals(turso.api.Database.MEMORY, c.path(), url);
            assertNull(c.sharedMemoryName(), url);
        }
    }

    @Test
    void pathsAndUris() throws SQLException {
        assertEquals("data/app.db", parse("jdbc:turso:data/app.db").path());
        assertEquals("/tmp/a b.db", parse("jdbc:turso:file:/tmp/a%20b.db").path());
        assertEquals("/tmp/x.db", parse("jdbc:turso:file:///tmp/x.db").path());
        assertEquals("/tmp/x.db", parse("jdbc:turso:file://localhost/tmp/x.db").path());
        assertEquals("rel.db", parse("jdbc:turso:file:rel.db?mode=rwc").path());
    }

    @Test
    void modes() throws SQLException {
        ConnectionConfig ro = parse("jdbc:turso:file:x.db?mode=ro");
        assertTrue(ro.options().readOnly());
        assertFalse(ro.options().create());
        ConnectionConfig rw = parse("jdbc:turso:file:x.db?mode=rw");
        assertFalse(rw.options().readOnly());
        assertFalse(rw.options().create());
        assertTrue(parse("jdbc:turso:x.db?read_only=true").options().readOnly());
        assertTrue(parse("jdbc:turso:x.db?open_mode=1").options().readOnly());
        assertTrue(parse("jdbc:turso:x.db?open_mode=6").options().create());
        ConnectionConfig shared = parse("jdbc:turso:file:mem1?mode=memory&cache=shared");
        assertEquals(turso.api.Database.MEMORY, shared.path());
        assertEquals("mem1", shared.sharedMemoryName());
        assertEquals(turso.api.Database.MEMORY, parse("jdbc:turso:file::memory:?cache=shared").sharedMemoryName());
    }

    @Test
    void driverPropertiesAndPragmas() throws SQLException {
        ConnectionConfig c = parse("jdbc:turso:x.db?busy_timeout=250&vfs=io_uring&journal_mode=WAL"
                + "&foreign_keys=on&transaction_mode=immediate&user=sa&password=x&cache_size=-2000");
        assertEquals(Duration.ofMillis(250), c.busyTimeout());
        assertEquals("io_uring", c.options().vfs());
        assertEquals("IMMEDIATE", c.transactionMode());
        assertEquals(Map.of("journal_mode", "WAL", "foreign_keys", "on", "cache_size", "-2000"), c.options().pragmas());
        assertEquals(Duration.ofMillis(3000), parse("jdbc:turso:x.db").busyTimeout());
        assertEquals("DEFERRED", parse("jdbc:turso:x.db").transactionMode());
    }

    @Test
    void propertiesWin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("busy_timeout", "10");
        p.setProperty("JOURNAL_MODE", "delete");
        p.setProperty("application_id", "it's");
        ConnectionConfig c = ConnectionConfig.parse("jdbc:turso:x.db?busy_timeout=99&journal_mode=wal", p);
        assertEquals(Duration.ofMillis(10), c.busyTimeout());
        assertEquals("delete", c.options().pragmas().get("journal_mode"));
        assertEquals("'it''s'", c.options().pragmas().get("application_id"));
    }

    @Test
    void badValuesAreRefused() {
        assertThrows(SQLException.class, () -> parse("jdbc:turso:x.db?busy_timeout=soon"));
        assertThrows(SQLException.class, () -> parse("jdbc:turso:x.db?mode=sideways"));
        assertThrows(SQLException.class, () -> parse("jdbc:turso:x.db?read_only=maybe"));
        assertThrows(SQLException.class, () -> parse("jdbc:turso:x.db?transaction_mode=lazy"));
        assertThrows(SQLException.class, () -> parse("jdbc:turso:x.db?bad;name=1"));
    }
}
