/*
 * This module on the project's real VFS (turso.vfs.nio, found by name
 * through NamedServices as the engine will find it): a file written here is
 * read by SQLite, and locking goes through the VFS: a second connection
 * cannot start writing while the first holds RESERVED, and cannot read
 * while the first is committing with EXCLUSIVE; both surface as BUSY.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.Value;
import turso.api.spi.NamedServices;
import turso.api.spi.Vfs;

class NioVfsTest {

    @TempDir
    Path dir;

    private static Vfs nio() {
        NamedServices<Vfs> all = NamedServices.load(Vfs.class, "VFS");
        Vfs vfs = null;
        try {
            vfs = all.lookup("nio");
        } catch (TursoException e) {
            assumeTrue(false, "turso.vfs.nio is not on the module path: " + e.getMessage());
        }
        return vfs;
    }

    @Test
    void writesThroughNioAndLocksGiveBusy() throws Exception {
        Vfs vfs = nio();
        String path = dir.resolve("n.db").toString();
        try (Storage a = Storage.open(vfs, path, StorageOptions.DEFAULT); Storage b = Storage.open(vfs, path, StorageOptions.DEFAULT)) {
            a.beginWrite();
            int root = a.createTable();
            Rows.addSchemaRow(a, 1, "table", "t", "t", root, "CREATE TABLE t(x)");
            try (BTreeCursor c = a.openTableCursor(root)) {
                for (int i = 1; i <= 2000; i++) {
                    c.insert(i, Rows.record(new Value.Int(i), new Value.Text("row " + i)));
                }
            }
            TursoException busy = assertThrows(TursoException.class, b::beginWrite);
            assertEquals(ResultCode.BUSY, busy.resultCode());
            b.beginRead();
            TursoException exclusive = assertThrows(TursoException.class, a::commit);
            assertEquals(ResultCode.BUSY, exclusive.resultCode());
            b.commit();
            a.commit();
            b.beginRead();
            try (BTreeCursor c = b.openTableCursor(root)) {
                assertEquals(2000, c.count());
            }
            b.commit();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*), sum(x) FROM t")) {
                assertEquals(2000, rs.getLong(1));
                assertEquals(2001000, rs.getLong(2));
            }
        }
    }
}
