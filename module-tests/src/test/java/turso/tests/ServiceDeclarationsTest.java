package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every provider a module of the engine declares in module-info is also
 * listed in its META-INF/services, and the other way round, so that the jars
 * work the same on the class path as on the module path.
 */
class ServiceDeclarationsTest {

    /** Declares its fixtures in module-info only, on purpose (see ModulePathDiscoveryTest). */
    private static final String SELF = "turso.tests";

    @Test
    void moduleInfoAndMetaInfServicesAgree() throws IOException {
        List<ModuleReference> modules = projectModules();
        assertTrue(modules.stream().anyMatch(m -> m.descriptor().name().equals("turso.engine")),
                "the engine must be on the module path of this test");
        for (ModuleReference module : modules) {
            ModuleDescriptor descriptor = module.descriptor();
            try (ModuleReader reader = module.open()) {
                Set<String> services = new TreeSet<>();
                descriptor.provides().forEach(p -> services.add(p.service()));
                reader.list().filter(n -> n.startsWith("META-INF/services/") && !n.endsWith("/"))
                        .forEach(n -> services.add(n.substring("META-INF/services/".length())));
                for (String service : services) {
                    List<String> declared = descriptor.provides().stream()
                            .filter(p -> p.service().equals(service))
                            .flatMap(p -> p.providers().stream()).sorted().toList();
                    assertEquals(declared, listed(reader, service),
                            descriptor.name() + ": module-info and META-INF/services/" + service + " differ");
                }
            }
        }
    }

    private static List<String> listed(ModuleReader reader, String service) throws IOException {
        Optional<InputStream> in = reader.open("META-INF/services/" + service);
        if (in.isEmpty()) {
            return List.of();
        }
        try (InputStream stream = in.get()) {
            List<String> names = new ArrayList<>();
            for (String line : new String(stream.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.replaceAll("#.*", "").strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            names.sort(null);
            return names;
        }
    }

    /** The project's modules on this test's module path (jars or class folders), this one excepted. */
    private static List<ModuleReference> projectModules() {
        Path[] entries = Arrays.stream(System.getProperty("jdk.module.path", "").split(java.io.File.pathSeparator))
                .filter(s -> !s.isEmpty()).map(Path::of).toArray(Path[]::new);
        return ModuleFinder.of(entries).findAll().stream()
                .filter(m -> m.descriptor().name().startsWith("turso.") && !m.descriptor().name().equals(SELF))
                .toList();
    }
}
