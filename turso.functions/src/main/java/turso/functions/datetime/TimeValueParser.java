/*
 * Parses a time value given as text into a DateTimeState: the ISO-8601
 * subset of lang_datefunc.html (YYYY-MM-DD, optional time HH:MM[:SS[.SSS]]
 * after spaces or 'T', optional zone [+-]HH:MM or Z, a time alone), 'now'
 * ('subsec' or 'subsecond' since 3.42: now, shown with milliseconds),
 * or a number (a Julian day, or raw seconds for a later 'unixepoch'/'auto').
 * Field widths and ranges are SQLite's: exactly four year digits, months
 * 1-12, days 1-31 whatever the month, hours 0-24, zones up to 14 hours.
 */
package turso.functions.datetime;

final class TimeValueParser {

    private TimeValueParser() {
    }

    /** Parses a time value; false when it is not one. */
    static boolean parseTimeValue(String text, DateTimeState p, long nowJdMs) {
        if (parseDate(text, p)) {
            return true;
        }
        if (parseTime(text, 0, p)) {
            return true;
        }
        boolean subsec = AsciiText.equals(text, "subsec") || AsciiText.equals(text, "subsecond");
        if (AsciiText.equals(text, "now") || subsec) {
            if (nowJdMs > 0) {
                p.subsec = subsec;
                p.jdMs = nowJdMs;
                p.validJd = true;
                return true;
            }
            return false;
        }
        double r = SqliteNumber.parseWhole(text, 0, text.length());
        if (!Double.isNaN(r)) {
            p.setRawNumber(r);
            return true;
        }
        return false;
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    /**
     * Reads fixed-width numbers starting at {@code pos}, as SQLite's getDigits: field k has
     * widths[k] digits, lies in [min[k], max[k]] and is followed by separators[k]
     * (0 for none). Stores what it read in out; returns how many fields were read.
     */
    private static int digits(String s, int pos, int[] widths, int[] min, int[] max, char[] separators, int[] out) {
        int count = 0;
        for (int k = 0; k < widths.length; k++) {
            int value = 0;
            for (int n = 0; n < widths[k]; n++) {
                char c = at(s, pos);
                if (!AsciiText.isDigit(c)) {
                    return count;
                }
                value = value * 10 + (c - '0');
                pos++;
            }
            if (value < min[k] || value > max[k] || (separators[k] != 0 && separators[k] != at(s, pos))) {
                return count;
            }
            out[k] = value;
            pos++;
            count++;
        }
        return count;
    }

    private static final int[] YMD_WIDTHS = {4, 2, 2};
    private static final int[] YMD_MIN = {0, 1, 1};
    private static final int[] YMD_MAX = {14712, 12, 31};
    private static final char[] YMD_SEPARATORS = {'-', '-', 0};

    private static final int[] HM_WIDTHS = {2, 2};
    private static final int[] HM_MIN = {0, 0};
    private static final int[] HM_MAX = {24, 59};
    private static final char[] HM_SEPARATORS = {':', 0};

    private static final int[] S_WIDTHS = {2};
    private static final int[] S_MIN = {0};
    private static final int[] S_MAX = {59};
    private static final char[] S_SEPARATORS = {0};

    private static final int[] TZ_MAX = {14, 59};

    /** YYYY-MM-DD (optionally negative) with an optional time after spaces or 'T'. */
    private static boolean parseDate(String s, DateTimeState p) {
        int pos = 0;
        boolean negative = false;
        if (at(s, 0) == '-') {
            pos++;
            negative = true;
        }
        int[] ymd = new int[3];
        if (digits(s, pos, YMD_WIDTHS, YMD_MIN, YMD_MAX, YMD_SEPARATORS, ymd) != 3) {
            return false;
        }
        pos += 10;
        while (AsciiText.isSpace(at(s, pos)) || at(s, pos) == 'T') {
            pos++;
        }
        if (!parseTime(s, pos, p)) {
            if (pos < s.length()) {
                return false;
            }
            p.validHms = false;
        }
        p.validJd = false;
        p.validYmd = true;
        p.year = negative ? -ymd[0] : ymd[0];
        p.month = ymd[1];
        p.day = ymd[2];
        if (p.validTz) {
            p.computeJd();
        }
        return true;
    }

    /** HH:MM[:SS[.fraction]] followed by an optional zone; the state is changed even on failure, as in SQLite. */
    static boolean parseTime(String s, int pos, DateTimeState p) {
        int[] hm = new int[2];
        if (digits(s, pos, HM_WIDTHS, HM_MIN, HM_MAX, HM_SEPARATORS, hm) != 2) {
            return false;
        }
        pos += 5;
        int sec;
        double fraction = 0.0;
        if (at(s, pos) == ':') {
            pos++;
            int[] out = new int[1];
            if (digits(s, pos, S_WIDTHS, S_MIN, S_MAX, S_SEPARATORS, out) != 1) {
                return false;
            }
            sec = out[0];
            pos += 2;
            if (at(s, pos) == '.' && AsciiText.isDigit(at(s, pos + 1))) {
                double scale = 1.0;
                pos++;
                while (AsciiText.isDigit(at(s, pos))) {
                    fraction = fraction * 10.0 + (at(s, pos) - '0');
                    scale *= 10.0;
                    pos++;
                }
                fraction /= scale;
            }
        } else {
            sec = 0;
        }
        p.validJd = false;
        p.rawNumber = false;
        p.validHms = true;
        p.hour = hm[0];
        p.minute = hm[1];
        p.seconds = sec + fraction;
        if (!parseZone(s, pos, p)) {
            return false;
        }
        p.validTz = p.tzMinutes != 0;
        return true;
    }

    /** An optional [+-]HH:MM or Z, then only spaces. */
    private static boolean parseZone(String s, int pos, DateTimeState p) {
        while (AsciiText.isSpace(at(s, pos))) {
            pos++;
        }
        p.tzMinutes = 0;
        char c = at(s, pos);
        if (c == 'Z' || c == 'z') {
            pos++;
        } else if (c == '-' || c == '+') {
            int sign = c == '-' ? -1 : 1;
            pos++;
            int[] hm = new int[2];
            if (digits(s, pos, HM_WIDTHS, HM_MIN, TZ_MAX, HM_SEPARATORS, hm) != 2) {
                return false;
            }
            pos += 5;
            p.tzMinutes = sign * (hm[1] + hm[0] * 60);
        } else {
            return pos >= s.length();
        }
        while (AsciiText.isSpace(at(s, pos))) {
            pos++;
        }
        p.tzSet = true;
        return pos >= s.length();
    }
}
