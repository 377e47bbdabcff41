/*
 * ".help": sqlite3's help text for the commands this shell has (the
 * resource help.txt, one entry per command: a summary line, then indented
 * detail lines). ".help" lists the summaries, ".help -all" everything,
 * ".help NAME" the whole entry of the one command NAME starts, or the
 * summaries of several.
 */
package turso.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

final class HelpText {

    private static final List<List<String>> ENTRIES = load();

    private HelpText() {
    }

    static void print(Shell shell, List<String> args) throws IOException {
        StringBuilder out = new StringBuilder();
        String pattern = args.isEmpty() ? null : args.getFirst();
        if (pattern == null || pattern.equals("-all") || pattern.equals("--all")) {
            boolean all = pattern != null;
            for (List<String> entry : ENTRIES) {
                for (String line : all ? entry : entry.subList(0, 1)) {
                    out.append(line).append('\n');
                }
            }
        } else {
            List<List<String>> matches = ENTRIES.stream().filter(e -> e.getFirst().startsWith("." + pattern)).toList();
            if (matches.size() == 1) {
                matches.getFirst().forEach(line -> out.append(line).append('\n'));
            } else if (matches.isEmpty()) {
                out.append("Nothing matches '").append(pattern).append("'\n");
            } else {
                matches.forEach(e -> out.append(e.getFirst()).append('\n'));
            }
        }
        shell.print(out.toString());
    }

    /** The whole entry of one command (printed after a usage error, as sqlite3 does). */
    static void printEntry(Shell shell, String command) throws IOException {
        StringBuilder out = new StringBuilder();
        for (List<String> entry : ENTRIES) {
            if (entry.getFirst().startsWith("." + command + " ")) {
                entry.forEach(line -> out.append(line).append('\n'));
            }
        }
        shell.print(out.toString());
    }

    private static List<List<String>> load() {
        try (InputStream in = HelpText.class.getResourceAsStream("help.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<List<String>> entries = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.startsWith(".")) {
                    entries.add(new ArrayList<>());
                }
                entries.getLast().add(line);
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
