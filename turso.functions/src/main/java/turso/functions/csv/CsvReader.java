/*
 * Reads CSV text one field at a time, as SQLite's csv extension does
 * (RFC 4180 with its leniencies): a field is quoted ("" for a quote inside)
 * or runs to the next comma or newline; a carriage return before a newline
 * is dropped; a UTF-8 byte order mark before the first field is skipped. The
 * extension never reports malformed quoting: an unterminated quoted field
 * runs to the end of the input, and a stray character after a closing quote
 * ends the field there (the quote kept, the character dropped) without
 * ending the row. Both behaviours are kept here, since they decide which
 * rows a query sees.
 */
package turso.functions.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

final class CsvReader {

    static final int EOF = -1;

    private final byte[] input;
    private int next;
    private byte[] field = new byte[64];
    private int length;
    private boolean seenText;
    /** What ended the last field: ',', '\n', EOF, or (after a stray character) what ended the one before. */
    private int terminator;

    CsvReader(byte[] input, int start) {
        this.input = input;
        this.next = start;
    }

    /** The offset of the next unread byte. */
    int position() {
        return next;
    }

    int terminator() {
        return terminator;
    }

    private int read() {
        return next < input.length ? input[next++] & 0xff : EOF;
    }

    private void append(int c) {
        if (length == field.length) {
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[length++] = (byte) c;
    }

    /** The next field's text (up to a NUL, as C sees it), or null at the end of the input. */
    String readField() {
        length = 0;
        int c = read();
        if (c == EOF) {
            terminator = EOF;
            return null;
        }
        if (c == '"') {
            quoted();
        } else {
            if (c == 0xef && !seenText) {
                append(c);
                c = read();
                if (c == 0xbb) {
                    append(c);
                    c = read();
                    if (c == 0xbf) {
                        seenText = true;
                        return readField();
                    }
                }
            }
            while (c != EOF && c != ',' && c != '\n') {
                append(c);
                c = read();
            }
            if (c == '\n' && length > 0 && field[length - 1] == '\r') {
                length--;
            }
            terminator = c;
        }
        seenText = true;
        int end = 0;
        while (end < length && field[end] != 0) {
            end++;
        }
        return new String(field, 0, end, StandardCharsets.UTF_8);
    }

    /** A quoted field, its opening quote read. */
    private void quoted() {
        int previous = 0;
        int beforePrevious = 0;
        while (true) {
            int c = read();
            if (c <= '"' || previous == '"') {
                if (c == '"' && previous == '"') {
                    previous = 0;
                    continue;
                }
                boolean closed = previous == '"' && (c == ',' || c == '\n' || c == EOF)
                        || c == '\n' && previous == '\r' && beforePrevious == '"';
                if (closed) {
                    do {
                        length--;
                    } while (field[length] != '"');
                    terminator = c;
                    return;
                }
                if (previous == '"' && c != '\r') {
                    return;
                }
                if (c == EOF) {
                    terminator = EOF;
                    return;
                }
            }
            append(c);
            beforePrevious = previous;
            previous = c;
        }
    }
}
