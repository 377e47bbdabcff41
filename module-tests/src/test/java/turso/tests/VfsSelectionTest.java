/*
 * Which VFS a database file opens on when the options name none: NIO, or
 * the one -Dturso.vfs names (module-tests' second Surefire run sets
 * io_uring, so that the storage tests it lists really exercise io_uring
 * and not a silent fallback). An unavailable choice falls back to NIO.
 * PRAGMA vfs, which says which VFS is in use, is this engine's own: SQLite
 * has no such pragma (it returns no row for it), so there is no oracle.
 */
package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Connection;
import turso.api.Database;
import turso.api.OpenOptions;
import turso.api.Statement;
import turso.api.spi.Vfs;
import turso.engine.Extensions;

class VfsSelectionTest {

    private final Extensions extensions = Extensions.load();

    @Test
    void theVfsThePropertyNamesIsUsedWhenAvailable() {
        String preferred = System.getProperty(Extensions.VFS_PROPERTY, "");
        assumeTrue(!preferred.isBlank(), "no -D" + Extensions.VFS_PROPERTY + " in this run");
        Vfs wanted = extensions.vfs().lookup(preferred);
        assumeTrue(wanted.isAvailable(), () -> preferred + " is unavailable here: " + wanted.unavailableReason());
        assertEquals(wanted.name(), extensions.vfsFor(OpenOptions.defaults()).name());
    }

    /** PRAGMA vfs is this engine's own (SQLite has none): the VFS the main database is on. */
    @Test
    void pragmaVfsNamesTheVfsInUse(@TempDir Path dir) {
        String expected = extensions.vfsFor(OpenOptions.defaults()).name();
        assertEquals(List.of(expected), pragmaVfs(dir.resolve("default.db").toString(), OpenOptions.defaults()));
        assertEquals(List.of("nio"), pragmaVfs(dir.resolve("nio.db").toString(), OpenOptions.defaults().withVfs("nio")));
        assertEquals(List.of("memory"), pragmaVfs(Database.MEMORY, OpenOptions.defaults()));
        Vfs uring = extensions.vfs().lookup("io_uring");
        assumeTrue(uring.isAvailable(), () -> "io_uring is unavailable here: " + uring.unavailableReason());
        assertEquals(List.of("io_uring"),
                pragmaVfs(dir.resolve("uring.db").toString(), OpenOptions.defaults().withVfs("io_uring")));
    }

    private static List<String> pragmaVfs(String path, OpenOptions options) {
        try (Database database = Database.open(path, options); Connection connection = database.connect();
                Statement statement = connection.prepare("PRAGMA vfs")) {
            List<String> rows = new ArrayList<>();
            while (statement.step()) {
                rows.add(statement.columnText(0));
            }
            return rows;
        }
    }

    @Test
    void anUnavailableChoiceFallsBackToNio() {
        String saved = System.getProperty(Extensions.VFS_PROPERTY);
        System.setProperty(Extensions.VFS_PROPERTY, "counting-but-not-installed");
        try {
            assertEquals("nio", extensions.vfsFor(OpenOptions.defaults()).name());
        } finally {
            if (saved == null) {
                System.clearProperty(Extensions.VFS_PROPERTY);
            } else {
                System.setProperty(Extensions.VFS_PROPERTY, saved);
            }
        }
    }
}
