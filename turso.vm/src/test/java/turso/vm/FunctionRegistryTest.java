package turso.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.Collation;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionContext;
import turso.api.spi.FunctionLibrary;
import turso.api.spi.FunctionResult;
import turso.api.spi.ScalarFunction;
import turso.api.spi.SqlFunction;

class FunctionRegistryTest {

    private record Fn(String name, int arity) implements ScalarFunction {
        @Override
        public void invoke(FunctionContext context, FunctionArguments args, FunctionResult result) {
            result.setNull();
        }
    }

    private record Lib(String name, List<SqlFunction> functions, List<Collation> collations) implements FunctionLibrary {}

    private record Coll(String name) implements Collation {
        @Override
        public int compare(byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength) {
            return 0;
        }
    }

    private final Fn substr2 = new Fn("substr", 2);
    private final Fn substr3 = new Fn("substr", 3);
    private final Fn anyArgs = new Fn("substr", SqlFunction.VARIADIC);
    private final Fn userSubstr2 = new Fn("SUBSTR", 2);
    private final Coll nocase = new Coll("NOCASE");

    private final FunctionRegistry registry = new FunctionRegistry(List.of(
            new Lib("core", List.of(substr2, substr3), List.of(nocase)),
            new Lib("user", List.of(userSubstr2, anyArgs), List.of(new Coll("nocase")))));

    @Test
    void exactArityBeatsVariadicAndTheFirstLibraryWins() {
        assertSame(substr2, registry.resolve("substr", 2));
        assertSame(substr3, registry.resolve("Substr", 3));
        assertSame(anyArgs, registry.resolve("substr", 7));
        assertSame(nocase, registry.collation("nocase"));
        assertEquals(3, registry.all().size());
    }

    /** The messages are the ones sqlite3 prints for `select nosuchfn(1)`, `select abs(1,2)` and `collate nosuch`. */
    @Test
    void missesAreWordedAsSqliteWordsThem() {
        FunctionRegistry core = new FunctionRegistry(List.of(new Lib("core", List.of(new Fn("abs", 1)), List.of())));
        TursoException none = assertThrows(TursoException.class, () -> core.resolve("nosuchfn", 1));
        assertEquals("no such function: nosuchfn", none.getMessage());
        assertEquals(ResultCode.ERROR, none.resultCode());
        assertEquals("wrong number of arguments to function abs()",
                assertThrows(TursoException.class, () -> core.resolve("abs", 2)).getMessage());
        TursoException coll = assertThrows(TursoException.class, () -> core.collation("nosuch"));
        assertEquals("no such collation sequence: nosuch", coll.getMessage());
        assertEquals(ResultCode.ERROR_MISSING_COLLSEQ, coll.resultCode());
        assertTrue(core.find("abs", 2).isEmpty());
        assertTrue(core.exists("ABS"));
    }
}
