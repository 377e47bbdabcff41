/*
 * ".show": the settings in sqlite3 3.40's layout, labels right-aligned to
 * 12 characters; the NULL text and separators as C strings ("\n", "\t",
 * octal escapes for other bytes outside printable ASCII), the column modes
 * with their --wrap/--wordwrap/--quote options, "explain" as the mode while
 * ".explain on" is set.
 */
package turso.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import turso.cli.output.OutputSettings;

final class ShowCommand {

    private static final int LABEL_WIDTH = 12;

    private ShowCommand() {
    }

    static void run(Shell shell, List<String> args) throws IOException {
        CommandDispatcher.usageUnless(shell, args.isEmpty(), "Usage: .show");
        OutputSettings settings = shell.settings();
        StringBuilder out = new StringBuilder();
        line(out, "echo", shell.echo() ? "on" : "off");
        line(out, "eqp", shell.eqp().name().toLowerCase(Locale.ROOT));
        line(out, "explain", shell.explainOn() ? "on" : shell.autoExplain() ? "auto" : "off");
        line(out, "headers", settings.header() ? "on" : "off");
        String mode = shell.explainOn() ? "explain" : settings.mode().displayName();
        if (!shell.explainOn() && settings.mode().isColumnar()) {
            mode += " --wrap " + settings.wrap() + " --wordwrap " + (settings.wordWrap() ? "on" : "off")
                    + " --" + (settings.quote() ? "" : "no") + "quote";
        }
        line(out, "mode", mode);
        line(out, "nullvalue", cString(settings.nullValue()));
        line(out, "output", shell.outputName());
        line(out, "colseparator", cString(settings.columnSeparator()));
        line(out, "rowseparator", cString(settings.rowSeparator()));
        line(out, "stats", "off");
        StringBuilder widths = new StringBuilder();
        for (int width : settings.widths()) {
            widths.append(width).append(' ');
        }
        line(out, "width", widths.toString());
        line(out, "filename", shell.filename() == null ? "" : shell.filename());
        shell.print(out.toString());
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(" ".repeat(LABEL_WIDTH - label.length())).append(label).append(": ").append(value).append('\n');
    }

    /** A string in double quotes with C escapes, as sqlite3's output_c_string writes it. */
    private static String cString(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('"');
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            switch (c) {
                case '\\' -> out.writeBytes("\\\\".getBytes(StandardCharsets.US_ASCII));
                case '"' -> out.writeBytes("\\\"".getBytes(StandardCharsets.US_ASCII));
                case '\t' -> out.writeBytes("\\t".getBytes(StandardCharsets.US_ASCII));
                case '\n' -> out.writeBytes("\\n".getBytes(StandardCharsets.US_ASCII));
                case '\r' -> out.writeBytes("\\r".getBytes(StandardCharsets.US_ASCII));
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        out.writeBytes(String.format("\\%03o", c).getBytes(StandardCharsets.US_ASCII));
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        out.write('"');
        return out.toString(StandardCharsets.UTF_8);
    }
}
