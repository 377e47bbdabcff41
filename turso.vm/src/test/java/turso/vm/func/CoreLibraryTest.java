/*
 * The core library as the engine will find it: through ServiceLoader (module
 * path provides clause), merged into a FunctionRegistry that resolves names
 * and arities with SQLite's error messages, with the three built-in collations.
 */
package turso.vm.func;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.AggregateFunction;
import turso.api.spi.FunctionLibrary;
import turso.api.spi.NamedServices;
import turso.api.spi.ScalarFunction;
import turso.api.spi.WindowFunction;
import turso.vm.BuiltinCollation;
import turso.vm.FunctionRegistry;
import turso.vm.Oracle;

class CoreLibraryTest {
    @Test
    void foundThroughServiceLoader() {
        NamedServices<FunctionLibrary> libraries = NamedServices.load(FunctionLibrary.class, "function library");
        FunctionLibrary core = libraries.lookup("core");
        assertInstanceOf(CoreLibrary.class, core);
        FunctionRegistry registry = new FunctionRegistry(List.of(core));
        assertInstanceOf(ScalarFunction.class, registry.resolve("SUBSTR", 3));
        assertInstanceOf(AggregateFunction.class, registry.resolve("max", 1));
        assertInstanceOf(ScalarFunction.class, registry.resolve("max", 3));
        assertInstanceOf(WindowFunction.class, registry.resolve("group_concat", 2));
        assertEquals(BuiltinCollation.NOCASE, registry.collation("nocase"));
        assertEquals(BuiltinCollation.RTRIM, registry.collation("RTRIM"));
    }

    @Test
    void resolutionErrorsAreWordedAsSqlite() {
        FunctionRegistry registry = Calls.REGISTRY;
        try (Oracle oracle = new Oracle()) {
            TursoException e = assertThrows(TursoException.class, () -> registry.resolve("nosuch", 1));
            assertEquals(oracle.error("nosuch(1)"), e.getMessage());
            e = assertThrows(TursoException.class, () -> registry.resolve("substr", 1));
            assertEquals(oracle.error("substr(1)"), e.getMessage());
            e = assertThrows(TursoException.class, () -> registry.resolve("abs", 2));
            assertEquals(oracle.error("abs(1, 2)"), e.getMessage());
            e = assertThrows(TursoException.class, () -> registry.collation("french"));
            assertEquals(ResultCode.ERROR_MISSING_COLLSEQ, e.resultCode());
            assertEquals(oracle.error("'a' = 'b' COLLATE french"), e.getMessage());
        }
    }

    @Test
    void everyFunctionOfSqlite340IsDefined() {
        // the names PRAGMA function_list gives in 3.40, less those of other libraries (json, date and time, math)
        // and of the shell or of compile options (load_extension, sqlite_compileoption_*, soundex...)
        List<String> names = List.of("abs", "changes", "char", "coalesce", "format", "glob", "hex", "ifnull", "iif",
                "instr", "last_insert_rowid", "length", "like", "likelihood", "likely", "lower", "ltrim", "max", "min",
                "nullif", "printf", "quote", "random", "randomblob", "replace", "round", "rtrim", "sign", "substr",
                "substring", "total_changes", "trim", "typeof", "unicode", "unlikely", "upper", "zeroblob",
                "sqlite_version", "avg", "count", "group_concat", "sum", "total");
        for (String n : names) {
            assertTrue(Calls.REGISTRY.exists(n), n);
        }
    }
}
