/* The VFS contract on MemoryVfs, plus what is particular to it: files persist until deleted, per instance. */
package turso.vfs.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.foreign.MemorySegment;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import turso.api.spi.Vfs;
import turso.api.spi.Vfs.FileKind;
import turso.api.spi.Vfs.OpenFlag;
import turso.api.spi.VfsFile;

class MemoryVfsTest extends VfsContractTest {

    private final MemoryVfs vfs = new MemoryVfs();

    @Override
    Vfs vfs() {
        return vfs;
    }

    @Override
    String newPath(String name) {
        return "/mem/" + name;
    }

    @Test
    void contentSurvivesCloseUntilDeleted() {
        try (VfsFile file = vfs.open("/mem/keep.db", FileKind.MAIN_DB, CREATE)) {
            file.write(MemorySegment.ofArray(pattern(300, 8)), 0);
        }
        try (VfsFile file = vfs.open("/mem/keep.db", FileKind.MAIN_DB, EnumSet.of(OpenFlag.READ_WRITE))) {
            byte[] back = new byte[300];
            file.read(MemorySegment.ofArray(back), 0);
            assertArrayEquals(pattern(300, 8), back);
        }
        assertFalse(new MemoryVfs().access("/mem/keep.db", Vfs.Access.EXISTS), "each instance is its own disk");
        vfs.delete("/mem/keep.db", false);
        assertFalse(vfs.access("/mem/keep.db", Vfs.Access.EXISTS));
    }

    @Test
    void anOpenHandleKeepsDeletedContent() {
        try (VfsFile file = vfs.open("/mem/unlinked.db", FileKind.MAIN_DB, CREATE)) {
            file.write(MemorySegment.ofArray(pattern(10, 1)), 0);
            vfs.delete("/mem/unlinked.db", false);
            byte[] back = new byte[10];
            file.read(MemorySegment.ofArray(back), 0);
            assertArrayEquals(pattern(10, 1), back);
            try (VfsFile fresh = vfs.open("/mem/unlinked.db", FileKind.MAIN_DB, CREATE)) {
                assertEquals(0, fresh.size(), "a new file under the deleted name");
            }
        }
    }

    @Test
    void offsetsAtTheEndOfTheAddressSpace() {
        try (VfsFile file = vfs.open("/mem/edge.db", FileKind.MAIN_DB, CREATE)) {
            turso.api.TursoException e = org.junit.jupiter.api.Assertions.assertThrows(turso.api.TursoException.class,
                    () -> file.write(MemorySegment.ofArray(new byte[8]), Long.MAX_VALUE - 4));
            assertEquals(turso.api.ResultCode.FULL, e.resultCode());
            byte[] back = {1, 2, 3};
            assertEquals(0, file.read(MemorySegment.ofArray(back), Long.MAX_VALUE - 1));
            assertArrayEquals(new byte[3], back);
        }
    }
}
