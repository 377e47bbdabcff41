/*
 * UTF-8 as SQLite walks it: characters are counted by their lead bytes (any
 * byte that is not 10xxxxxx starts one), so that length(), substr() and
 * instr() agree with SQLite even on malformed text, which is kept as is.
 */
package turso.vm;

import java.nio.charset.StandardCharsets;

public final class Utf8 {
    private Utf8() {
    }

    public static String decode(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.UTF_8);
    }

    public static boolean isContinuation(byte c) {
        return (c & 0xC0) == 0x80;
    }

    /** The number of characters in {@code [off, off+len)}. */
    public static int charCount(byte[] b, int off, int len) {
        int n = 0;
        for (int i = off, end = off + len; i < end; i++) {
            if (!isContinuation(b[i])) {
                n++;
            }
        }
        return n;
    }

    /** The byte index after skipping {@code chars} characters from {@code pos} (bounded by {@code end}). */
    public static int skipChars(byte[] b, int pos, int end, long chars) {
        while (chars > 0 && pos < end) {
            pos++;
            while (pos < end && isContinuation(b[pos])) {
                pos++;
            }
            chars--;
        }
        return pos;
    }

    /** The byte index just after the character starting at {@code pos}. */
    public static int nextChar(byte[] b, int pos, int end) {
        pos++;
        while (pos < end && isContinuation(b[pos])) {
            pos++;
        }
        return pos;
    }

    /**
     * The code point of the character starting at {@code pos}, decoded the
     * lenient way SQLite reads it (a malformed sequence yields what its bits say,
     * or U+FFFD for overlong and surrogate forms).
     */
    public static int codePointAt(byte[] b, int pos, int end) {
        int c = b[pos] & 0xFF;
        if (c < 0xC0) {
            return c;
        }
        int extra;
        if (c < 0xE0) {
            c &= 0x1F;
            extra = 1;
        } else if (c < 0xF0) {
            c &= 0x0F;
            extra = 2;
        } else if (c < 0xF8) {
            c &= 0x07;
            extra = 3;
        } else {
            c &= 0x03;
            extra = 4;
        }
        int i = pos + 1;
        while (i < end && isContinuation(b[i])) {
            c = (c << 6) | (b[i] & 0x3F);
            i++;
        }
        if (c < 0x80 || (c & 0xFFFFF800) == 0xD800 || (c & 0xFFFFFFFE) == 0xFFFE) {
            return 0xFFFD;
        }
        return c;
    }

    /** Appends the UTF-8 encoding of a code point (as SQLite's char() writes it, up to 0x10FFFF). */
    public static int encode(int cp, byte[] out, int pos) {
        if (cp < 0x80) {
            out[pos++] = (byte) cp;
        } else if (cp < 0x800) {
            out[pos++] = (byte) (0xC0 | (cp >> 6));
            out[pos++] = (byte) (0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out[pos++] = (byte) (0xE0 | (cp >> 12));
            out[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            out[pos++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            out[pos++] = (byte) (0xF0 | ((cp >> 18) & 0x07));
            out[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            out[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            out[pos++] = (byte) (0x80 | (cp & 0x3F));
        }
        return pos;
    }
}
