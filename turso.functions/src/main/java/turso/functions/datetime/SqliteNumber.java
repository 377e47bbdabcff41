/*
 * Reads a number written as text the way the date functions require it: the
 * whole text (SQLite's whitespace allowed around it) must be a decimal
 * literal, with optional sign, fraction and exponent. A time value such as
 * '2451545.0' or a modifier such as '+1.5 days' is accepted only when its
 * number passes this test.
 */
package turso.functions.datetime;

final class SqliteNumber {

    private SqliteNumber() {
    }

    /** The value of text[from, to) if it is entirely a decimal number, else NaN. */
    static double parseWhole(String text, int from, int to) {
        int i = from;
        while (i < to && AsciiText.isSpace(text.charAt(i))) {
            i++;
        }
        int end = to;
        while (end > i && AsciiText.isSpace(text.charAt(end - 1))) {
            end--;
        }
        int start = i;
        if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < end && AsciiText.isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < end && text.charAt(i) == '.') {
            i++;
            while (i < end && AsciiText.isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < end && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < end && AsciiText.isDigit(text.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return Double.NaN;
            }
        }
        if (i != end) {
            return Double.NaN;
        }
        return Double.parseDouble(text.substring(start, end));
    }
}
