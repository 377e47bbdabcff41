/*
 * Reads the fields of a file for ".import", byte for byte as sqlite3 3.40's
 * CSV and ASCII readers do. CSV: a field starting with a double quote runs
 * to the quote that is followed by a separator or the end ("" inside is one
 * quote; a stray quote is kept with an "unescaped \" character" warning); an
 * unquoted field runs to the next separator, a carriage return before the
 * row separator dropped; a UTF-8 byte-order mark at the start is skipped.
 * ASCII: fields and rows end at the separators, nothing is special.
 */
package turso.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

final class ImportReader implements AutoCloseable {

    /** What ended the last field: the column or row separator's byte, or -1 at the end of the file. */
    private int terminator;
    private int line = 1;
    private boolean started;
    private final InputStream in;
    private final String fileName;
    private final int columnSeparator;
    private final int rowSeparator;
    private final boolean csv;
    private final PrintStream err;
    private final ByteArrayOutputStream field = new ByteArrayOutputStream();

    ImportReader(InputStream in, String fileName, byte columnSeparator, byte rowSeparator, boolean csv,
            PrintStream err) {
        this.in = new BufferedInputStream(in);
        this.fileName = fileName;
        this.columnSeparator = columnSeparator & 0xff;
        this.rowSeparator = rowSeparator & 0xff;
        this.csv = csv;
        this.err = err;
    }

    String name() {
        return fileName;
    }

    int terminator() {
        return terminator;
    }

    boolean endedColumn() {
        return terminator == columnSeparator;
    }

    /** The current line number (1-based), as sqlite3 counts row separators read. */
    int line() {
        return line;
    }

    /** The next field's text, or null at the end of the file. */
    String next() throws IOException {
        field.reset();
        int c = in.read();
        if (c < 0) {
            terminator = -1;
            return null;
        }
        if (csv) {
            readCsv(c);
        } else {
            while (c >= 0 && c != columnSeparator && c != rowSeparator) {
                field.write(c);
                c = in.read();
            }
            if (c == rowSeparator) {
                line++;
            }
            terminator = c;
        }
        started = true;
        return field.toString(StandardCharsets.UTF_8);
    }

    private void readCsv(int first) throws IOException {
        int c = first;
        if (c == '"') {
            int startLine = line;
            int previous = 0;
            int beforePrevious = 0;
            byte[] bytes;
            while (true) {
                c = in.read();
                if (c == rowSeparator) {
                    line++;
                }
                if (c == '"' && previous == '"') {
                    previous = 0;
                    continue;
                }
                if ((c == columnSeparator && previous == '"') || (c == rowSeparator && previous == '"')
                        || (c == rowSeparator && previous == '\r' && beforePrevious == '"')
                        || (c < 0 && previous == '"')) {
                    bytes = field.toByteArray();
                    int n = bytes.length;
                    do {
                        n--;
                    } while (n > 0 && bytes[n] != '"');
                    field.reset();
                    field.write(bytes, 0, Math.max(n, 0));
                    terminator = c;
                    return;
                }
                if (previous == '"' && c != '\r') {
                    err.print(fileName + ":" + line + ": unescaped \" character\n");
                }
                if (c < 0) {
                    err.print(fileName + ":" + startLine + ": unterminated \"-quoted field\n");
                    terminator = c;
                    return;
                }
                field.write(c);
                beforePrevious = previous;
                previous = c;
            }
        }
        if (c == 0xef && !started) {
            field.write(c);
            c = in.read();
            if (c == 0xbb) {
                field.write(c);
                c = in.read();
                if (c == 0xbf) {
                    started = true;
                    field.reset();
                    int next = in.read();
                    if (next < 0) {
                        terminator = -1;
                        return;
                    }
                    readCsv(next);
                    return;
                }
            }
        }
        while (c >= 0 && c != columnSeparator && c != rowSeparator) {
            field.write(c);
            c = in.read();
        }
        if (c == rowSeparator) {
            line++;
            byte[] bytes = field.toByteArray();
            if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
                field.reset();
                field.write(bytes, 0, bytes.length - 1);
            }
        }
        terminator = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
