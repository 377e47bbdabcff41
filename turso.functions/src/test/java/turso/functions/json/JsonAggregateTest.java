/*
 * json_group_array and json_group_object as aggregates and as window
 * functions, against sqlite-jdbc: the same rows go through our step(),
 * inverse(), value() and finish() as SQLite's window machinery would drive
 * them, and every result must equal SQLite's for the same query.
 */
package turso.functions.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import turso.api.TursoException;
import turso.api.Value;
import turso.functions.testing.FakeArguments;
import turso.functions.testing.FakeResult;
import turso.functions.testing.SqliteOracle;

class JsonAggregateTest {

    /** One row: label, value, and whether the value is passed through json() (subtype J). */
    private record Row(Value label, Value value, boolean json) {
    }

    private static final List<Row> ROWS = List.of(
            new Row(Value.of("a"), Value.of(1), false),
            new Row(Value.of("b"), Value.of(2.5), false),
            new Row(Value.of("c\"q"), Value.of("text \"quoted\" \\ / \n"), false),
            new Row(Value.of("d"), Value.NULL, false),
            new Row(Value.of("e"), Value.of("[1,{\"x\":\",]\"}]"), true),
            new Row(Value.of("f"), Value.of("[1,{\"x\":\",]\"}]"), false),
            new Row(Value.of(7), Value.of("{\"k\":[true,null]}"), true),
            new Row(Value.of(1.5), Value.of(-9223372036854775808L), false),
            new Row(Value.of("g"), Value.of(1e20), false),
            new Row(Value.of("é"), Value.of("ü,"), false));

    private static SqliteOracle sqlite;

    @BeforeAll
    static void load() throws SQLException {
        sqlite = new SqliteOracle();
        try (Statement st = sqlite.connection().createStatement()) {
            st.execute("create table t(id integer primary key, k, v, j)");
        }
        try (PreparedStatement ps = sqlite.connection().prepareStatement("insert into t(id, k, v, j) values (?,?,?,?)")) {
            for (int i = 0; i < ROWS.size(); i++) {
                Row r = ROWS.get(i);
                ps.setInt(1, i);
                ps.setObject(2, jdbc(r.label));
                ps.setObject(3, jdbc(r.value));
                ps.setInt(4, r.json ? 1 : 0);
                ps.executeUpdate();
            }
        }
    }

    @AfterAll
    static void close() throws SQLException {
        sqlite.close();
    }

    private static Object jdbc(Value v) {
        return switch (v) {
            case Value.Null n -> null;
            case Value.Int i -> i.value();
            case Value.Real r -> r.value();
            case Value.Text t -> t.value();
            case Value.Blob b -> b.value();
        };
    }

    private static final String VALUE = "case when j then json(v) else v end";

    private static FakeArguments args(JsonAggregate f, Row r) {
        Value v = r.value;
        int subtype = r.json ? JsonWriter.JSON_SUBTYPE : 0;
        return f == JsonAggregate.OBJECT
                ? new FakeArguments(List.of(r.label, v), new int[] {0, subtype})
                : new FakeArguments(List.of(v), new int[] {subtype});
    }

    private static List<String> sqliteColumn(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = sqlite.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String sqlCall(JsonAggregate f) {
        return f == JsonAggregate.OBJECT ? "json_group_object(k, " + VALUE + ")" : "json_group_array(" + VALUE + ")";
    }

    @Test
    void aggregateOverAllRows() throws SQLException {
        for (JsonAggregate f : List.of(JsonAggregate.ARRAY, JsonAggregate.OBJECT)) {
            ArrayDeque<String> state = f.newState();
            for (Row r : ROWS) {
                f.step(state, args(f, r));
            }
            FakeResult result = new FakeResult();
            f.finish(state, result);
            assertEquals(sqliteColumn("select " + sqlCall(f) + " from (select * from t order by id)"),
                    List.of(((Value.Text) result.value()).value()));
            assertEquals(JsonWriter.JSON_SUBTYPE, result.subtype());
        }
    }

    @Test
    void aggregateOverNoRows() throws SQLException {
        for (JsonAggregate f : List.of(JsonAggregate.ARRAY, JsonAggregate.OBJECT)) {
            FakeResult result = new FakeResult();
            f.finish(f.newState(), result);
            assertEquals(sqliteColumn("select " + sqlCall(f) + " from t where 0"), List.of(((Value.Text) result.value()).value()));
        }
    }

    /** Sliding frames of every width: rows enter through step() and leave through inverse(), as in SQLite's VM. */
    @Test
    void windowFrames() throws SQLException {
        for (JsonAggregate f : List.of(JsonAggregate.ARRAY, JsonAggregate.OBJECT)) {
            for (int before = 0; before <= 3; before++) {
                for (int after = 0; after <= 2; after++) {
                    List<String> expected = sqliteColumn("select " + sqlCall(f) + " over (order by id rows between "
                            + before + " preceding and " + after + " following) from t order by id");
                    List<String> ours = new ArrayList<>();
                    ArrayDeque<String> state = f.newState();
                    int added = 0;
                    int removed = 0;
                    for (int i = 0; i < ROWS.size(); i++) {
                        while (added <= Math.min(ROWS.size() - 1, i + after)) {
                            f.step(state, args(f, ROWS.get(added++)));
                        }
                        while (removed < i - before) {
                            f.inverse(state, args(f, ROWS.get(removed++)));
                        }
                        FakeResult result = new FakeResult();
                        f.value(state, result);
                        ours.add(((Value.Text) result.value()).value());
                    }
                    assertEquals(expected, ours, f.name() + " " + before + " preceding " + after + " following");
                }
            }
        }
    }

    /** A blob that is not JSONB: "JSON cannot hold BLOB values" (a JSONB blob is JSON since 3.45). */
    @Test
    void blobValueFailsTheStatement() {
        for (JsonAggregate f : List.of(JsonAggregate.ARRAY, JsonAggregate.OBJECT)) {
            FakeArguments blob = f == JsonAggregate.OBJECT
                    ? FakeArguments.of(Value.of("a"), Value.of(new byte[] {0x7b}))
                    : FakeArguments.of(Value.of(new byte[] {0x7b}));
            TursoException e = assertThrows(TursoException.class, () -> f.step(f.newState(), blob));
            assertEquals("JSON cannot hold BLOB values", e.getMessage());
        }
    }

    /** SQLite 3.40 (sqlite3 CLI) writes nothing for a NULL label: json_group_object(NULL, 1) is '{:1}'. */
    @Test
    void nullLabelAsIn340() {
        ArrayDeque<String> state = JsonAggregate.OBJECT.newState();
        JsonAggregate.OBJECT.step(state, FakeArguments.of(Value.NULL, Value.of(1)));
        FakeResult result = new FakeResult();
        JsonAggregate.OBJECT.finish(state, result);
        assertEquals(Value.of("{:1}"), result.value());
    }
}
