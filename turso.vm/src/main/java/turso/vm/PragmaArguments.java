/*
 * How SQLite reads a PRAGMA's argument text: as a 32-bit integer (an
 * optional sign, decimal digits with leading zeros ignored, or an unsigned
 * 0x hex form, and anything after the number ignored; out of range or not a
 * number reads as 0), as a boolean word (on/off, yes/no, true/false or a
 * number, of which SQLite keeps the low byte) and as a synchronous level (those plus full and extra). The
 * planner uses it for the checks made while preparing, the connection for
 * the values.
 */
package turso.vm;

import java.util.OptionalInt;

public final class PragmaArguments {
    private PragmaArguments() {
    }

    /** {@code text} as SQLite's pragmas read a number: 0 when it is not one or does not fit 32 bits. */
    public static int toInt32(String text) {
        return parseInt32(text).orElse(0);
    }

    /** Whether {@code text} starts with a number that fits 32 bits (what integrity_check(N) tells from a table name). */
    public static boolean isInt32(String text) {
        return parseInt32(text).isPresent();
    }

    private static OptionalInt parseInt32(String text) {
        int i = 0;
        boolean negative = false;
        if (text.startsWith("-")) {
            negative = true;
            i = 1;
        } else if (text.startsWith("+")) {
            i = 1;
        } else if (text.length() > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')
                && hexDigit(text.charAt(2)) >= 0) {
            return hex(text);
        }
        if (i >= text.length() || !isDigit(text.charAt(i))) {
            return OptionalInt.empty();
        }
        while (i < text.length() && text.charAt(i) == '0') {
            i++;
        }
        long v = 0;
        int digits = 0;
        while (i < text.length() && isDigit(text.charAt(i))) {
            if (++digits > 10) {
                return OptionalInt.empty();
            }
            v = v * 10 + (text.charAt(i++) - '0');
        }
        if (v - (negative ? 1 : 0) > Integer.MAX_VALUE) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) (negative ? -v : v));
    }

    /** 0x followed by up to eight hex digits (after leading zeros), below 2^31. */
    private static OptionalInt hex(String text) {
        int i = 2;
        while (i < text.length() && text.charAt(i) == '0') {
            i++;
        }
        long v = 0;
        int digits = 0;
        while (i < text.length() && hexDigit(text.charAt(i)) >= 0) {
            if (++digits > 8) {
                return OptionalInt.empty();
            }
            v = v * 16 + hexDigit(text.charAt(i++));
        }
        return v > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) v);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value of an ASCII hex digit, or -1. */
    private static int hexDigit(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /** A synchronous level: a number, or off/no/false 0, on/yes/true 1, full 2, extra 3; else {@code otherwise}. */
    public static int toLevel(String text, int otherwise) {
        return level(text, true, otherwise);
    }

    /** A boolean: a number (not 0 is true), on/yes/true or off/no/false; else {@code otherwise}. */
    public static boolean toBoolean(String text, boolean otherwise) {
        return level(text, false, otherwise ? 1 : 0) != 0;
    }

    private static int level(String text, boolean fullAllowed, int otherwise) {
        if (!text.isEmpty() && isDigit(text.charAt(0))) {
            return toInt32(text) & 0xff;
        }
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "no", "off", "false" -> 0;
            case "yes", "on", "true" -> 1;
            case "full" -> fullAllowed ? 2 : otherwise;
            case "extra" -> fullAllowed ? 3 : otherwise;
            default -> otherwise;
        };
    }
}
