/*
 * How csv, json, html and tcl modes escape a value's bytes, as sqlite3 3.40
 * does it. Bytes at or above 0x80 are never decoded: they pass through raw,
 * except that csv quotes any field holding one and tcl writes them as octal
 * escapes (the C locale's isprint).
 */
package turso.cli.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

final class TextEscapes {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private TextEscapes() {
    }

    /**
     * A csv field: in double quotes (inner ones doubled) when empty, when it
     * holds a control character, space, quote, apostrophe, DEL or non-ASCII
     * byte, or when it contains the column separator.
     */
    static void csvField(ByteArrayOutputStream out, byte[] text, byte[] separator) {
        boolean quote = text.length == 0 || indexOf(text, separator) >= 0;
        for (int i = 0; i < text.length && !quote; i++) {
            int c = text[i] & 0xff;
            quote = c < 0x21 || c == '"' || c == '\'' || c >= 0x7f;
        }
        if (!quote) {
            out.writeBytes(text);
            return;
        }
        out.write('"');
        for (byte b : text) {
            out.write(b);
            if (b == '"') {
                out.write('"');
            }
        }
        out.write('"');
    }

    /** A JSON string: backslash and quote escaped, control characters as backslash b, f, n, r, t or u00XX. */
    static void jsonString(ByteArrayOutputStream out, byte[] text) {
        out.write('"');
        for (byte b : text) {
            int c = b & 0xff;
            if (c == '\\' || c == '"') {
                out.write('\\');
                out.write(c);
            } else if (c <= 0x1f) {
                out.write('\\');
                switch (c) {
                    case '\b' -> out.write('b');
                    case '\f' -> out.write('f');
                    case '\n' -> out.write('n');
                    case '\r' -> out.write('r');
                    case '\t' -> out.write('t');
                    default -> {
                        out.write('u');
                        out.write('0');
                        out.write('0');
                        out.write(HEX[c >> 4]);
                        out.write(HEX[c & 0xf]);
                    }
                }
            } else {
                out.write(c);
            }
        }
        out.write('"');
    }

    /** HTML text: &lt; &amp; &gt; &quot; &#39; for the five special characters. */
    static void html(ByteArrayOutputStream out, byte[] text) {
        for (byte b : text) {
            switch (b) {
                case '<' -> out.writeBytes(ascii("&lt;"));
                case '&' -> out.writeBytes(ascii("&amp;"));
                case '>' -> out.writeBytes(ascii("&gt;"));
                case '"' -> out.writeBytes(ascii("&quot;"));
                case '\'' -> out.writeBytes(ascii("&#39;"));
                default -> out.write(b);
            }
        }
    }

    /** A TCL (C-style) string: \\ \" \t \n \r, other unprintable bytes as three-digit octal. */
    static void tclString(ByteArrayOutputStream out, byte[] text) {
        out.write('"');
        for (byte b : text) {
            int c = b & 0xff;
            switch (c) {
                case '\\' -> {
                    out.write('\\');
                    out.write('\\');
                }
                case '"' -> {
                    out.write('\\');
                    out.write('"');
                }
                case '\t' -> {
                    out.write('\\');
                    out.write('t');
                }
                case '\n' -> {
                    out.write('\\');
                    out.write('n');
                }
                case '\r' -> {
                    out.write('\\');
                    out.write('r');
                }
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.write(c);
                    } else {
                        out.write('\\');
                        out.write('0' + (c >> 6));
                        out.write('0' + ((c >> 3) & 7));
                        out.write('0' + (c & 7));
                    }
                }
            }
        }
        out.write('"');
    }

    /** Where {@code needle} first occurs in {@code haystack}; an empty needle occurs at 0, as with strstr. */
    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
