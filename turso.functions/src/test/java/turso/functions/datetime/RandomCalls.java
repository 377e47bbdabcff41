/*
 * Generates random date-function calls from a seed: a random time value in
 * one of the accepted forms (or a malformed one) followed by up to five
 * random modifiers. In the "common" mode it keeps to what SQLite 3.40 and
 * sqlite-jdbc's 3.54 agree on (valid calendar dates, years 1500-9700 kept far
 * from year 0, hours below 24, at most three fractional digits, modifiers
 * 3.40 knows); the full mode adds everything else, for the 3.40 CLI.
 */
package turso.functions.datetime;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import turso.api.Value;

final class RandomCalls {

    private static final String[] FUNCTIONS = {"date", "time", "datetime", "julianday", "unixepoch", "strftime"};
    private static final String[] FORMATS = {
        "%Y-%m-%d %H:%M:%S", "%d|%f|%H|%j|%m|%M|%s|%S|%w|%W|%Y|%%", "%j %W %w", "%s", "%f", "week %W day %j"
    };
    /*
     * %J prints 16 significant digits; 3.54 rounds the exact value where 3.40
     * works in long doubles, so they differ now and then in the last digit.
     */
    private static final String[] EXTRA_FORMATS = {"%J", "%d|%f|%H|%j|%J|%m|%M|%s|%S|%w|%W|%Y|%%", "%", "%Y %q"};
    private static final String[] UNITS = {"day", "days", "hour", "hours", "minute", "minutes", "second", "seconds",
        "month", "months", "year", "years"};

    /*
     * Julian days of about the years 1500 and 9500: 3.40 and 3.54 disagree about
     * calendar dates in years before 0, and modifiers may move a date by up to
     * about 1400 years. A number outside this range is read as unix seconds
     * ('unixepoch' or 'auto' first): any other modifier would reset it to a
     * Julian day of 0 in 3.40. Nor do they agree about a time-only value with
     * a zone followed by 'utc' (pinned in the corpus instead).
     */
    private static final int MIN_COMMON_JD = 2_269_000;
    private static final int MAX_COMMON_JD = 5_190_000;

    private final Random random;
    private final boolean full;
    private final boolean zoneModifiers;

    /**
     * @param zoneModifiers whether to generate 'localtime' and 'utc', which only an
     *     oracle running in the JVM's zone can check
     */
    RandomCalls(long seed, boolean full, boolean zoneModifiers) {
        this.random = new Random(seed);
        this.full = full;
        this.zoneModifiers = zoneModifiers;
    }

    SqlCall next() {
        String function = FUNCTIONS[random.nextInt(FUNCTIONS.length)];
        List<Value> args = new ArrayList<>();
        if (function.equals("strftime")) {
            String[] pool = full && random.nextInt(3) == 0 ? EXTRA_FORMATS : FORMATS;
            args.add(Value.of(pool[random.nextInt(pool.length)]));
        }
        boolean number = random.nextInt(4) == 0;
        Value value = number ? numberValue() : textValue();
        args.add(value);
        int modifiers = random.nextInt(6);
        if (!full && number && value instanceof Value.Real r && (r.value() < MIN_COMMON_JD || r.value() > MAX_COMMON_JD)
                || !full && number && value instanceof Value.Int i && (i.value() < MIN_COMMON_JD || i.value() > MAX_COMMON_JD)) {
            args.add(Value.of(random.nextBoolean() ? "unixepoch" : "auto"));
            modifiers = Math.max(0, modifiers - 1);
        }
        for (int i = 0; i < modifiers; i++) {
            String modifier = modifier(number && i == 0 && args.size() == (function.equals("strftime") ? 2 : 1));
            if (random.nextInt(8) == 0) {
                modifier = randomCase(modifier);
            }
            if (full && random.nextInt(20) == 0) {
                modifier = mangle(modifier);
            }
            args.add(Value.of(modifier));
        }
        return new SqlCall(function, List.copyOf(args));
    }

    private int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private Value numberValue() {
        return switch (random.nextInt(full ? 6 : 4)) {
            case 0 -> Value.of((long) (full ? between(0, 5373484) : between(MIN_COMMON_JD, MAX_COMMON_JD)));
            case 1 -> Value.of(between(full ? 0 : MIN_COMMON_JD, MAX_COMMON_JD) + random.nextInt(1000) / 1000.0);
            case 2 -> Value.of(random.nextLong(-2_000_000_000L, 2_000_000_001L));
            case 3 -> Value.of(random.nextLong(-10_000_000_000L, 10_000_000_000L) + random.nextInt(1000) / 1000.0);
            case 4 -> Value.of(random.nextDouble() * 1e13 - 5e12);
            default -> Value.of(-random.nextDouble() * 100);
        };
    }

    private String twoDigits(int v) {
        return (v < 10 ? "0" : "") + v;
    }

    private Value textValue() {
        int year = full ? between(-4713, 9999) : between(1500, 9700);
        int month = between(1, 12);
        int day = full && random.nextInt(4) == 0 ? between(1, 31) : between(1, daysIn(year, month));
        String y = year < 0 ? "-" + String.format("%04d", -year) : String.format("%04d", year);
        String date = y + "-" + twoDigits(month) + "-" + twoDigits(day);
        String time = time(full && random.nextInt(10) == 0 ? 24 : 23);
        String zone = switch (random.nextInt(6)) {
            case 0 -> "Z";
            case 1 -> (random.nextBoolean() ? "+" : "-") + twoDigits(between(0, 14)) + ":" + twoDigits(between(0, 59));
            default -> "";
        };
        String text = switch (random.nextInt(6)) {
            case 0 -> date;
            case 1 -> date + " " + time + zone;
            case 2 -> date + "T" + time + zone;
            case 3 -> full ? time + zone : time;
            case 4 -> Double.toString(between(full ? 0 : MIN_COMMON_JD, MAX_COMMON_JD) + random.nextInt(100000) / 100000.0);
            default -> date + " " + time;
        };
        if (full && random.nextInt(20) == 0) {
            text = mangle(text);
        }
        return Value.of(text);
    }

    private String time(int maxHour) {
        String hm = twoDigits(between(0, maxHour)) + ":" + twoDigits(between(0, 59));
        if (random.nextBoolean()) {
            return hm;
        }
        String hms = hm + ":" + twoDigits(between(0, 59));
        if (random.nextBoolean()) {
            return hms;
        }
        int digits = full ? between(1, 6) : between(1, 3);
        StringBuilder fraction = new StringBuilder(".");
        for (int i = 0; i < digits; i++) {
            fraction.append((char) ('0' + random.nextInt(10)));
        }
        return hms + fraction;
    }

    private String randomCase(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            sb.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    private String mangle(String text) {
        int at = random.nextInt(text.length());
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + "x" + text.substring(at);
            default -> text + " ";
        };
    }

    private String signed(String magnitude) {
        return switch (random.nextInt(3)) {
            case 0 -> "+" + magnitude;
            case 1 -> "-" + magnitude;
            default -> magnitude;
        };
    }

    private String modifier(boolean afterNumber) {
        if (afterNumber && random.nextInt(3) != 0) {
            String[] numeric = {"unixepoch", "auto", "julianday"};
            return numeric[random.nextInt(numeric.length)];
        }
        int kind = random.nextInt(full ? 12 : 10);
        return switch (kind) {
            case 0, 1, 2 -> {
                String unit = UNITS[random.nextInt(UNITS.length)];
                int limit = switch (unit.charAt(0)) {
                    case 'd' -> 100_000;
                    case 'h' -> 2_000_000;
                    case 'm' -> unit.startsWith("mo") ? 1200 : 100_000_000;
                    case 'y' -> 200;
                    default -> 1_000_000_000;
                };
                String amount = random.nextBoolean()
                        ? Integer.toString(random.nextInt(limit))
                        : Integer.toString(random.nextInt(Math.max(1, limit / 10))) + "." + random.nextInt(1000);
                yield signed(amount) + " " + unit;
            }
            case 3 -> {
                String[] what = {"month", "year", "day"};
                yield "start of " + what[random.nextInt(3)];
            }
            case 4 -> "weekday " + random.nextInt(7);
            case 5 -> (random.nextBoolean() ? "+" : "-") + time(23);
            case 6 -> zoneModifiers ? (random.nextBoolean() ? "localtime" : "utc") : "start of day";
            case 7 -> {
                String[] numeric = {"unixepoch", "auto", "julianday"};
                yield numeric[random.nextInt(numeric.length)];
            }
            case 8 -> signed(Integer.toString(random.nextInt(50))) + " days";
            case 9 -> "+" + random.nextInt(30) + " hours";
            case 10 -> {
                String[] later = {"ceiling", "floor", "+0001-02-03", "weekday 7", "start of week", "+1 fortnight"};
                yield later[random.nextInt(later.length)];
            }
            default -> Double.toString(random.nextDouble() * 100) + " minutes";
        };
    }
}
