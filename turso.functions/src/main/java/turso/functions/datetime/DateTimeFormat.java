/*
 * Renders a computed value as the date functions' text: date(), time() and
 * datetime() (a negative year keeps four digits after its sign), and
 * strftime() with the substitutions SQLite 3.40 knows (%d %f %H %j %J %m %M
 * %s %S %w %W %Y %%); any other substitution, or a lone '%' at the end, makes
 * the whole result NULL, as in 3.40. Fractional numbers are printed by
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
        twoDigits(sb, (int) p.seconds);
    }

    /** The last two digits, as SQLite's time formatting writes them. */
    private static void twoDigits(StringBuilder sb, int v) {
        sb.append((char) ('0' + (v / 10) % 10)).append((char) ('0' + v % 10));
    }

    /** True when every '%' in the format starts a substitution 3.40 supports. */
    static boolean isSupportedFormat(String format) {
        for (int i = 0; i < format.length(); i++) {
            if (format.charAt(i) == '%') {
                char c = i + 1 < format.length() ? format.charAt(i + 1) : 0;
                switch (c) {
                    case 'd', 'H', 'm', 'M', 'S', 'W', 'w', '%', 'f', 'j', 'Y', 's', 'J' -> i++;
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
                case 'W', 'j' -> {
                    DateTimeState jan1 = p.copy();
                    jan1.validJd = false;
                    jan1.month = 1;
                    jan1.day = 1;
                    jan1.computeJd();
                    int dayOfYear = (int) ((p.jdMs - jan1.jdMs + DateTimeState.HALF_DAY_MS) / DateTimeState.DAY_MS);
                    if (format.charAt(i) == 'W') {
                        int mondayBased = (int) (((p.jdMs + DateTimeState.HALF_DAY_MS) / DateTimeState.DAY_MS) % 7);
                        zeroPadded(sb, (dayOfYear + 7 - mondayBased) / 7, 2);
                    } else {
                        zeroPadded(sb, dayOfYear + 1, 3);
                    }
                }
                case 'J' -> sb.append(SqlitePrintf.generic16(p.jdMs / 86400000.0));
                case 'm' -> zeroPadded(sb, p.month, 2);
                case 'M' -> zeroPadded(sb, p.minute, 2);
                case 's' -> sb.append(p.jdMs / 1000 - 21086676L * 10000);
                case 'S' -> zeroPadded(sb, (int) p.seconds, 2);
                case 'w' -> sb.append((char) ('0' + ((p.jdMs + 129600000) / DateTimeState.DAY_MS) % 7));
                case 'Y' -> zeroPadded(sb, p.year, 4);
                default -> sb.append('%');
            }
        }
        return sb.toString();
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
