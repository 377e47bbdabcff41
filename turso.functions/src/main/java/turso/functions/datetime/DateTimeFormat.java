/*
 * Renders a computed value as the date functions' text: date(), time() and
 * datetime() (a negative year keeps four digits after its sign), and
 * strftime() with the substitutions SQLite 3.40 knows (%d %f %H %j %J %m %M
 * %s %S %w %W %Y %%) and those 3.44 added (%e %F %G %g %I %k %l %p %P %R %T
 * %u %U %V); any other substitution, or a lone '%' at the end, makes the
 * whole result NULL. Fractional numbers are printed by
 * SqlitePrintf, as SQLite's printf prints them.
 */
package turso.functions.datetime;

final class DateTimeFormat {

    private DateTimeFormat() {
    }

    static String date(DateTimeState p) {
        p.computeYmd();
        StringBuilder sb = new StringBuilder(11);
        appendYear(sb, p.year);
        sb.append('-');
        twoDigits(sb, p.month);
        sb.append('-');
        twoDigits(sb, p.day);
        return sb.toString();
    }

    static String time(DateTimeState p) {
        p.computeHms();
        StringBuilder sb = new StringBuilder(8);
        appendTime(sb, p);
        return sb.toString();
    }

    static String dateTime(DateTimeState p) {
        p.computeYmdHms();
        StringBuilder sb = new StringBuilder(20);
        appendYear(sb, p.year);
        sb.append('-');
        twoDigits(sb, p.month);
        sb.append('-');
        twoDigits(sb, p.day);
        sb.append(' ');
        appendTime(sb, p);
        return sb.toString();
    }

    private static void appendYear(StringBuilder sb, int year) {
        int y = Math.abs(year);
        if (year < 0) {
            sb.append('-');
        }
        sb.append((char) ('0' + (y / 1000) % 10)).append((char) ('0' + (y / 100) % 10));
        sb.append((char) ('0' + (y / 10) % 10)).append((char) ('0' + y % 10));
    }

    private static void appendTime(StringBuilder sb, DateTimeState p) {
        twoDigits(sb, p.hour);
        sb.append(':');
        twoDigits(sb, p.minute);
        sb.append(':');
        if (p.subsec) {
            // Seconds parsed with more than three decimals stay below 60, as %f keeps them.
            int ms = (int) (Math.min(p.seconds, 59.999) * 1000.0 + 0.5);
            twoDigits(sb, ms / 1000);
            sb.append('.');
            zeroPadded(sb, ms % 1000, 3);
        } else {
            twoDigits(sb, (int) p.seconds);
        }
    }

    /** The last two digits, as SQLite's time formatting writes them. */
    private static void twoDigits(StringBuilder sb, int v) {
        sb.append((char) ('0' + (v / 10) % 10)).append((char) ('0' + v % 10));
    }

    /** True when every '%' in the format starts a substitution SQLite supports (3.40's, and 3.44's additions). */
    static boolean isSupportedFormat(String format) {
        for (int i = 0; i < format.length(); i++) {
            if (format.charAt(i) == '%') {
                char c = i + 1 < format.length() ? format.charAt(i + 1) : 0;
                switch (c) {
                    case 'd', 'H', 'm', 'M', 'S', 'W', 'w', '%', 'f', 'j', 'Y', 's', 'J',
                         'e', 'F', 'G', 'g', 'I', 'k', 'l', 'p', 'P', 'R', 'T', 'u', 'U', 'V' -> i++;
                    default -> {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** strftime's text; the format must have passed {@link #isSupportedFormat}. */
    static String strftime(String format, DateTimeState p) {
        p.computeJd();
        p.computeYmdHms();
        StringBuilder sb = new StringBuilder(format.length() + 16);
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            i++;
            switch (format.charAt(i)) {
                case 'd' -> zeroPadded(sb, p.day, 2);
                case 'f' -> sb.append(SqlitePrintf.fixed3(Math.min(p.seconds, 59.999)));
                case 'H' -> zeroPadded(sb, p.hour, 2);
                case 'W' -> zeroPadded(sb, (dayOfYear(p) + 7 - daysAfterMonday(p)) / 7, 2);
                case 'U' -> zeroPadded(sb, (dayOfYear(p) + 7 - daysAfterSunday(p)) / 7, 2);
                case 'j' -> zeroPadded(sb, dayOfYear(p) + 1, 3);
                case 'e' -> spacePadded(sb, p.day);
                case 'F' -> {
                    zeroPadded(sb, p.year, 4);
                    sb.append('-');
                    zeroPadded(sb, p.month, 2);
                    sb.append('-');
                    zeroPadded(sb, p.day, 2);
                }
                case 'I' -> zeroPadded(sb, twelveHour(p.hour), 2);
                case 'l' -> spacePadded(sb, twelveHour(p.hour));
                case 'k' -> spacePadded(sb, p.hour);
                case 'p' -> sb.append(p.hour >= 12 ? "PM" : "AM");
                case 'P' -> sb.append(p.hour >= 12 ? "pm" : "am");
                case 'R', 'T' -> {
                    zeroPadded(sb, p.hour, 2);
                    sb.append(':');
                    zeroPadded(sb, p.minute, 2);
                    if (format.charAt(i) == 'T') {
                        sb.append(':');
                        zeroPadded(sb, (int) p.seconds, 2);
                    }
                }
                case 'u' -> sb.append((char) ('0' + (daysAfterSunday(p) == 0 ? 7 : daysAfterSunday(p))));
                case 'G', 'g', 'V' -> {
                    // The ISO week's year and number are those of its Thursday.
                    DateTimeState thursday = new DateTimeState();
                    thursday.jdMs = p.jdMs + (3 - daysAfterMonday(p)) * DateTimeState.DAY_MS;
                    thursday.validJd = true;
                    thursday.computeYmdHms();
                    switch (format.charAt(i)) {
                        case 'G' -> zeroPadded(sb, thursday.year, 4);
                        case 'g' -> zeroPadded(sb, thursday.year % 100, 2);
                        default -> zeroPadded(sb, dayOfYear(thursday) / 7 + 1, 2);
                    }
                }
                case 'J' -> sb.append(SqlitePrintf.generic16(p.jdMs / 86400000.0));
                case 'm' -> zeroPadded(sb, p.month, 2);
                case 'M' -> zeroPadded(sb, p.minute, 2);
                case 's' -> {
                    if (p.subsec) {
                        long ms = p.jdMs - DateTimeState.UNIX_EPOCH_JD_MS;
                        sb.append(ms < 0 ? "-" : "").append(Math.abs(ms) / 1000).append('.');
                        zeroPadded(sb, (int) (Math.abs(ms) % 1000), 3);
                    } else {
                        sb.append(p.jdMs / 1000 - 21086676L * 10000);
                    }
                }
                case 'S' -> zeroPadded(sb, (int) p.seconds, 2);
                case 'w' -> sb.append((char) ('0' + ((p.jdMs + 129600000) / DateTimeState.DAY_MS) % 7));
                case 'Y' -> zeroPadded(sb, p.year, 4);
                default -> sb.append('%');
            }
        }
        return sb.toString();
    }

    /** Days since January 1 of the value's year. */
    private static int dayOfYear(DateTimeState p) {
        DateTimeState jan1 = p.copy();
        jan1.validJd = false;
        jan1.month = 1;
        jan1.day = 1;
        jan1.computeJd();
        return (int) ((p.jdMs - jan1.jdMs + DateTimeState.HALF_DAY_MS) / DateTimeState.DAY_MS);
    }

    /** 0 on Monday to 6 on Sunday. */
    private static int daysAfterMonday(DateTimeState p) {
        return (int) (((p.jdMs + DateTimeState.HALF_DAY_MS) / DateTimeState.DAY_MS) % 7);
    }

    /** 0 on Sunday to 6 on Saturday. */
    private static int daysAfterSunday(DateTimeState p) {
        return (int) (((p.jdMs + 129_600_000) / DateTimeState.DAY_MS) % 7);
    }

    private static int twelveHour(int hour) {
        int h = hour > 12 ? hour - 12 : hour;
        return h == 0 ? 12 : h;
    }

    /** printf's %2d. */
    private static void spacePadded(StringBuilder sb, int v) {
        if (v >= 0 && v < 10) {
            sb.append(' ');
        }
        sb.append(v);
    }

    /** printf's %0Nd: a minus sign counts toward the width. */
    private static void zeroPadded(StringBuilder sb, int v, int width) {
        String digits = Integer.toString(Math.abs(v));
        if (v < 0) {
            sb.append('-');
            width--;
        }
        for (int k = digits.length(); k < width; k++) {
            sb.append('0');
        }
        sb.append(digits);
    }
}
