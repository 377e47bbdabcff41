/*
 * The VFS this module's storage tests run on when the build names one:
 * -Dturso.test.vfs=io_uring (the pom's second Surefire execution) puts every
 * TestVfs, WAL test and crash-test child on that VFS instead of the test's own
 * FileChannel one or NIO, so the whole suite exercises it. Where the named VFS
 * cannot work here (io_uring on another OS, an old kernel, a seccomp filter)
 * the tests are skipped with its reason rather than failed.
 */
package turso.btree;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import turso.api.spi.NamedServices;
import turso.api.spi.Vfs;

final class SelectedVfs {

    static final String PROPERTY = "turso.test.vfs";

    private SelectedVfs() {
    }

    /** The VFS name the build selected, or null for the tests' defaults. */
    static String name() {
        String name = System.getProperty(PROPERTY);
        return name == null || name.isBlank() ? null : name;
    }

    /** The selected VFS, or null; skips the calling test when it is unavailable. */
    static Vfs get() {
        String name = name();
        if (name == null) {
            return null;
        }
        Vfs vfs = NamedServices.load(Vfs.class, "VFS").lookup(name);
        assumeTrue(vfs.isAvailable(), () -> "VFS " + name + " is unavailable here, test skipped: " + vfs.unavailableReason());
        return vfs;
    }

    /** The same for a crash-test child on the class path, where no service is declared: by class name. */
    static Vfs forChild() throws ReflectiveOperationException {
        String name = name();
        if (name == null) {
            return null;
        }
        String type = switch (name) {
            case "io_uring" -> "turso.vfs.uring.UringVfs";
            case "nio" -> "turso.vfs.nio.NioVfs";
            default -> throw new IllegalArgumentException("unknown VFS for the crash test: " + name);
        };
        return (Vfs) Class.forName(type).getConstructor().newInstance();
    }
}
