/*
 * Garbage in: random strings built from the characters time values and
 * modifiers are made of ("12:3-+.Z T%days...") and random numbers, thousands
 * of calls from a printed seed (-Dturso.datetime.seed=N replays it). No call
 * may throw, each result has its function's type or is NULL, and when a
 * sqlite3 3.40 CLI is on the PATH every result must equal its (calls that
 * read the clock, or have a NULL argument, are left out of that comparison,
 * and so are strftime formats using a conversion 3.44 added: 3.40 answers
 * NULL there, and DateTimeDifferentialTest compares them with sqlite-jdbc).
 */
package turso.functions.datetime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import turso.api.Value;

class DateTimeFuzzTest {

    private static final String ALPHABET = "0123456789000111222-+:.  TZzdaysmonthweekstartofunixepochlocaltimeutc%%fJjsSYWw\t";
    private static final String[] WORDS = {"2020-01-01", "12:34", ":56", ".789", "+05:30", "Z", " days", " months",
        "start of ", "day", "weekday ", "unixepoch", "auto", "julianday", "utc", "localtime", "now", "-", "+", "T", " "};
    private static final String[] FUNCTIONS = {"date", "time", "datetime", "julianday", "unixepoch", "strftime"};

    private static String garbage(Random random) {
        StringBuilder sb = new StringBuilder();
        int parts = random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            if (random.nextBoolean()) {
                sb.append(WORDS[random.nextInt(WORDS.length)]);
            } else {
                int n = 1 + random.nextInt(4);
                for (int k = 0; k < n; k++) {
                    sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
        }
        return sb.toString();
    }

    private static Value argument(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> Value.of(random.nextLong(-10_000_000_000_000L, 10_000_000_000_000L));
            case 1 -> Value.of((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(16)));
            case 2 -> Value.NULL;
            default -> Value.of(garbage(random));
        };
    }

    @Test
    void garbageGivesNullOrAResultNeverAnException() throws Exception {
        long seed = Long.getLong("turso.datetime.seed", System.nanoTime());
        System.out.println("DateTimeFuzzTest seed: " + seed);
        Random random = new Random(seed);
        DateTimeCalls calls = new DateTimeCalls(null);
        int n = Boolean.getBoolean("turso.long") ? 500_000 : 5_000;
        List<SqlCall> batch = new ArrayList<>();
        List<Value> ours = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String function = FUNCTIONS[random.nextInt(FUNCTIONS.length)];
            List<Value> args = new ArrayList<>();
            int count = random.nextInt(5);
            for (int k = 0; k < count; k++) {
                args.add(argument(random));
            }
            SqlCall call = new SqlCall(function, List.copyOf(args));
            Value result = calls.evaluate(call, 1_700_000_000_123L);
            boolean typed = switch (result) {
                case Value.Null x -> true;
                case Value.Text x -> !function.equals("julianday") && !function.equals("unixepoch");
                case Value.Real x -> function.equals("julianday");
                case Value.Int x -> function.equals("unixepoch");
                case Value.Blob x -> false;
            };
            assertTrue(typed, call.toSql() + " -> " + result);
            if (!call.toSql().toLowerCase(java.util.Locale.ROOT).contains("now") && args.stream().noneMatch(
                    v -> v instanceof Value.Null) && count > (function.equals("strftime") ? 1 : 0)
                    && !usesLaterConversion(call)) {
                batch.add(call);
                ours.add(result);
            }
        }
        String cli = DateTimeRandomTest.sqlite340Cli();
        if (cli == null) {
            return;
        }
        List<String> expected = DateTimeRandomTest.runCli(cli, batch);
        List<String> failures = new ArrayList<>();
        int nonNull = 0;
        for (int i = 0; i < batch.size(); i++) {
            String[] e = expected.get(i).split("\\|", 2);
            if (!e[0].equals("null")) {
                nonNull++;
            }
            if (!DateTimeDifferentialTest.matchesPin(ours.get(i), e[0], e[1]) && failures.size() < 50) {
                failures.add(batch.get(i).toSql() + " -> ours " + ours.get(i) + ", SQLite 3.40 " + expected.get(i));
            }
        }
        System.out.println("DateTimeFuzzTest: " + batch.size() + " calls against the 3.40 CLI (" + nonNull
                + " non-NULL), " + failures.size() + " differences");
        assertTrue(failures.isEmpty(), "seed " + seed + ":\n" + String.join("\n", failures));
    }

    /** Whether {@code call} is a strftime whose format uses a conversion SQLite added in 3.44 (3.40: NULL). */
    private static boolean usesLaterConversion(SqlCall call) {
        if (!call.name().equals("strftime") || !(call.args().getFirst() instanceof Value.Text format)) {
            return false;
        }
        String f = format.value();
        for (int i = 0; i + 1 < f.length(); i++) {
            if (f.charAt(i) == '%') {
                if ("eFGgIklpPRTuUV".indexOf(f.charAt(i + 1)) >= 0) {
                    return true;
                }
                i++;
            }
        }
        return false;
    }
}
