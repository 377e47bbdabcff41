/*
 * The shell's output state, as sqlite3 keeps it: mode, headers, separators,
 * the NULL text, ".width" widths, the column modes' --wrap/--wordwrap/--quote
 * options and insert mode's table name. Mode changes go through
 * ModeCommand (".mode") or commandLineMode ("-csv", ...), which also reset
 * separators the way sqlite3 does; the setters below are the plain
 * ".headers", ".separator", ".nullvalue" and ".width" commands (and the
 * ".dump --newlines" switch of insert mode).
 */
package turso.cli.output;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

public final class OutputSettings {

    static final String UNIT_SEPARATOR = "\u001f";
    static final String RECORD_SEPARATOR = "\u001e";
    private static final int MAX_SETTING_BYTES = 19;

    private OutputMode mode = OutputMode.LIST;
    private boolean header;
    private boolean headerSet;
    private byte[] columnSeparator = {'|'};
    private byte[] rowSeparator = {'\n'};
    private byte[] nullValue = {};
    private int[] widths = new int[0];
    private int wrap;
    private boolean wordWrap;
    private boolean quote;
    private String insertTable = SqlLiterals.quotedName("table");
    private boolean rawNewlines;

    public OutputMode mode() {
        return mode;
    }

    public boolean header() {
        return header;
    }

    /** ".headers on|off" and "-header"/"-noheader": also stops ".mode column" from turning headers on. */
    public void setHeader(boolean on) {
        header = on;
        headerSet = true;
    }

    public String columnSeparator() {
        return new String(columnSeparator, StandardCharsets.UTF_8);
    }

    /** ".separator" and "-separator"; like sqlite3, keeps at most 19 bytes. */
    public void setColumnSeparator(String separator) {
        columnSeparator = limited(separator);
    }

    public String rowSeparator() {
        return new String(rowSeparator, StandardCharsets.UTF_8);
    }

    /** ".separator COL ROW" and "-newline"; like sqlite3, keeps at most 19 bytes. */
    public void setRowSeparator(String separator) {
        rowSeparator = limited(separator);
    }

    public String nullValue() {
        return new String(nullValue, StandardCharsets.UTF_8);
    }

    /** ".nullvalue" and "-nullvalue"; like sqlite3, keeps at most 19 bytes. */
    public void setNullValue(String text) {
        nullValue = limited(text);
    }

    byte[] columnSeparatorBytes() {
        return columnSeparator.clone();
    }

    byte[] rowSeparatorBytes() {
        return rowSeparator.clone();
    }

    byte[] nullValueBytes() {
        return nullValue.clone();
    }

    /** The ".width" values, negative for right-aligned columns, 0 for automatic. */
    public int[] widths() {
        return widths.clone();
    }

    /** ".width N1 N2 ...", each argument read as sqlite3 reads an integer. */
    public void setWidths(List<String> arguments) {
        widths = arguments.stream().mapToInt(a -> (int) ShellValues.integerValue(a)).toArray();
    }

    public int wrap() {
        return wrap;
    }

    public boolean wordWrap() {
        return wordWrap;
    }

    public boolean quote() {
        return quote;
    }

    /** Whether insert mode writes line breaks in strings as they are (".dump --newlines") rather than with replace(). */
    public boolean rawNewlines() {
        return rawNewlines;
    }

    public void setRawNewlines(boolean raw) {
        rawNewlines = raw;
    }

    /** Insert mode's table name, already quoted as an SQL identifier where needed. */
    public String insertTable() {
        return insertTable;
    }

    /**
     * Applies one of sqlite3's mode flags given on the command line ("-csv",
     * "-box", ...; one or two leading dashes), which set fewer separators than
     * ".mode" does: "-csv" keeps the row separator "\n".
     *
     * @return false if {@code flag} is not a mode flag
     */
    public boolean commandLineMode(String flag) {
        String name = flag.startsWith("--") ? flag.substring(2) : flag.startsWith("-") ? flag.substring(1) : "";
        switch (name) {
            case "html" -> mode = OutputMode.HTML;
            case "list" -> mode = OutputMode.LIST;
            case "line" -> mode = OutputMode.LINE;
            case "column" -> mode = OutputMode.COLUMN;
            case "json" -> mode = OutputMode.JSON;
            case "markdown" -> mode = OutputMode.MARKDOWN;
            case "table" -> mode = OutputMode.TABLE;
            case "box" -> mode = OutputMode.BOX;
            case "quote" -> {
                mode = OutputMode.QUOTE;
                setColumnSeparator(",");
                setRowSeparator("\n");
            }
            case "csv" -> {
                mode = OutputMode.CSV;
                setColumnSeparator(",");
            }
            case "ascii" -> {
                mode = OutputMode.ASCII;
                setColumnSeparator(UNIT_SEPARATOR);
                setRowSeparator(RECORD_SEPARATOR);
            }
            case "tabs" -> {
                mode = OutputMode.LIST;
                setColumnSeparator("\t");
                setRowSeparator("\n");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** sqlite3 keeps separators and the NULL text in 20-byte C buffers: 19 bytes and a terminator. */
    private static byte[] limited(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= MAX_SETTING_BYTES ? bytes : Arrays.copyOf(bytes, MAX_SETTING_BYTES);
    }

    void setMode(OutputMode newMode) {
        mode = newMode;
    }

    void setColumnOptions(int wrapWidth, boolean wrapAtWords, boolean quoteValues) {
        wrap = wrapWidth;
        wordWrap = wrapAtWords;
        quote = quoteValues;
    }

    boolean headerSet() {
        return headerSet;
    }

    void turnHeaderOnByDefault() {
        header = true;
    }

    /**
     * Insert mode's target as ".dump --preserve-rowids" writes it: the table
     * then a column list led by the rowid's name ("t(rowid,a,\"b c\")").
     */
    public void setInsertColumns(String table, String rowid, List<String> columns) {
        StringBuilder target = new StringBuilder(SqlLiterals.quotedName(table)).append('(').append(rowid);
        for (String column : columns) {
            target.append(',').append(SqlLiterals.quotedName(column));
        }
        insertTable = target.append(')').toString();
    }

    void setInsertTable(String name) {
        insertTable = SqlLiterals.quotedName(name);
    }
}
