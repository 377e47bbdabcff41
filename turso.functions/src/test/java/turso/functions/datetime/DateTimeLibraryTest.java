/*
 * The library as the engine sees it: its name, the functions with their
 * arities and flags, and the provider declarations (module-info and
 * META-INF/services) that let ServiceLoader find it.
 */
package turso.functions.datetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import turso.api.spi.FunctionFlag;
import turso.api.spi.FunctionLibrary;
import turso.api.spi.ScalarFunction;
import turso.api.spi.SqlFunction;

class DateTimeLibraryTest {

    @Test
    void offersSqlite340sDateAndTimeFunctions() {
        FunctionLibrary library = new DateTimeLibrary();
        assertEquals("datetime", library.name());
        Map<String, SqlFunction> byName = new TreeMap<>();
        for (SqlFunction f : library.functions()) {
            assertTrue(f instanceof ScalarFunction, f.name());
            byName.put(f.name(), f);
        }
        assertEquals(Set.of("date", "time", "datetime", "julianday", "unixepoch", "strftime",
                "current_date", "current_time", "current_timestamp", "timediff"), byName.keySet());
        for (String name : new String[] {"date", "time", "datetime", "julianday", "unixepoch", "strftime"}) {
            assertEquals(SqlFunction.VARIADIC, byName.get(name).arity(), name);
            assertEquals(Set.of(FunctionFlag.DETERMINISTIC), byName.get(name).flags(), name);
        }
        for (String name : new String[] {"current_date", "current_time", "current_timestamp"}) {
            assertEquals(0, byName.get(name).arity(), name);
            assertFalse(byName.get(name).flags().contains(FunctionFlag.DETERMINISTIC), name);
        }
        assertEquals(2, byName.get("timediff").arity(), "timediff (SQLite 3.43+) takes two time values");
        assertEquals(Set.of(FunctionFlag.DETERMINISTIC), byName.get("timediff").flags());
    }

    @Test
    void isDeclaredAsAFunctionLibraryProvider() throws Exception {
        ModuleDescriptor descriptor = DateTimeLibrary.class.getModule().getDescriptor();
        if (descriptor != null) {
            assertTrue(descriptor.provides().stream().anyMatch(p -> p.service().equals(FunctionLibrary.class.getName())
                    && p.providers().contains(DateTimeLibrary.class.getName())), descriptor.toString());
            assertTrue(descriptor.exports().isEmpty(), "no package is exported");
        }
        try (InputStream in = DateTimeLibrary.class.getResourceAsStream(
                "/META-INF/services/" + FunctionLibrary.class.getName())) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.lines().map(String::strip).anyMatch(DateTimeLibrary.class.getName()::equals), text);
        }
    }
}
