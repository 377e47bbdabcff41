/*
 * The "json" library registers exactly SQLite 3.40's JSON functions with
 * their arities (json_each/json_tree are virtual tables; json_error_position
 * and jsonb_* came later), the aggregates as window functions, and the
 * subtype flags the planner relies on. Checked against sqlite-jdbc's
 * pragma_function_list for names that exist in both versions.
 */
package turso.functions.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import turso.api.spi.FunctionFlag;
import turso.api.spi.SqlFunction;
import turso.api.spi.WindowFunction;
import turso.functions.testing.SqliteOracle;

class JsonLibraryTest {

    private static final Set<String> EXPECTED = Set.of("json/1", "json_array/-1", "json_array_length/1",
            "json_array_length/2", "json_extract/-1", "json_insert/-1", "json_object/-1", "json_patch/2",
            "json_remove/-1", "json_replace/-1", "json_set/-1", "json_type/1", "json_type/2", "json_valid/1",
            "json_quote/1", "json_group_array/1", "json_group_object/2", "->/2", "->>/2",
            // Later than 3.40: JSONB (3.45), json_valid's flags (3.45), json_pretty (3.46).
            "jsonb/1", "jsonb_array/-1", "jsonb_extract/-1", "jsonb_group_array/1", "jsonb_group_object/2",
            "jsonb_insert/-1", "jsonb_object/-1", "jsonb_patch/2", "jsonb_remove/-1", "jsonb_replace/-1",
            "jsonb_set/-1", "json_valid/2", "json_pretty/1", "json_pretty/2");

    @Test
    void registersEveryJsonFunction() {
        JsonLibrary library = new JsonLibrary();
        assertEquals("json", library.name());
        Set<String> ours = new TreeSet<>();
        for (SqlFunction f : library.functions()) {
            assertTrue(ours.add(f.name() + "/" + f.arity()), "duplicate " + f.name());
            assertTrue(f.flags().containsAll(Set.of(FunctionFlag.DETERMINISTIC, FunctionFlag.SUBTYPE,
                    FunctionFlag.RESULT_SUBTYPE)), f.name());
        }
        assertEquals(new TreeSet<>(EXPECTED), ours);
        assertInstanceOf(WindowFunction.class, JsonAggregate.ARRAY);
        assertInstanceOf(WindowFunction.class, JsonAggregate.OBJECT);
    }

    @Test
    void sqliteHasTheSameFunctions() throws Exception {
        Set<String> sqlite = new TreeSet<>();
        try (SqliteOracle oracle = new SqliteOracle(); Statement st = oracle.connection().createStatement();
                ResultSet rs = st.executeQuery("select name, narg, type from pragma_function_list"
                        + " where name like 'json%' or name like '->%'")) {
            while (rs.next()) {
                sqlite.add(rs.getString(1) + "/" + rs.getInt(2));
            }
        }
        assertTrue(sqlite.containsAll(EXPECTED), "missing in SQLite: " + EXPECTED.stream()
                .filter(e -> !sqlite.contains(e)).toList());
    }
}
