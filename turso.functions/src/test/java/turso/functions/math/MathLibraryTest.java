/*
 * The "math" library registers the functions of lang_mathfunc.html with
 * their arities, the same set sqlite-jdbc's pragma_function_list reports.
 */
package turso.functions.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import turso.api.spi.SqlFunction;
import turso.functions.testing.SqliteOracle;

class MathLibraryTest {

    @Test
    void registersTheSameFunctionsAsSqlite() throws Exception {
        MathLibrary library = new MathLibrary();
        assertEquals("math", library.name());
        Set<String> ours = new TreeSet<>();
        for (SqlFunction f : library.functions()) {
            assertTrue(ours.add(f.name() + "/" + f.arity()), "duplicate " + f.name());
        }
        Set<String> sqlite = new TreeSet<>();
        Set<String> names = Set.of("acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "ceiling",
                "cos", "cosh", "degrees", "exp", "floor", "ln", "log", "log10", "log2", "mod", "pi", "pow", "power",
                "radians", "sin", "sinh", "sqrt", "tan", "tanh", "trunc");
        try (SqliteOracle oracle = new SqliteOracle(); Statement st = oracle.connection().createStatement();
                ResultSet rs = st.executeQuery("select name, narg from pragma_function_list")) {
            while (rs.next()) {
                if (names.contains(rs.getString(1))) {
                    sqlite.add(rs.getString(1) + "/" + rs.getInt(2));
                }
            }
        }
        assertEquals(sqlite, ours);
    }
}
