/*
 * A line about the machine the report was measured on: processor model,
 * cores, memory and operating system, from /proc where Linux has it.
 */
package turso.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = field(Path.of("/proc/cpuinfo"), "model name");
        String mem = field(Path.of("/proc/meminfo"), "MemTotal");
        StringBuilder out = new StringBuilder();
        out.append(Runtime.getRuntime().availableProcessors()).append(" cores");
        if (cpu != null) {
            out.append(" (").append(cpu).append(')');
        }
        if (mem != null) {
            long kb = Long.parseLong(mem.replaceAll("[^0-9]", ""));
            out.append(String.format(Locale.ROOT, ", %.0f GiB", kb / 1024.0 / 1024.0));
        }
        out.append(", ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"));
        return out.toString();
    }

    /** The load average over the last minute, 5 and 15 minutes, or "?". */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String field(Path file, String name) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(name)) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
