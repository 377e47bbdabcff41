/*
 * The few dot commands the differential tests use to set up sqlite3's output
 * (".mode", ".headers", ".width", ".separator", ".nullvalue"), applied to
 * OutputSettings the same way, so one list of lines configures both sides.
 * Arguments are plain words (no quoting or backslash escapes).
 */
package turso.cli.output;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

final class DotCommands {

    private DotCommands() {
    }

    static OutputSettings settings(List<String> lines) throws IOException {
        OutputSettings settings = new OutputSettings();
        for (String line : lines) {
            apply(settings, line, new StringBuilder(), new StringBuilder());
        }
        return settings;
    }

    static void apply(OutputSettings settings, String line, Appendable out, Appendable err) throws IOException {
        String[] words = line.trim().split(" +");
        List<String> arguments = Arrays.asList(words).subList(1, words.length);
        switch (words[0]) {
            case ".mode" -> ModeCommand.run(settings, arguments, out, err);
            case ".headers" -> settings.setHeader(ShellValues.booleanValue(arguments.get(0), err));
            case ".width" -> settings.setWidths(arguments);
            case ".nullvalue" -> settings.setNullValue(arguments.get(0));
            case ".separator" -> {
                settings.setColumnSeparator(arguments.get(0));
                if (arguments.size() > 1) {
                    settings.setRowSeparator(arguments.get(1));
                }
            }
            default -> throw new IllegalArgumentException("not supported by the test: " + line);
        }
    }
}
