package turso.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.ResultCode;
import turso.api.TursoException;

class NamedServicesTest {

    private record Named(String name) implements NamedProvider {}

    @Test
    void firstProviderOfANameWins() {
        Named first = new Named("nio");
        Named shadowed = new Named("NIO");
        NamedServices<Named> services = NamedServices.of("VFS", List.of(first, new Named("memory"), shadowed));
        assertSame(first, services.lookup("nio"));
        assertSame(first, services.lookup("Nio"));
        assertEquals(List.of("nio", "memory"), List.copyOf(services.names()));
        assertEquals(3, services.all().size(), "shadowed providers stay listed in all()");
    }

    @Test
    void aMissNamesWhatExists() {
        NamedServices<Named> services = NamedServices.of("VFS", List.of(new Named("nio"), new Named("memory")));
        TursoException e = assertThrows(TursoException.class, () -> services.lookup("io_uring"));
        assertEquals(ResultCode.ERROR, e.resultCode());
        assertEquals("no VFS named 'io_uring'; available: nio, memory", e.getMessage());
        assertTrue(services.find("io_uring").isEmpty());
    }

    @Test
    void aMissWithNoProvidersSaysSo() {
        NamedServices<Named> none = NamedServices.of("index method", List.of());
        assertEquals("no index method named 'vector'; available: none",
                assertThrows(TursoException.class, () -> none.lookup("vector")).getMessage());
        assertTrue(none.first().isEmpty());
    }
}
