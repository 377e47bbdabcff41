/*
 * 'localtime' and 'utc' in zones with daylight saving, half-hour and
 * 45-minute offsets and southern-hemisphere summers, against results of the
 * sqlite3 3.40.1 CLI run with TZ set to each zone (localtime-3.40.txt): the
 * JVM's own zone is UTC here, so the functions get the zone explicitly.
 * Covers dates outside 1970-2037 (moved to an equivalent year), times inside
 * a daylight-saving gap or overlap, explicit zones ('utc' then does nothing)
 * and chains of both modifiers.
 */
package turso.functions.datetime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import turso.api.Value;

class LocalTimeTest {

    @Test
    void localtimeAndUtcMatchSqlite340InEachZone() throws Exception {
        Map<String, DateTimeCalls> byZone = new HashMap<>();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String line : DateTimeDifferentialTest.lines("localtime-3.40.txt")) {
            String[] parts = line.split("\t", -1);
            DateTimeCalls calls = byZone.computeIfAbsent(parts[0], z -> new DateTimeCalls(ZoneId.of(z)));
            Value ours = calls.evaluate(SqlCall.parse(parts[1]), 0);
            checked++;
            if (!DateTimeDifferentialTest.matchesPin(ours, parts[2], parts[3])) {
                failures.add(parts[0] + " " + parts[1] + " -> ours " + ours + ", SQLite 3.40.1 " + parts[2] + " " + parts[3]);
            }
        }
        assertTrue(checked >= 300, "fixture size " + checked);
        assertTrue(failures.isEmpty(), failures.size() + " differences:\n" + String.join("\n", failures));
    }
}
