/*
 * Values written as SQL, as sqlite3's quote and insert modes write them:
 * strings in single quotes (quotes doubled), insert mode's replace(...,
 * char(10)) form for strings with line breaks, blobs as X'hex', and names
 * double-quoted when they are not plain identifiers or are keywords.
 * Text is handled as bytes so that whatever sqlite3 would print raw is
 * printed raw here too.
 */
package turso.cli.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

public final class SqlLiterals {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private SqlLiterals() {
    }

    /** 'text' with each ' doubled (quote mode). */
    static void quotedString(ByteArrayOutputStream out, byte[] text) {
        out.write('\'');
        for (byte b : text) {
            out.write(b);
            if (b == '\'') {
                out.write('\'');
            }
        }
        out.write('\'');
    }

    /**
     * Insert mode's string literal: line feeds and carriage returns are
     * spelled with a marker that does not occur in the text, replaced back by
     * replace(..., char(10)) / char(13) around the literal.
     */
    static void escapedString(ByteArrayOutputStream out, byte[] text) {
        int newlines = 0;
        int returns = 0;
        for (byte b : text) {
            if (b == '\n') {
                newlines++;
            } else if (b == '\r') {
                returns++;
            }
        }
        if (newlines == 0 && returns == 0) {
            quotedString(out, text);
            return;
        }
        String haystack = new String(text, StandardCharsets.ISO_8859_1);
        String newlineMarker = newlines > 0 ? unusedMarker(haystack, "\\n", "\\012") : null;
        String returnMarker = returns > 0 ? unusedMarker(haystack, "\\r", "\\015") : null;
        if (newlines > 0) {
            out.writeBytes(ascii("replace("));
        }
        if (returns > 0) {
            out.writeBytes(ascii("replace("));
        }
        out.write('\'');
        for (byte b : text) {
            if (b == '\n') {
                out.writeBytes(ascii(newlineMarker));
            } else if (b == '\r') {
                out.writeBytes(ascii(returnMarker));
            } else {
                out.write(b);
                if (b == '\'') {
                    out.write('\'');
                }
            }
        }
        out.write('\'');
        if (returns > 0) {
            out.writeBytes(ascii(",'" + returnMarker + "',char(13))"));
        }
        if (newlines > 0) {
            out.writeBytes(ascii(",'" + newlineMarker + "',char(10))"));
        }
    }

    /** X'hex' with lowercase digits (quote and insert modes). */
    static void hexBlob(ByteArrayOutputStream out, byte[] blob, char prefix) {
        out.write(prefix);
        out.write('\'');
        for (byte b : blob) {
            out.write(HEX[(b >> 4) & 0xf]);
            out.write(HEX[b & 0xf]);
        }
        out.write('\'');
    }

    /** Whether a name must be double-quoted in SQL: not letter/underscore then letters/digits/underscores, or a keyword. */
    static boolean needsQuotes(String name) {
        if (name.isEmpty()) {
            return true;
        }
        char first = name.charAt(0);
        if (!isAsciiLetter(first) && first != '_') {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
                return true;
            }
        }
        return SqlKeywords.isKeyword(name);
    }

    /** The name in double quotes, inner double quotes doubled. */
    public static String quotedIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A table or column name as sqlite3 writes it in SQL it generates: quoted only if it needs to be. */
    public static String quotedName(String name) {
        return needsQuotes(name) ? quotedIdentifier(name) : name;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String unusedMarker(String text, String first, String second) {
        if (!text.contains(first)) {
            return first;
        }
        if (!text.contains(second)) {
            return second;
        }
        for (long i = 0; ; i++) {
            String candidate = "(" + first + i + ")";
            if (!text.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
