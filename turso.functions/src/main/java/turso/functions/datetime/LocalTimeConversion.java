/*
 * The 'localtime' and 'utc' modifiers over a java.time zone (the JVM's
 * default in production). SQLite asks the C library for local time, which it
 * trusts only for 1970-2037: other dates are moved by whole years to one
 * with the same leap-year position near 2000, converted there, and moved
 * back. 'utc' inverts 'localtime' by a few rounds of guessing, which is why
 * times inside a daylight-saving gap come out as SQLite's do.
 */
package turso.functions.datetime;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

final class LocalTimeConversion {

    private LocalTimeConversion() {
    }

    /** The Julian day in ms of 1970-01-01 00:00:00 and of 2038-01-18 00:00:00, SQLite's trusted range. */
    private static final long TRUSTED_FROM = 2108667600L * 100000;
    private static final long TRUSTED_TO = 2130141456L * 100000;

    /** Shifts a UTC value to local time in {@code zone}. */
    static void toLocalTime(DateTimeState p, ZoneId zone) {
        p.computeJd();
        long epochSeconds;
        int yearShift;
        if (p.jdMs < TRUSTED_FROM || p.jdMs > TRUSTED_TO) {
            DateTimeState x = p.copy();
            x.computeYmdHms();
            yearShift = (2000 + x.year % 4) - x.year;
            x.year += yearShift;
            x.validJd = false;
            x.computeJd();
            epochSeconds = x.jdMs / 1000 - 21086676L * 10000;
        } else {
            yearShift = 0;
            epochSeconds = p.jdMs / 1000 - 21086676L * 10000;
        }
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), zone);
        p.year = local.getYear() - yearShift;
        p.month = local.getMonthValue();
        p.day = local.getDayOfMonth();
        p.hour = local.getHour();
        p.minute = local.getMinute();
        p.seconds = local.getSecond() + (p.jdMs % 1000) * 0.001;
        p.validYmd = true;
        p.validHms = true;
        p.validJd = false;
        p.rawNumber = false;
        p.validTz = false;
        p.error = false;
    }

    /** Treats the value as local time in {@code zone} and shifts it to UTC. */
    static void toUtc(DateTimeState p, ZoneId zone) {
        if (p.tzSet) {
            return;
        }
        p.computeJd();
        long original = p.jdMs;
        long guess = original;
        /* SQLite keeps the error in a 32-bit int: far off guesses wrap, and so must ours. */
        int err = 0;
        int rounds = 0;
        do {
            DateTimeState probe = new DateTimeState();
            guess -= err;
            probe.jdMs = guess;
            probe.validJd = true;
            toLocalTime(probe, zone);
            probe.computeJd();
            err = (int) (probe.jdMs - original);
        } while (err != 0 && rounds++ < 3);
        p.clear();
        p.jdMs = guess;
        p.validJd = true;
        p.tzSet = true;
    }
}
