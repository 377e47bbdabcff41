/*
 * The ".mode ?MODE? ?OPTIONS? ?TABLE?" dot command as sqlite3 3.40 runs it:
 * mode names match by prefix in sqlite3's order, each mode resets the
 * separators it owns, column modes take --wrap/--wordwrap/--ww/--quote/
 * --noquote (back to the defaults, --wrap 60, when not given), "qbox" is
 * "box --wrap 60 --quote", and a bare ".mode" prints the current mode then re-applies it.
 */
package turso.cli.output;

import java.io.IOException;
import java.util.List;

public final class ModeCommand {

    private static final String MODE_ERROR = "Error: mode should be one of: "
            + "ascii box column csv html insert json line list markdown qbox quote table tabs tcl\n";

    /** ".mode" wraps column modes at 60 characters unless told otherwise; "-box" on the command line does not. */
    private static final int DEFAULT_WRAP = 60;

    private ModeCommand() {
    }

    /**
     * Runs ".mode" with {@code arguments} (the words after ".mode").
     *
     * @return false on an error, already reported on {@code err}
     */
    public static boolean run(OutputSettings settings, List<String> arguments, Appendable out, Appendable err)
            throws IOException {
        String modeName = null;
        String tableName = null;
        int wrap = DEFAULT_WRAP;
        boolean wordWrap = false;
        boolean quote = false;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            boolean hasValue = i + 1 < arguments.size();
            if (isOption(argument, "wrap") && hasValue) {
                wrap = (int) ShellValues.integerValue(arguments.get(++i));
            } else if (isOption(argument, "ww")) {
                wordWrap = true;
            } else if (isOption(argument, "wordwrap") && hasValue) {
                wordWrap = ShellValues.booleanValue(arguments.get(++i), err);
            } else if (isOption(argument, "quote")) {
                quote = true;
            } else if (isOption(argument, "noquote")) {
                quote = false;
            } else if (modeName == null) {
                modeName = argument;
                if (argument.equals("qbox")) {
                    modeName = "box";
                    wrap = DEFAULT_WRAP;
                    wordWrap = false;
                    quote = true;
                }
            } else if (tableName == null) {
                tableName = argument;
            } else if (argument.startsWith("-")) {
                err.append("unknown option: ").append(argument).append('\n');
                err.append("options:\n  --noquote\n  --quote\n  --wordwrap on/off\n  --wrap N\n  --ww\n");
                return false;
            } else {
                err.append("extra argument: \"").append(argument).append("\"\n");
                return false;
            }
        }
        if (modeName == null) {
            out.append(describe(settings));
            modeName = settings.mode().displayName();
        }
        return apply(settings, modeName, tableName, wrap, wordWrap, quote, err);
    }

    /** What a bare ".mode" prints. */
    private static String describe(OutputSettings settings) {
        if (settings.mode().isColumnar()) {
            return "current output mode: " + settings.mode().displayName() + " --wrap " + settings.wrap()
                    + " --wordwrap " + (settings.wordWrap() ? "on" : "off")
                    + " --" + (settings.quote() ? "" : "no") + "quote\n";
        }
        return "current output mode: " + settings.mode().displayName() + "\n";
    }

    private static boolean apply(OutputSettings settings, String name, String tableName, int wrap, boolean wordWrap,
            boolean quote, Appendable err) throws IOException {
        if (matches(name, "lines")) {
            settings.setMode(OutputMode.LINE);
            settings.setRowSeparator("\n");
        } else if (matches(name, "columns")) {
            settings.setMode(OutputMode.COLUMN);
            if (!settings.headerSet()) {
                settings.turnHeaderOnByDefault();
            }
            settings.setRowSeparator("\n");
            settings.setColumnOptions(wrap, wordWrap, quote);
        } else if (matches(name, "list")) {
            settings.setMode(OutputMode.LIST);
            settings.setColumnSeparator("|");
            settings.setRowSeparator("\n");
        } else if (matches(name, "html")) {
            settings.setMode(OutputMode.HTML);
        } else if (matches(name, "tcl")) {
            settings.setMode(OutputMode.TCL);
            settings.setColumnSeparator(" ");
            settings.setRowSeparator("\n");
        } else if (matches(name, "csv")) {
            settings.setMode(OutputMode.CSV);
            settings.setColumnSeparator(",");
            settings.setRowSeparator("\r\n");
        } else if (matches(name, "tabs")) {
            settings.setMode(OutputMode.LIST);
            settings.setColumnSeparator("\t");
        } else if (matches(name, "insert")) {
            settings.setMode(OutputMode.INSERT);
            settings.setInsertTable(tableName == null ? "table" : tableName);
        } else if (matches(name, "quote")) {
            settings.setMode(OutputMode.QUOTE);
            settings.setColumnSeparator(",");
            settings.setRowSeparator("\n");
        } else if (matches(name, "ascii")) {
            settings.setMode(OutputMode.ASCII);
            settings.setColumnSeparator(OutputSettings.UNIT_SEPARATOR);
            settings.setRowSeparator(OutputSettings.RECORD_SEPARATOR);
        } else if (matches(name, "markdown")) {
            settings.setMode(OutputMode.MARKDOWN);
            settings.setColumnOptions(wrap, wordWrap, quote);
        } else if (matches(name, "table")) {
            settings.setMode(OutputMode.TABLE);
            settings.setColumnOptions(wrap, wordWrap, quote);
        } else if (matches(name, "box")) {
            settings.setMode(OutputMode.BOX);
            settings.setColumnOptions(wrap, wordWrap, quote);
        } else if (matches(name, "count")) {
            settings.setMode(OutputMode.COUNT);
        } else if (matches(name, "off")) {
            settings.setMode(OutputMode.OFF);
        } else if (matches(name, "json")) {
            settings.setMode(OutputMode.JSON);
        } else {
            err.append(MODE_ERROR);
            return false;
        }
        return true;
    }

    /** sqlite3 compares the given name with the first n characters of each mode's name. */
    private static boolean matches(String given, String modeName) {
        return given.length() <= modeName.length() && modeName.startsWith(given);
    }

    private static boolean isOption(String argument, String option) {
        if (!argument.startsWith("-")) {
            return false;
        }
        String rest = argument.substring(argument.startsWith("--") ? 2 : 1);
        return rest.equals(option);
    }
}
