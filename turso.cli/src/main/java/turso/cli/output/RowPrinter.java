/*
 * The modes that print each row as it arrives (list, tabs, csv, ascii, line,
 * html, tcl, quote, insert, json, count, off), byte for byte as sqlite3
 * 3.40's shell prints them. Values are the C strings sqlite3 hands its
 * printer: text ends at the first NUL byte, a blob's text form is its raw
 * bytes; only json, quote and insert look at a blob's whole content, and
 * they print a REAL from its double with "%!.20g" instead of its text.
 */
package turso.cli.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

final class RowPrinter {

    private static final int LINE_MODE_MIN_NAME_WIDTH = 5;

    private final OutputSettings settings;
    private final OutputStream out;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final byte[] columnSeparator;
    private final byte[] rowSeparator;
    private final byte[] nullValue;
    private long rowCount;

    RowPrinter(OutputSettings settings, OutputStream out) {
        this.settings = settings;
        this.out = out;
        this.columnSeparator = settings.columnSeparatorBytes();
        this.rowSeparator = settings.rowSeparatorBytes();
        this.nullValue = settings.nullValueBytes();
    }

    /**
     * Prints every row of {@code rows}. When reading a row fails, the rows
     * before it stay printed and the result is closed (json's "]", count's
     * total) before the failure is passed on, as sqlite3 does.
     */
    void printAll(RowSource rows) throws IOException {
        int columns = rows.columnCount();
        try {
            while (rows.next()) {
                buffer.reset();
                printRow(rows, columns);
                rowCount++;
                buffer.writeTo(out);
            }
        } finally {
            finish();
        }
    }

    private void finish() throws IOException {
        buffer.reset();
        if (rowCount > 0 && settings.mode() == OutputMode.JSON) {
            buffer.writeBytes(utf8("]\n"));
        } else if (rowCount > 0 && settings.mode() == OutputMode.COUNT) {
            buffer.writeBytes(utf8(rowCount + (rowCount == 1 ? " row\n" : " rows\n")));
        }
        buffer.writeTo(out);
    }

    private void printRow(RowSource rows, int columns) {
        switch (settings.mode()) {
            case LIST, ASCII -> delimited(rows, columns, (out, text) -> out.writeBytes(text));
            case TCL -> delimited(rows, columns, TextEscapes::tclString);
            case CSV -> delimited(rows, columns, (out, text) -> TextEscapes.csvField(out, text, columnSeparator));
            case LINE -> line(rows, columns);
            case HTML -> html(rows, columns);
            case QUOTE -> quote(rows, columns);
            case INSERT -> insert(rows, columns);
            case JSON -> json(rows, columns);
            case COUNT, OFF, COLUMN, MARKDOWN, TABLE, BOX -> { }
        }
    }

    /** How one name or non-NULL value is written in a delimited mode. */
    private interface FieldWriter {
        void write(ByteArrayOutputStream out, byte[] text);
    }

    private void delimited(RowSource rows, int columns, FieldWriter writer) {
        if (rowCount == 0 && settings.header()) {
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    buffer.writeBytes(columnSeparator);
                }
                writer.write(buffer, utf8(rows.columnName(i)));
            }
            buffer.writeBytes(rowSeparator);
        }
        for (int i = 0; i < columns; i++) {
            if (i > 0) {
                buffer.writeBytes(columnSeparator);
            }
            byte[] text = text(rows, i);
            if (text == null) {
                // sqlite3 writes the NULL text as it is in csv mode but escapes it in tcl mode.
                if (settings.mode() == OutputMode.TCL) {
                    writer.write(buffer, nullValue);
                } else {
                    buffer.writeBytes(nullValue);
                }
            } else {
                writer.write(buffer, text);
            }
        }
        buffer.writeBytes(rowSeparator);
    }

    private void line(RowSource rows, int columns) {
        int width = LINE_MODE_MIN_NAME_WIDTH;
        byte[][] names = new byte[columns][];
        for (int i = 0; i < columns; i++) {
            names[i] = utf8(rows.columnName(i));
            width = Math.max(width, names[i].length);
        }
        if (rowCount > 0) {
            buffer.writeBytes(rowSeparator);
        }
        for (int i = 0; i < columns; i++) {
            buffer.writeBytes(utf8(" ".repeat(width - names[i].length)));
            buffer.writeBytes(names[i]);
            buffer.writeBytes(utf8(" = "));
            byte[] text = text(rows, i);
            buffer.writeBytes(text == null ? nullValue : text);
            buffer.writeBytes(rowSeparator);
        }
    }

    private void html(RowSource rows, int columns) {
        if (rowCount == 0 && settings.header()) {
            buffer.writeBytes(utf8("<TR>"));
            for (int i = 0; i < columns; i++) {
                buffer.writeBytes(utf8("<TH>"));
                TextEscapes.html(buffer, utf8(rows.columnName(i)));
                buffer.writeBytes(utf8("</TH>\n"));
            }
            buffer.writeBytes(utf8("</TR>\n"));
        }
        buffer.writeBytes(utf8("<TR>"));
        for (int i = 0; i < columns; i++) {
            buffer.writeBytes(utf8("<TD>"));
            byte[] text = text(rows, i);
            TextEscapes.html(buffer, text == null ? nullValue : text);
            buffer.writeBytes(utf8("</TD>\n"));
        }
        buffer.writeBytes(utf8("</TR>\n"));
    }

    private void quote(RowSource rows, int columns) {
        if (rowCount == 0 && settings.header()) {
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    buffer.writeBytes(columnSeparator);
                }
                SqlLiterals.quotedString(buffer, utf8(rows.columnName(i)));
            }
            buffer.writeBytes(rowSeparator);
        }
        for (int i = 0; i < columns; i++) {
            if (i > 0) {
                buffer.writeBytes(columnSeparator);
            }
            switch (rows.type(i)) {
                case NULL -> buffer.writeBytes(utf8("NULL"));
                case TEXT -> SqlLiterals.quotedString(buffer, text(rows, i));
                case INTEGER -> buffer.writeBytes(text(rows, i));
                case REAL -> buffer.writeBytes(utf8(RealFormat.generic(rows.real(i), 20)));
                case BLOB -> SqlLiterals.hexBlob(buffer, rows.bytes(i), 'X');
            }
        }
        buffer.writeBytes(rowSeparator);
    }

    private void insert(RowSource rows, int columns) {
        buffer.writeBytes(utf8("INSERT INTO " + settings.insertTable()));
        if (settings.header()) {
            buffer.write('(');
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    buffer.write(',');
                }
                String name = rows.columnName(i);
                buffer.writeBytes(utf8(SqlLiterals.needsQuotes(name) ? SqlLiterals.quotedIdentifier(name) : name));
            }
            buffer.write(')');
        }
        for (int i = 0; i < columns; i++) {
            buffer.writeBytes(utf8(i > 0 ? "," : " VALUES("));
            switch (rows.type(i)) {
                case NULL -> buffer.writeBytes(utf8("NULL"));
                case TEXT -> {
                    if (settings.rawNewlines()) {
                        SqlLiterals.quotedString(buffer, text(rows, i));
                    } else {
                        SqlLiterals.escapedString(buffer, text(rows, i));
                    }
                }
                case INTEGER -> buffer.writeBytes(text(rows, i));
                case REAL -> buffer.writeBytes(utf8(insertReal(rows.real(i))));
                case BLOB -> SqlLiterals.hexBlob(buffer, rows.bytes(i), 'X');
            }
        }
        buffer.writeBytes(utf8(");\n"));
    }

    private void json(RowSource rows, int columns) {
        buffer.writeBytes(utf8(rowCount == 0 ? "[{" : ",\n{"));
        for (int i = 0; i < columns; i++) {
            TextEscapes.jsonString(buffer, Values.cString(utf8(rows.columnName(i))));
            buffer.write(':');
            switch (rows.type(i)) {
                case NULL -> buffer.writeBytes(utf8("null"));
                case REAL -> buffer.writeBytes(utf8(exactReal(rows.real(i))));
                case BLOB -> TextEscapes.jsonString(buffer, rows.bytes(i));
                case TEXT -> TextEscapes.jsonString(buffer, text(rows, i));
                case INTEGER -> buffer.writeBytes(text(rows, i));
            }
            if (i < columns - 1) {
                buffer.write(',');
            }
        }
        buffer.write('}');
    }

    /** A REAL in insert mode: a whole number in the 64-bit range is printed exactly, with ".0". */
    private static String insertReal(double value) {
        if (value >= -0x1p63 && value < 0x1p63 && value == (double) (long) value) {
            return (long) value + ".0";
        }
        return exactReal(value);
    }

    /** A REAL in insert and json modes: infinities as 1e999 / -1e999 so that they read back. */
    private static String exactReal(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            return "1e999";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "-1e999";
        }
        return RealFormat.generic(value, 20);
    }

    private static byte[] text(RowSource rows, int column) {
        return Values.text(rows, column);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
