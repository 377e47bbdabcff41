/*
 * Shared pieces of the WAL and journal tests: the project's NIO VFS (the one with a
 * real -shm), a table "t(a, b)" created and filled through Storage, and
 * reading it back as rowid -> a, here and through real SQLite.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.TreeMap;
import turso.api.TursoException;
import turso.api.Value;
import turso.api.spi.NamedServices;
import turso.api.spi.Vfs;

final class WalTestSupport {

    private WalTestSupport() {
    }

    /** NIO, or the VFS the build selected for the storage suite. */
    static Vfs nio() {
        Vfs selected = SelectedVfs.get();
        if (selected != null) {
            return selected;
        }
        try {
            return NamedServices.load(Vfs.class, "VFS").lookup("nio");
        } catch (TursoException e) {
            assumeTrue(false, "turso.vfs.nio is not on the module path: " + e.getMessage());
            return null;
        }
    }

    /** Creates table t(a, b) at root 2 in its own transaction. */
    static void createTable(Storage s) {
        s.beginWrite();
        int root = s.createTable();
        Rows.addSchemaRow(s, 1, "table", "t", "t", root, "CREATE TABLE t(a, b)");
        s.commit();
    }

    /** Inserts rows {@code from..to} (a = "v" + rowid, b = a blob of rowid % 50 * 40 bytes) in one transaction. */
    static void insert(Storage s, long from, long to) {
        s.beginWrite();
        try (BTreeCursor c = s.openTableCursor(2)) {
            for (long id = from; id <= to; id++) {
                c.insert(id, Rows.record(new Value.Text("v" + id), new Value.Blob(new byte[(int) (id % 50 * 40)])));
            }
        }
        s.commit();
    }

    /** rowid -> a of table t, in a read transaction of its own unless one is open. */
    static TreeMap<Long, String> rows(Storage s) {
        boolean own = !s.inTransaction();
        if (own) {
            s.beginRead();
        }
        TreeMap<Long, String> out = new TreeMap<>();
        try (BTreeCursor c = s.openTableCursor(2)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                out.put(c.rowid(), c.record().getString(0));
            }
        }
        if (own) {
            s.commit();
        }
        return out;
    }

    static TreeMap<Long, String> expected(long from, long to) {
        TreeMap<Long, String> out = new TreeMap<>();
        for (long id = from; id <= to; id++) {
            out.put(id, "v" + id);
        }
        return out;
    }

    /** Runs real SQLite on {@code db} (and its WAL or journal): integrity_check, then rowid -> a of t. */
    static TreeMap<Long, String> sqliteRows(Path db) throws Exception {
        return sqliteRows(db, "SELECT rowid, a FROM t", rs -> rs.getString(2));
    }

    /** A column of a row real SQLite returns. */
    interface ColumnReader<V> {
        V read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs real SQLite on {@code db}: integrity_check, then {@code query}'s
     * rows as its first column (a long) -> what {@code value} reads.
     */
    static <V> TreeMap<Long, V> sqliteRows(Path db, String query, ColumnReader<V> value) throws Exception {
        TreeMap<Long, V> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery(query)) {
                while (rs.next()) {
                    out.put(rs.getLong(1), value.read(rs));
                }
            }
        }
        return out;
    }
}
