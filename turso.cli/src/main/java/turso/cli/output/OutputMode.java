/*
 * The output modes of sqlite3 3.40's shell, with the name ".mode" shows for
 * each. "tabs" is list mode with a tab separator and "qbox" is box with
 * options, so neither is a mode of its own (as in sqlite3).
 */
package turso.cli.output;

public enum OutputMode {
    LINE("line"),
    COLUMN("column"),
    LIST("list"),
    HTML("html"),
    INSERT("insert"),
    QUOTE("quote"),
    TCL("tcl"),
    CSV("csv"),
    ASCII("ascii"),
    JSON("json"),
    MARKDOWN("markdown"),
    TABLE("table"),
    BOX("box"),
    COUNT("count"),
    OFF("off");

    private final String displayName;

    OutputMode(String displayName) {
        this.displayName = displayName;
    }

    /** The name ".mode" prints for this mode. */
    public String displayName() {
        return displayName;
    }

    /** Whether the whole result is read first to size the columns (column, table, markdown, box). */
    public boolean isColumnar() {
        return this == COLUMN || this == MARKDOWN || this == TABLE || this == BOX;
    }
}
