/*
 * Arguments that are not plain literals, compared with sqlite-jdbc through
 * bound parameters: text with an embedded NUL (SQLite reads up to it), blobs
 * read as text, numbers as modifiers (read in their text form), numeric text
 * as the time value, NULL anywhere.
 */
package turso.functions.datetime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.Value;

class DateTimeArgumentsTest {

    private static final DateTimeCalls CALLS = new DateTimeCalls(null);

    private static Value sqlite(Connection c, String function, List<Value> args) throws Exception {
        StringBuilder sql = new StringBuilder("SELECT ").append(function).append('(');
        for (int i = 0; i < args.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        try (PreparedStatement ps = c.prepareStatement("SELECT v, typeof(v) FROM (" + sql + " AS v)")) {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case Value.Null n -> ps.setNull(i + 1, java.sql.Types.NULL);
                    case Value.Int v -> ps.setLong(i + 1, v.value());
                    case Value.Real v -> ps.setDouble(i + 1, v.value());
                    case Value.Text v -> ps.setString(i + 1, v.value());
                    case Value.Blob v -> ps.setBytes(i + 1, v.value());
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return switch (rs.getString(2)) {
                    case "integer" -> Value.of(rs.getLong(1));
                    case "real" -> Value.of(rs.getDouble(1));
                    case "text" -> Value.of(rs.getString(1));
                    default -> Value.NULL;
                };
            }
        }
    }

    private static Value blob(String s) {
        return Value.of(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void boundArgumentsBehaveAsInSqlite() throws Exception {
        List<List<Value>> cases = List.of(
                List.of(Value.of("2020-01-01\0junk")),
                List.of(Value.of("2020-01-01"), Value.of("+1 day\0garbage")),
                List.of(Value.of("2020-01-01"), Value.of("\0+1 day")),
                List.of(blob("2020-01-01 12:00")),
                List.of(blob("2020-01-01"), blob("+1 month")),
                List.of(Value.of("2020-01-01"), Value.of(5L)),
                List.of(Value.of("2020-01-01"), Value.of(1.5)),
                List.of(Value.of(2451545.5), Value.of(0L)),
                List.of(Value.of("2451545.5")),
                List.of(Value.of("1092941466"), Value.of("unixepoch")),
                List.of(Value.of(1092941466L), Value.of("unixepoch")),
                List.of(Value.of(1092941466.5), Value.of("unixepoch"), Value.of("+1.5 seconds")),
                List.of(Value.NULL),
                List.of(Value.of("2020-01-01"), Value.NULL),
                List.of(Value.of(Double.POSITIVE_INFINITY)),
                List.of(Value.of(Double.NEGATIVE_INFINITY), Value.of("unixepoch")),
                List.of(Value.of(Long.MAX_VALUE), Value.of("unixepoch")),
                List.of(Value.of(Long.MIN_VALUE), Value.of("auto")),
                List.of(Value.of("2020-01-01 12:00:00.5"), Value.of("+0.5e1 seconds")),
                List.of(Value.of("  2451545  ")),
                List.of(Value.of("2020-01-01"), Value.of("weekday 3e0")),
                List.of(Value.of("2020-01-15 10:00"), Value.of("+1\tday")),
                List.of(Value.of("2020-01-15 10:00"), Value.of("+1 day\n")),
                List.of(Value.of("2020-01-15\f10:00")),
                List.of(Value.of("2020-01-15\u000b10:00")),
                List.of(Value.of("2020-01-15\u00a010:00")),
                List.of(Value.of("2020-01-15 10:00"), Value.of("weekday\t1")),
                List.of(Value.of("2020-01-15 10:00"), Value.of("weekday 1\r")),
                List.of(Value.of("\t2451545.5\n")),
                List.of(Value.of("2020-01-15 10:00"), Value.of("\u017ftart of day")),
                List.of(Value.of("2020-01-15 10:00\u2028")));
        List<String> failures = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String function : List.of("date", "datetime", "julianday", "unixepoch")) {
                for (List<Value> args : cases) {
                    Value ours = CALLS.evaluate(new SqlCall(function, args), 0);
                    Value theirs = sqlite(c, function, args);
                    if (!ours.equals(theirs)) {
                        failures.add(function + args + " -> ours " + ours + ", SQLite " + theirs);
                    }
                }
            }
            List<Value> format = List.of(Value.of("%Y\0%e"), Value.of("2020-01-01"));
            assertEquals(sqlite(c, "strftime", format), CALLS.evaluate(new SqlCall("strftime", format), 0));
        }
        assertEquals(List.of(), failures);
    }
}
