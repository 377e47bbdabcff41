/*
 * Cuts one display line off a value for the column modes, as sqlite3 3.40
 * does: at most maxWidth characters (a character is a UTF-8 lead byte; wide
 * and combining characters count as one, as 3.40 counts them), tabs expanded
 * to the next multiple of 8, and any other control character ending the line
 * (a CR LF pair counts as one break). With word wrap, a full line is cut
 * back to the last space, or else to the last letter/non-letter boundary, if
 * that keeps more than half of it.
 */
package turso.cli.output;

import java.io.ByteArrayOutputStream;

/**
 * @param text the line to show, tabs expanded
 * @param next where the rest of the value starts, or -1 if nothing is left
 */
record DisplayLine(byte[] text, int next) {

    private static final int UNLIMITED = 1_000_000;
    private static final int TAB_STOP = 8;

    /** The line of {@code value} that starts at {@code start}; widths 0 mean no limit. */
    static DisplayLine cut(byte[] value, int start, int maxWidth, boolean wordWrap) {
        int limit = maxWidth == 0 ? UNLIMITED : Math.abs(maxWidth);
        if (start == 0 && fitsOnOneLine(value, limit)) {
            return new DisplayLine(value, -1);
        }
        int i = 0;
        int n = 0;
        while (n < limit) {
            int c = at(value, start + i);
            if (c >= ' ') {
                n++;
                do {
                    i++;
                } while (isContinuation(at(value, start + i)));
            } else if (c == '\t') {
                do {
                    n++;
                } while (n % TAB_STOP != 0 && n < limit);
                i++;
            } else {
                break;
            }
        }
        int keep = i;
        if (n >= limit && wordWrap) {
            int k = backUpToSpace(value, start, i);
            if (k <= i / 2) {
                k = backUpToWordEdge(value, start, i);
            }
            if (k > i / 2) {
                keep = k;
                i = k;
                while (at(value, start + i) == ' ') {
                    i++;
                }
            }
        }
        int stop = start + i;
        int next;
        if (n >= limit && at(value, stop) >= ' ') {
            next = stop;
        } else if (at(value, stop) == '\r' && at(value, stop + 1) == '\n') {
            next = at(value, stop + 2) != 0 ? stop + 2 : -1;
        } else if (at(value, stop) == 0 || at(value, stop + 1) == 0) {
            next = -1;
        } else {
            next = stop + 1;
        }
        return new DisplayLine(expanded(value, start, keep, limit), next);
    }

    /** Whether the whole value is one line as it is: no control characters and fewer than limit characters. */
    private static boolean fitsOnOneLine(byte[] value, int limit) {
        int n = 0;
        for (byte b : value) {
            int c = b & 0xff;
            if (c < ' ') {
                return false;
            }
            if (!isContinuation(c)) {
                n++;
            }
        }
        return n < limit;
    }

    /** The number of characters sqlite3 counts in a line: bytes that are not UTF-8 continuation bytes. */
    static int width(byte[] text) {
        int n = 0;
        for (byte b : text) {
            if (!isContinuation(b & 0xff)) {
                n++;
            }
        }
        return n;
    }

    private static byte[] expanded(byte[] value, int start, int length, int limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 8);
        int n = 0;
        int i = 0;
        while (i < length) {
            int c = at(value, start + i);
            if (c >= ' ') {
                n++;
                do {
                    out.write(c);
                    i++;
                    c = at(value, start + i);
                } while (isContinuation(c));
            } else if (c == '\t') {
                do {
                    n++;
                    out.write(' ');
                } while (n % TAB_STOP != 0 && n < limit);
                i++;
            } else {
                break;
            }
        }
        return out.toByteArray();
    }

    private static int backUpToSpace(byte[] value, int start, int end) {
        int k = end;
        while (k > end / 2 && !isSpace(at(value, start + k - 1))) {
            k--;
        }
        return k;
    }

    private static int backUpToWordEdge(byte[] value, int start, int end) {
        int k = end;
        while (k > end / 2) {
            int before = at(value, start + k - 1);
            int here = at(value, start + k);
            if (isAlnum(before) != isAlnum(here) && !isContinuation(here)) {
                break;
            }
            k--;
        }
        return k;
    }

    /** The byte at {@code index}, or 0 past the end (the value's C terminator). */
    private static int at(byte[] value, int index) {
        return index < value.length ? value[index] & 0xff : 0;
    }

    private static boolean isContinuation(int c) {
        return (c & 0xc0) == 0x80;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isAlnum(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
