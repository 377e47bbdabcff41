/*
 * 'now': the statement's time from the FunctionContext, the same for every
 * call in one statement whatever the wall clock does, and equal to SQLite's
 * reading of the same instant; date('now') is today's UTC date.
 */
package turso.functions.datetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.Value;

class DateTimeNowTest {

    private final DateTimeCalls calls = new DateTimeCalls(null);

    private Value call(long statementTime, String sql) {
        return calls.evaluate(SqlCall.parse(sql), statementTime);
    }

    @Test
    void callsInOneStatementAgreeAndFollowTheStatementTime() throws Exception {
        long statementTime = System.currentTimeMillis();
        Value first = call(statementTime, "strftime('%Y-%m-%d %H:%M:%f', 'now')");
        Thread.sleep(5);
        Value second = call(statementTime, "strftime('%Y-%m-%d %H:%M:%f', 'now')");
        assertEquals(first, second);
        assertEquals(call(statementTime, "julianday('now')"), call(statementTime, "julianday()"));
        assertEquals(call(statementTime, "datetime('NOW')"), call(statementTime, "datetime()"));
        assertEquals(call(statementTime, "datetime('nOw')"), call(statementTime, "datetime()"));
        assertNotEquals(first, call(statementTime + 1, "strftime('%Y-%m-%d %H:%M:%f', 'now')"));
    }

    @Test
    void nowIsTheStatementInstantAsSqliteReadsIt() throws Exception {
        try (SqliteOracle sqlite = new SqliteOracle()) {
            for (long t : new long[] {1_700_000_000_123L, 0L, 86_399_999L, 253_402_300_799_999L, 951_782_400_500L}) {
                String seconds = t / 1000 + "." + String.format("%03d", t % 1000);
                for (String function : List.of("date", "time", "datetime", "unixepoch")) {
                    assertEquals(sqlite.evaluate(function + "(" + seconds + ", 'unixepoch')"),
                            call(t, function + "('now')"), function + " at " + t);
                }
                assertEquals(sqlite.evaluate("strftime('%Y-%m-%d %H:%M:%f %J %s', " + seconds + ", 'unixepoch')"),
                        call(t, "strftime('%Y-%m-%d %H:%M:%f %J %s', 'now')"), "strftime at " + t);
                assertEquals(sqlite.evaluate("date(" + seconds + ", 'unixepoch', 'start of month', '+1 month')"),
                        call(t, "date('now', 'start of month', '+1 month')"), "modifiers after now at " + t);
            }
        }
    }

    @Test
    void dateNowIsTodayInUtcAsInSqlite() throws Exception {
        try (SqliteOracle sqlite = new SqliteOracle()) {
            for (int attempt = 0; ; attempt++) {
                LocalDate before = LocalDate.now(ZoneOffset.UTC);
                Value ours = call(System.currentTimeMillis(), "date('now')");
                Value theirs = sqlite.evaluate("date('now')");
                Value current = calls.evaluate(new SqlCall("current_date", List.of()), System.currentTimeMillis());
                LocalDate after = LocalDate.now(ZoneOffset.UTC);
                if (before.equals(after) || attempt == 3) {
                    assertEquals(Value.of(before.toString()), ours);
                    assertEquals(theirs, ours);
                    assertEquals(ours, current);
                    return;
                }
            }
        }
    }

    @Test
    void currentKeywordsAreZeroArgumentForms() throws Exception {
        long t = 1_700_000_000_123L;
        assertEquals(Value.of("2023-11-14"), calls.evaluate(new SqlCall("current_date", List.of()), t));
        assertEquals(Value.of("22:13:20"), calls.evaluate(new SqlCall("current_time", List.of()), t));
        assertEquals(Value.of("2023-11-14 22:13:20"), calls.evaluate(new SqlCall("current_timestamp", List.of()), t));
        try (SqliteOracle sqlite = new SqliteOracle()) {
            assertEquals(sqlite.evaluate("datetime(1700000000.123, 'unixepoch')"),
                    calls.evaluate(new SqlCall("current_timestamp", List.of()), t));
        }
    }
}
