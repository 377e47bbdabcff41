package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.FunctionLibrary;
import turso.api.spi.SqlFunction;
import turso.api.spi.Vfs;
import turso.engine.Extensions;
import turso.tests.fixtures.CountingVfs;
import turso.tests.fixtures.TestFunctions;

/** The tests run on the module path, and the engine finds providers declared only in module-info. */
class ModulePathDiscoveryTest {

    private final Extensions extensions = Extensions.load();

    @Test
    void testsRunInANamedModule() {
        Module module = getClass().getModule();
        assertTrue(module.isNamed(), "tests must run on the module path");
        assertEquals("turso.tests", module.getName());
        assertTrue(Vfs.class.getModule().isNamed(), "turso.api must be a named module");
    }

    @Test
    void fixturesAreDeclaredOnlyInModuleInfo() throws Exception {
        Module module = getClass().getModule();
        for (String service : new String[] {"turso.api.spi.Vfs", "turso.api.spi.FunctionLibrary"}) {
            try (InputStream in = module.getResourceAsStream("META-INF/services/" + service)) {
                assertNull(in, "a META-INF/services file would make this test prove nothing: " + service);
            }
        }
        assertTrue(module.getDescriptor().provides().stream().anyMatch(p -> p.service().equals("turso.api.spi.Vfs")));
    }

    @Test
    void engineFindsTheVfsByName() {
        assertInstanceOf(CountingVfs.class, extensions.vfs().lookup("counting"));
        assertInstanceOf(CountingVfs.class, extensions.vfs().lookup("COUNTING"), "names ignore ASCII case");
    }

    @Test
    void engineFindsTheFunctionLibraryByNameAndItsFunctionsInTheRegistry() {
        FunctionLibrary library = extensions.functionLibraries().lookup("test-functions");
        assertInstanceOf(TestFunctions.class, library);
        SqlFunction reverse = library.functions().getFirst();
        assertEquals("test_reverse", reverse.name());
        assertEquals(1, reverse.arity());
    }

    @Test
    void anUnknownNameListsTheKnownNames() {
        TursoException e = assertThrows(TursoException.class, () -> extensions.vfs().lookup("no-such-vfs"));
        assertEquals(ResultCode.ERROR, e.resultCode());
        assertTrue(e.getMessage().startsWith("no VFS named 'no-such-vfs'; available: "), e.getMessage());
        assertTrue(e.getMessage().contains("counting"), e.getMessage());

        TursoException f = assertThrows(TursoException.class,
                () -> extensions.functionLibraries().lookup("nope"));
        assertTrue(f.getMessage().contains("test-functions"), f.getMessage());
    }
}
