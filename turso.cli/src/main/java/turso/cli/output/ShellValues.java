/*
 * How sqlite3's shell reads the numbers and booleans given to dot commands
 * (".width", ".mode --wrap N", ".mode --wordwrap on"): leniently, with hex,
 * size suffixes and "on/yes/off/no", never failing on a bad number.
 */
package turso.cli.output;

import java.util.Locale;

public final class ShellValues {

    private static final String[] SUFFIXES = {"KiB", "MiB", "GiB", "KB", "MB", "GB", "K", "M", "G"};
    private static final long[] MULTIPLIERS = {1024, 1024 * 1024, 1024 * 1024 * 1024, 1000, 1000000, 1000000000,
        1000, 1000000, 1000000000};

    private ShellValues() {
    }

    /** An optional sign, decimal or 0x-hex digits, an optional size suffix; reading stops at anything else. */
    public static long integerValue(String text) {
        int i = 0;
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long value = 0;
        if (text.startsWith("0x", i)) {
            i += 2;
            int digit;
            while (i < text.length() && (digit = Character.digit(text.charAt(i), 16)) >= 0 && text.charAt(i) < 0x80) {
                value = (value << 4) + digit;
                i++;
            }
        } else {
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
        }
        String rest = text.substring(i);
        for (int s = 0; s < SUFFIXES.length; s++) {
            if (SUFFIXES[s].equalsIgnoreCase(rest)) {
                value *= MULTIPLIERS[s];
                break;
            }
        }
        return negative ? -value : value;
    }

    /**
     * A boolean as sqlite3 reads one: a number (non-zero is true), on/yes,
     * off/no; anything else is false after a warning on {@code err}.
     */
    public static boolean booleanValue(String text, Appendable err) throws java.io.IOException {
        boolean numeric;
        if (text.startsWith("0x")) {
            int i = 2;
            while (i < text.length() && Character.digit(text.charAt(i), 16) >= 0 && text.charAt(i) < 0x80) {
                i++;
            }
            numeric = i == text.length();
        } else {
            int i = 0;
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            numeric = i > 0 && i == text.length();
        }
        if (numeric) {
            return (int) (integerValue(text) & 0xffffffffL) != 0;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("on") || lower.equals("yes")) {
            return true;
        }
        if (!lower.equals("off") && !lower.equals("no")) {
            err.append("ERROR: Not a boolean value: \"").append(text).append("\". Assuming \"no\".\n");
        }
        return false;
    }
}
