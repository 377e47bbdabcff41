/*
 * Applies one modifier of lang_datefunc.html to a value, as SQLite 3.40
 * does: 'NNN days|hours|minutes|seconds|months|years' (fractions and signs
 * allowed, the trailing 's' optional), '±HH:MM[:SS[.SSS]]', 'start of
 * month|year|day', 'weekday N', 'unixepoch', 'julianday', 'auto' (the last
 * three only right after a numeric time value), 'localtime' and 'utc'; and
 * 'subsec' / 'subsecond' from 3.42 (anywhere: it only changes how the result
 * is shown). Other forms added after 3.40 ('±YYYY-MM-DD', 'ceiling',
 * 'floor') are not modifiers here, so they make the result NULL as in 3.40.
 */
package turso.functions.datetime;

import java.time.ZoneId;

final class DateModifiers {

    private DateModifiers() {
    }

    /** A unit of 'NNN unit': its name, the largest magnitude accepted, and its length in seconds. */
    private record Unit(String name, double limit, double seconds) {}

    /* The limits are single-precision constants in SQLite, hence the float casts. */
    private static final Unit[] UNITS = {
        new Unit("second", (float) 4.6427e+14, 1.0),
        new Unit("minute", (float) 7.7379e+12, 60.0),
        new Unit("hour", (float) 1.2897e+11, 3600.0),
        new Unit("day", (float) 5373485.0, 86400.0),
        new Unit("month", (float) 176546.0, 2592000.0),
        new Unit("year", (float) 14713.0, 31536000.0),
    };

    /**
     * Applies modifier {@code m}, the {@code index}-th argument after the time value
     * (1 for the first); false when it is not a modifier or does not apply.
     */
    static boolean apply(String m, int index, DateTimeState p, ZoneId zone) {
        if (m.isEmpty()) {
            return false;
        }
        return switch (AsciiText.toLower(m.charAt(0))) {
            case 'a' -> AsciiText.equals(m, "auto") && auto(index, p);
            case 'j' -> AsciiText.equals(m, "julianday") && julianDay(index, p);
            case 'l' -> {
                if (!AsciiText.equals(m, "localtime")) {
                    yield false;
                }
                LocalTimeConversion.toLocalTime(p, zone);
                yield true;
            }
            case 'u' -> {
                if (AsciiText.equals(m, "unixepoch") && p.rawNumber) {
                    yield unixEpoch(index, p);
                }
                if (AsciiText.equals(m, "utc")) {
                    LocalTimeConversion.toUtc(p, zone);
                    yield true;
                }
                yield false;
            }
            case 'w' -> weekday(m, p);
            case 's' -> {
                if (AsciiText.equals(m, "subsec") || AsciiText.equals(m, "subsecond")) {
                    p.subsec = true;
                    yield true;
                }
                yield startOf(m, p);
            }
            case '+', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> shift(m, p);
            default -> false;
        };
    }

    private static boolean auto(int index, DateTimeState p) {
        if (index > 1) {
            return false;
        }
        if (!p.rawNumber || p.validJd) {
            p.rawNumber = false;
            return true;
        }
        if (p.seconds >= -21086676L * 10000 && p.seconds <= 25340230L * 10000 + 799) {
            double r = p.seconds * 1000.0 + 210866760000000.0;
            p.clearYmdHmsTz();
            p.jdMs = (long) (r + 0.5);
            p.validJd = true;
            p.rawNumber = false;
            return true;
        }
        return false;
    }

    private static boolean julianDay(int index, DateTimeState p) {
        if (index > 1) {
            return false;
        }
        if (p.validJd && p.rawNumber) {
            p.rawNumber = false;
            return true;
        }
        return false;
    }

    private static boolean unixEpoch(int index, DateTimeState p) {
        if (index > 1) {
            return false;
        }
        double r = p.seconds * 1000.0 + 210866760000000.0;
        if (r >= 0.0 && r < 464269060800000.0) {
            p.clearYmdHmsTz();
            p.jdMs = (long) (r + 0.5);
            p.validJd = true;
            p.rawNumber = false;
            return true;
        }
        return false;
    }

    private static boolean weekday(String m, DateTimeState p) {
        if (!AsciiText.regionMatches(m, 0, "weekday ")) {
            return false;
        }
        double r = SqliteNumber.parseWhole(m, 8, m.length());
        if (Double.isNaN(r)) {
            return false;
        }
        int n = (int) r;
        if (n != r || n < 0 || r >= 7) {
            return false;
        }
        p.computeYmdHms();
        p.validTz = false;
        p.validJd = false;
        p.computeJd();
        long z = ((p.jdMs + 129600000) / DateTimeState.DAY_MS) % 7;
        if (z > n) {
            z -= 7;
        }
        p.jdMs += (n - z) * DateTimeState.DAY_MS;
        p.clearYmdHmsTz();
        return true;
    }

    private static boolean startOf(String m, DateTimeState p) {
        if (!AsciiText.regionMatches(m, 0, "start of ")) {
            return false;
        }
        if (!p.validJd && !p.validYmd && !p.validHms) {
            return false;
        }
        String what = m.substring(9);
        p.computeYmd();
        p.validHms = true;
        p.hour = 0;
        p.minute = 0;
        p.seconds = 0.0;
        p.rawNumber = false;
        p.validTz = false;
        p.validJd = false;
        if (AsciiText.equals(what, "month")) {
            p.day = 1;
            return true;
        }
        if (AsciiText.equals(what, "year")) {
            p.month = 1;
            p.day = 1;
            return true;
        }
        return AsciiText.equals(what, "day");
    }

    /** '±HH:MM[:SS[.SSS]]' or 'NNN unit'. */
    private static boolean shift(String m, DateTimeState p) {
        int n = 1;
        while (n < m.length() && m.charAt(n) != ':' && !AsciiText.isSpace(m.charAt(n))) {
            n++;
        }
        double r = SqliteNumber.parseWhole(m, 0, n);
        if (Double.isNaN(r)) {
            return false;
        }
        if (n < m.length() && m.charAt(n) == ':') {
            return shiftByTime(m, p);
        }
        int pos = n;
        while (pos < m.length() && AsciiText.isSpace(m.charAt(pos))) {
            pos++;
        }
        String unitText = m.substring(pos);
        int len = unitText.length();
        if (len > 10 || len < 3) {
            return false;
        }
        if (AsciiText.toLower(unitText.charAt(len - 1)) == 's') {
            len--;
        }
        p.computeJd();
        boolean applied = false;
        double rounder = r < 0 ? -0.5 : 0.5;
        for (int i = 0; i < UNITS.length; i++) {
            Unit unit = UNITS[i];
            if (unit.name().length() == len
                    && AsciiText.regionMatches(unitText, 0, unit.name())
                    && r > -unit.limit() && r < unit.limit()) {
                if (unit.name().equals("month")) {
                    p.computeYmdHms();
                    p.month += (int) r;
                    int x = p.month > 0 ? (p.month - 1) / 12 : (p.month - 12) / 12;
                    p.year += x;
                    p.month -= x * 12;
                    p.validJd = false;
                    r -= (int) r;
                } else if (unit.name().equals("year")) {
                    p.computeYmdHms();
                    p.year += (int) r;
                    p.validJd = false;
                    r -= (int) r;
                }
                p.computeJd();
                p.jdMs += (long) (r * 1000.0 * unit.seconds() + rounder);
                applied = true;
                break;
            }
        }
        p.clearYmdHmsTz();
        return applied;
    }

    private static boolean shiftByTime(String m, DateTimeState p) {
        int start = AsciiText.isDigit(m.charAt(0)) ? 0 : 1;
        DateTimeState t = new DateTimeState();
        if (!TimeValueParser.parseTime(m, start, t)) {
            return false;
        }
        t.computeJd();
        t.jdMs -= DateTimeState.HALF_DAY_MS;
        long days = t.jdMs / DateTimeState.DAY_MS;
        t.jdMs -= days * DateTimeState.DAY_MS;
        if (m.charAt(0) == '-') {
            t.jdMs = -t.jdMs;
        }
        p.computeJd();
        p.clearYmdHmsTz();
        p.jdMs += t.jdMs;
        return true;
    }
}
