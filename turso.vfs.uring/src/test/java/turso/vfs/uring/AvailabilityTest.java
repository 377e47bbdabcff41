/*
 * The availability check in a JVM that did not grant this module native
 * access: io_uring must say it is unavailable and how to fix it, instead of
 * making restricted calls. Runs the module (with these test classes) in a
 * child JVM started without --enable-native-access.
 */
package turso.vfs.uring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    private static String runChild(String... extraOptions) throws Exception {
        String modulePath = System.getProperty("jdk.module.path");
        Assumptions.assumeTrue(modulePath != null, "tests are not running on the module path");
        Path testClasses = Path.of(AvailabilityMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(extraOptions));
        command.addAll(List.of("--module-path", modulePath,
                "--patch-module", "turso.vfs.uring=" + testClasses,
                "-m", "turso.vfs.uring/turso.vfs.uring.AvailabilityMain"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    @Test
    void withoutNativeAccessItSaysHowToGrantIt() throws Exception {
        assertEquals("false|native access is not enabled: run java with --enable-native-access=turso.vfs.uring",
                runChild());
    }

    @Test
    void withNativeAccessItAgreesWithThisJvm() throws Exception {
        UringVfs here = new UringVfs();
        assertEquals(here.isAvailable() + "|" + here.unavailableReason(),
                runChild("--enable-native-access=turso.vfs.uring"));
    }
}
