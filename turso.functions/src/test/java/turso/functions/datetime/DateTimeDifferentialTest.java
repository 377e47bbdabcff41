/*
 * Differential test of the date and time functions against real SQLite: every
 * call of corpus.txt is evaluated by our functions and by sqlite-jdbc, and
 * value and storage class must be equal. Calls where sqlite-jdbc's newer
 * SQLite (3.54) no longer behaves as 3.40 are pinned in pinned-3.40.txt to the
 * result of the sqlite3 3.40.1 CLI, and must still differ in sqlite-jdbc (else
 * the pin is stale). Calls with 'localtime' or 'utc' are compared only when
 * the JVM's zone is UTC, the zone the pins were made in and one where 3.40
 * and 3.54 agree; LocalTimeTest covers other zones.
 */
package turso.functions.datetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import turso.api.Value;

class DateTimeDifferentialTest {

    private static final long FIXED_NOW = 1_700_000_000_123L;

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = DateTimeDifferentialTest.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return lines;
        }
    }

    /** Equal storage class and value; reals compared exactly. */
    static boolean same(Value a, Value b) {
        return a.equals(b);
    }

    private static boolean usesZone(String line) {
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("'localtime'") || lower.contains("'utc'");
    }

    static boolean jvmZoneIsUtc() {
        ZoneRules rules = ZoneId.systemDefault().getRules();
        return rules.isFixedOffset() && rules.getOffset(Instant.EPOCH).getTotalSeconds() == 0;
    }

    @Test
    void corpusMatchesSqlite() throws Exception {
        Map<String, String[]> pinned = new LinkedHashMap<>();
        for (String line : lines("pinned-3.40.txt")) {
            String[] parts = line.split("\t", -1);
            pinned.put(parts[0], parts);
        }
        DateTimeCalls calls = new DateTimeCalls(null);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        int pinnedChecked = 0;
        int zoneSkipped = 0;
        boolean utc = jvmZoneIsUtc();
        try (SqliteOracle sqlite = new SqliteOracle()) {
            for (String line : lines("corpus.txt")) {
                if (!utc && usesZone(line)) {
                    zoneSkipped++;
                    continue;
                }
                SqlCall call = SqlCall.parse(line);
                Value ours = calls.evaluate(call, FIXED_NOW);
                Value theirs = sqlite.evaluate(call.toSql());
                String[] pin = pinned.get(line);
                if (pin == null) {
                    compared++;
                    if (!same(ours, theirs)) {
                        failures.add(line + " -> ours " + ours + ", SQLite " + sqlite.version() + " " + theirs);
                    }
                } else {
                    pinnedChecked++;
                    if (!matchesPin(ours, pin[1], pin[2])) {
                        failures.add(line + " -> ours " + ours + ", SQLite 3.40.1 " + pin[1] + " " + pin[2]);
                    }
                    if (matchesPin(theirs, pin[1], pin[2])) {
                        failures.add(line + " is pinned but SQLite " + sqlite.version() + " agrees with 3.40 now");
                    }
                }
            }
        }
        System.out.println("datetime corpus: " + compared + " calls compared with sqlite-jdbc, "
                + pinnedChecked + " pinned to 3.40.1, " + zoneSkipped + " skipped as the zone is not UTC, "
                + failures.size() + " failures");
        assertTrue(failures.isEmpty(), failures.size() + " differences:\n" + String.join("\n", failures));
        assertEquals(pinned.size(), pinnedChecked + (utc ? 0 : pinned.keySet().stream()
                .filter(DateTimeDifferentialTest::usesZone).count()), "every pinned call is in the corpus");
        assertTrue(compared > 2500, "corpus size");
    }

    /** A value against a pin: reals are pinned as Julian-day milliseconds. */
    static boolean matchesPin(Value v, String type, String expected) {
        return switch (type) {
            case "null" -> v instanceof Value.Null;
            case "text" -> v instanceof Value.Text t && t.value().equals(expected);
            case "integer" -> v instanceof Value.Int i && i.value() == Long.parseLong(expected);
            case "real" -> v instanceof Value.Real r && Math.round(r.value() * 86400000) == Long.parseLong(expected);
            default -> false;
        };
    }
}
