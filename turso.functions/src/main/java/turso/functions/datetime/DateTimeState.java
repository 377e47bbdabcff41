/*
 * The value the date and time functions work on, with SQLite's three
 * representations side by side: a Julian day in integer milliseconds, a
 * calendar date, and a time of day, each with a flag saying whether it is
 * current. Results depend on which representation is current when a
 * function reads it (date('2023-02-31') keeps the day as written, julianday
 * normalises it), so the flags and the lazy conversions between the
 * representations follow SQLite's rules exactly, including how an error
 * wipes the value.
 */
package turso.functions.datetime;

final class DateTimeState {

    /** Milliseconds in a day. */
    static final long DAY_MS = 86_400_000L;
    /** Half a day: Julian days start at noon. */
    static final long HALF_DAY_MS = 43_200_000L;
    /** The Julian day, in milliseconds, of 1970-01-01 00:00:00 UTC. */
    static final long UNIX_EPOCH_JD_MS = 210_866_760_000_000L;
    /** The last millisecond SQLite accepts: 9999-12-31 23:59:59.999. */
    static final long MAX_JD_MS = 464_269_060_799_999L;

    long jdMs;
    int year;
    int month;
    int day;
    int hour;
    int minute;
    /** Minutes east of UTC of the value as written; 0 when none or already applied. */
    int tzMinutes;
    /** Seconds with fraction, or the raw number given as a time value while rawNumber is set. */
    double seconds;
    boolean validJd;
    boolean rawNumber;
    boolean validYmd;
    boolean validHms;
    boolean validTz;
    /** The value was written with an explicit zone, so 'utc' leaves it alone. */
    boolean tzSet;
    boolean error;
    /** The 'subsec' modifier (3.42+): datetime(), time(), unixepoch() and %s show milliseconds. */
    boolean subsec;

    DateTimeState copy() {
        DateTimeState c = new DateTimeState();
        c.jdMs = jdMs;
        c.year = year;
        c.month = month;
        c.day = day;
        c.hour = hour;
        c.minute = minute;
        c.tzMinutes = tzMinutes;
        c.seconds = seconds;
        c.validJd = validJd;
        c.rawNumber = rawNumber;
        c.validYmd = validYmd;
        c.validHms = validHms;
        c.validTz = validTz;
        c.tzSet = tzSet;
        c.error = error;
        c.subsec = subsec;
        return c;
    }

    static boolean isValidJulianDay(long ms) {
        return ms >= 0 && ms <= MAX_JD_MS;
    }

    /** An invalid value: every field cleared and the error flag set, as SQLite does. */
    void setError() {
        clear();
        error = true;
    }

    /** Every field cleared, as a fresh value. */
    void clear() {
        jdMs = 0;
        year = month = day = hour = minute = tzMinutes = 0;
        seconds = 0;
        validJd = rawNumber = validYmd = validHms = validTz = tzSet = error = false;
    }

    /** A number given as the time value: a Julian day if in range, else kept raw for 'unixepoch'/'auto'. */
    void setRawNumber(double r) {
        seconds = r;
        rawNumber = true;
        if (r >= 0.0 && r < 5373484.5) {
            jdMs = (long) (r * 86400000.0 + 0.5);
            validJd = true;
        }
    }

    void clearYmdHmsTz() {
        validYmd = false;
        validHms = false;
        validTz = false;
    }

    void computeJd() {
        if (validJd) {
            return;
        }
        int y;
        int m;
        int d;
        if (validYmd) {
            y = year;
            m = month;
            d = day;
        } else {
            y = 2000;
            m = 1;
            d = 1;
        }
        if (y < -4713 || y > 9999 || rawNumber) {
            setError();
            return;
        }
        if (m <= 2) {
            y--;
            m += 12;
        }
        int a = y / 100;
        int b = 2 - a + (a / 4);
        int x1 = 36525 * (y + 4716) / 100;
        int x2 = 306001 * (m + 1) / 10000;
        jdMs = (long) ((x1 + x2 + d + b - 1524.5) * 86400000);
        validJd = true;
        if (validHms) {
            jdMs += hour * 3600000L + minute * 60000L + (long) (seconds * 1000 + 0.5);
            if (validTz) {
                jdMs -= tzMinutes * 60000L;
                validYmd = false;
                validHms = false;
                validTz = false;
            }
        }
    }

    void computeYmd() {
        if (validYmd) {
            return;
        }
        if (!validJd) {
            year = 2000;
            month = 1;
            day = 1;
        } else if (!isValidJulianDay(jdMs)) {
            setError();
            return;
        } else {
            int z = (int) ((jdMs + HALF_DAY_MS) / DAY_MS);
            int a = (int) ((z - 1867216.25) / 36524.25);
            a = z + 1 + a - (a / 4);
            int b = a + 1524;
            int c = (int) ((b - 122.1) / 365.25);
            int d = (36525 * (c & 32767)) / 100;
            int e = (int) ((b - d) / 30.6001);
            int x1 = (int) (30.6001 * e);
            day = b - d - x1;
            month = e < 14 ? e - 1 : e - 13;
            year = month > 2 ? c - 4716 : c - 4715;
        }
        validYmd = true;
    }

    void computeHms() {
        if (validHms) {
            return;
        }
        computeJd();
        int s = (int) ((jdMs + HALF_DAY_MS) % DAY_MS);
        seconds = s / 1000.0;
        s = (int) seconds;
        seconds -= s;
        hour = s / 3600;
        s -= hour * 3600;
        minute = s / 60;
        seconds += s - minute * 60;
        rawNumber = false;
        validHms = true;
    }

    void computeYmdHms() {
        computeYmd();
        computeHms();
    }
}
