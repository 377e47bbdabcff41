/*
 * The column, table, markdown and box modes, as sqlite3 3.40 prints them:
 * the whole result is read first, each value split into display lines
 * (DisplayLine: wrap width from ".width" or --wrap, line breaks, word wrap),
 * each column as wide as its widest line or its ".width", names centred in
 * the header of the framed modes, values left-aligned unless the ".width" is
 * negative. A row that takes several lines gets a rule (a blank line in
 * column mode) after it when any row of the result takes several lines.
 * Column mode shows names only with headers on; the framed modes always do.
 * When reading a row fails, the rows read so far are printed first and the
 * failure is passed on, as sqlite3 does.
 */
package turso.cli.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import turso.api.DataType;

final class ColumnarPrinter {

    private static final String VERTICAL = "\u2502";
    private static final String HORIZONTAL = "\u2500";
    private static final byte[] SPACES = " ".repeat(64).getBytes(StandardCharsets.US_ASCII);

    private final OutputSettings settings;
    private final OutputStream out;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final byte[] lineStart;
    private final byte[] columnSeparator;
    private final byte[] lineEnd;

    ColumnarPrinter(OutputSettings settings, OutputStream out) {
        this.settings = settings;
        this.out = out;
        OutputMode mode = settings.mode();
        lineStart = utf8(switch (mode) {
            case BOX -> VERTICAL + " ";
            case TABLE, MARKDOWN -> "| ";
            default -> "";
        });
        columnSeparator = utf8(switch (mode) {
            case COLUMN -> "  ";
            case BOX -> " " + VERTICAL + " ";
            default -> " | ";
        });
        lineEnd = utf8(switch (mode) {
            case COLUMN -> "\n";
            case BOX -> " " + VERTICAL + "\n";
            default -> " |\n";
        });
    }

    void printAll(RowSource rows) throws IOException {
        if (!rows.next()) {
            return;
        }
        int columns = rows.columnCount();
        if (columns == 0) {
            while (rows.next()) {
                // sqlite3 reads such a result to the end and prints nothing.
            }
            return;
        }
        int[] setWidths = Arrays.copyOf(settings.widths(), Math.max(columns, settings.widths().length));
        int[] wrapWidths = new int[columns];
        for (int i = 0; i < columns; i++) {
            wrapWidths[i] = setWidths[i] != 0 ? setWidths[i] : settings.wrap();
        }
        byte[][] header = new byte[columns][];
        for (int i = 0; i < columns; i++) {
            header[i] = DisplayLine.cut(utf8(rows.columnName(i)), 0, wrapWidths[i], settings.wordWrap()).text();
        }
        List<byte[][]> lines = new ArrayList<>();
        List<Boolean> endsRow = new ArrayList<>();
        RuntimeException failure = null;
        try {
            do {
                splitRow(rows, columns, wrapWidths, lines, endsRow);
            } while (rows.next());
        } catch (RuntimeException e) {
            // sqlite3 still prints the rows it has before reporting the error.
            failure = e;
        }
        boolean multiLineRows = endsRow.contains(false);

        int[] widths = new int[columns];
        for (int i = 0; i < columns; i++) {
            widths[i] = Math.max(Math.abs(setWidths[i]), DisplayLine.width(header[i]));
        }
        for (byte[][] line : lines) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], DisplayLine.width(line[i]));
            }
        }
        printHeader(header, widths, setWidths);
        buffer.writeTo(out);
        for (int r = 0; r < lines.size(); r++) {
            buffer.reset();
            printLine(lines.get(r), widths, setWidths);
            if (multiLineRows && endsRow.get(r) && r + 1 < lines.size()) {
                switch (settings.mode()) {
                    case TABLE -> rule(widths, "+", "+", "+", "-");
                    case BOX -> rule(widths, "\u251c", "\u253c", "\u2524", HORIZONTAL);
                    case COLUMN -> buffer.write('\n');
                    default -> { }
                }
            }
            buffer.writeTo(out);
        }
        buffer.reset();
        switch (settings.mode()) {
            case TABLE -> rule(widths, "+", "+", "+", "-");
            case BOX -> rule(widths, "\u2514", "\u2534", "\u2518", HORIZONTAL);
            default -> { }
        }
        buffer.writeTo(out);
        if (failure != null) {
            throw failure;
        }
    }

    /** Adds the display lines of the current row: one, or more when a value wraps or holds line breaks. */
    private void splitRow(RowSource rows, int columns, int[] wrapWidths, List<byte[][]> lines, List<Boolean> endsRow) {
        byte[][] values = new byte[columns][];
        for (int i = 0; i < columns; i++) {
            values[i] = displayed(rows, i);
        }
        int[] next = new int[columns];
        boolean more = true;
        boolean first = true;
        while (more) {
            more = false;
            byte[][] line = new byte[columns][];
            for (int i = 0; i < columns; i++) {
                if (!first && next[i] < 0) {
                    line[i] = new byte[0];
                    continue;
                }
                DisplayLine cut = DisplayLine.cut(values[i], first ? 0 : next[i], wrapWidths[i], settings.wordWrap());
                line[i] = cut.text();
                next[i] = cut.next();
                more |= cut.next() >= 0;
            }
            first = false;
            lines.add(line);
            endsRow.add(!more);
        }
    }

    /** A value as the column modes show it: its text, the NULL text, or with --quote an SQL literal. */
    private byte[] displayed(RowSource rows, int column) {
        DataType type = rows.type(column);
        if (!settings.quote()) {
            return type == DataType.NULL ? settings.nullValueBytes() : Values.text(rows, column);
        }
        ByteArrayOutputStream literal = new ByteArrayOutputStream();
        switch (type) {
            case NULL -> literal.writeBytes(utf8("NULL"));
            case INTEGER, REAL -> literal.writeBytes(Values.text(rows, column));
            case TEXT -> SqlLiterals.quotedString(literal, Values.text(rows, column));
            case BLOB -> SqlLiterals.hexBlob(literal, rows.bytes(column), 'x');
        }
        return literal.toByteArray();
    }

    private void printHeader(byte[][] header, int[] widths, int[] setWidths) {
        int columns = header.length;
        switch (settings.mode()) {
            case COLUMN -> {
                if (settings.header()) {
                    for (int i = 0; i < columns; i++) {
                        padded(header[i], widths[i], setWidths[i] < 0);
                        buffer.writeBytes(utf8(i == columns - 1 ? "\n" : "  "));
                    }
                    for (int i = 0; i < columns; i++) {
                        buffer.writeBytes(utf8("-".repeat(widths[i])));
                        buffer.writeBytes(utf8(i == columns - 1 ? "\n" : "  "));
                    }
                }
            }
            case TABLE -> {
                rule(widths, "+", "+", "+", "-");
                centredNames(header, widths, "| ", " | ", " |\n");
                rule(widths, "+", "+", "+", "-");
            }
            case MARKDOWN -> {
                centredNames(header, widths, "| ", " | ", " |\n");
                rule(widths, "|", "|", "|", "-");
            }
            case BOX -> {
                rule(widths, "\u250c", "\u252c", "\u2510", HORIZONTAL);
                centredNames(header, widths, VERTICAL + " ", " " + VERTICAL + " ", " " + VERTICAL + "\n");
                rule(widths, "\u251c", "\u253c", "\u2524", HORIZONTAL);
            }
            default -> { }
        }
    }

    private void printLine(byte[][] line, int[] widths, int[] setWidths) {
        int columns = line.length;
        buffer.writeBytes(lineStart);
        for (int i = 0; i < columns; i++) {
            padded(line[i], widths[i], setWidths[i] < 0);
            buffer.writeBytes(i == columns - 1 ? lineEnd : columnSeparator);
        }
    }

    private void centredNames(byte[][] header, int[] widths, String start, String separator, String end) {
        buffer.writeBytes(utf8(start));
        for (int i = 0; i < header.length; i++) {
            int space = widths[i] - DisplayLine.width(header[i]);
            buffer.writeBytes(utf8(" ".repeat(space / 2)));
            buffer.writeBytes(header[i]);
            buffer.writeBytes(utf8(" ".repeat((space + 1) / 2)));
            buffer.writeBytes(utf8(i == header.length - 1 ? end : separator));
        }
    }

    private void rule(int[] widths, String left, String middle, String right, String dash) {
        buffer.writeBytes(utf8(left));
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                buffer.writeBytes(utf8(middle));
            }
            buffer.writeBytes(utf8(dash.repeat(widths[i] + 2)));
        }
        buffer.writeBytes(utf8(right + "\n"));
    }

    /** The text padded with spaces to {@code width} characters, on the right or (right-aligned) on the left. */
    private void padded(byte[] text, int width, boolean rightAligned) {
        int padding = Math.max(0, width - DisplayLine.width(text));
        if (rightAligned) {
            spaces(padding);
        }
        buffer.writeBytes(text);
        if (!rightAligned) {
            spaces(padding);
        }
    }

    private void spaces(int count) {
        for (int left = count; left > 0; left -= SPACES.length) {
            buffer.write(SPACES, 0, Math.min(left, SPACES.length));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
