/*
 * Whether io_uring can be used by this JVM on this machine, decided once:
 * Linux, native access granted to this module, a kernel that knows
 * io_uring_setup (not ENOSYS, not refused by seccomp or the
 * kernel.io_uring_disabled sysctl with EPERM) and that supports the read,
 * write and fsync opcodes (IORING_OP_READ/WRITE arrived in Linux 5.6).
 */
package turso.vfs.uring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

record Availability(boolean available, String reason) {

    static final Availability INSTANCE = probe();

    private static Availability probe() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.startsWith("linux")) {
            return no("io_uring needs Linux; this is " + System.getProperty("os.name"));
        }
        if (!Availability.class.getModule().isNativeAccessEnabled()) {
            return no("native access is not enabled: run java with --enable-native-access="
                    + (Availability.class.getModule().isNamed() ? Availability.class.getModule().getName() : "ALL-UNNAMED"));
        }
        Ring ring;
        try {
            ring = Ring.create(4);
        } catch (UringException e) {
            return no(switch (e.errno()) {
                case Syscalls.ENOSYS -> "the kernel has no io_uring (io_uring_setup: ENOSYS, or a seccomp filter)";
                case Syscalls.EPERM -> "io_uring is not permitted (EPERM: seccomp filter, or sysctl kernel.io_uring_disabled="
                        + disabledSetting() + ")";
                case Syscalls.EINVAL -> "the kernel's io_uring is too old (io_uring_setup: EINVAL)";
                case Syscalls.ENOMEM -> "io_uring_setup: ENOMEM (locked-memory limit too low?)";
                default -> e.getMessage();
            });
        } catch (UnsatisfiedLinkError | IllegalCallerException | UnsupportedOperationException | IllegalArgumentException e) {
            return no("native calls are unavailable: " + e);
        }
        try (ring) {
            boolean[] ops = ring.probe();
            if (ops == null) {
                return no("the kernel is too old for io_uring's opcode probe (before Linux 5.6)");
            }
            if (!ops[Ring.OP_READ] || !ops[Ring.OP_WRITE] || !ops[Ring.OP_FSYNC]) {
                return no("the kernel's io_uring lacks read, write or fsync (before Linux 5.6)");
            }
        }
        return new Availability(true, "");
    }

    private static Availability no(String reason) {
        return new Availability(false, reason);
    }

    private static String disabledSetting() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/io_uring_disabled")).strip();
        } catch (java.io.IOException | SecurityException e) {
            return "?";
        }
    }
}
