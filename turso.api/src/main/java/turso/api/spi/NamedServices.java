/*
 * Named lookup over ServiceLoader, used for every SPI: providers are found on
 * the module path (module-info `provides`) and on the class path
 * (META-INF/services); the first provider of a name wins, and a miss is an
 * error that lists the names there are. Lucene's NamedSPILoader is the model.
 */
package turso.api.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import turso.api.ResultCode;
import turso.api.TursoException;

public final class NamedServices<S extends NamedProvider> {
    private final String kind;
    private final List<S> providers;
    private final Map<String, S> byName;

    private NamedServices(String kind, List<S> providers) {
        this.kind = kind;
        Map<String, S> map = new LinkedHashMap<>();
        for (S provider : providers) {
            map.putIfAbsent(key(provider.name()), provider);
        }
        this.providers = List.copyOf(providers);
        this.byName = Collections.unmodifiableMap(map);
    }

    /**
     * Loads the providers of {@code service} visible to this module's layer
     * and the context class loader.
     *
     * @param kind what a provider is called in error messages ("VFS", "index method")
     */
    public static <S extends NamedProvider> NamedServices<S> load(Class<S> service, String kind) {
        return collect(service, kind, ServiceLoader.load(service));
    }

    /** Loads the providers of {@code service} found in {@code layer} and its parents. */
    public static <S extends NamedProvider> NamedServices<S> load(Class<S> service, String kind, ModuleLayer layer) {
        return collect(service, kind, ServiceLoader.load(layer, service));
    }

    /** Providers given explicitly, in order of precedence (e.g. a user's own beside the loaded ones). */
    public static <S extends NamedProvider> NamedServices<S> of(String kind, List<? extends S> providers) {
        return new NamedServices<>(kind, new ArrayList<>(providers));
    }

    private static <S extends NamedProvider> NamedServices<S> collect(Class<S> service, String kind, ServiceLoader<S> loader) {
        List<S> found = new ArrayList<>();
        try {
            for (S provider : loader) {
                found.add(provider);
            }
        } catch (ServiceConfigurationError e) {
            throw new TursoException(ResultCode.ERROR,
                    "cannot load " + kind + " provider (" + service.getName() + "): " + e.getMessage(), e);
        }
        return new NamedServices<>(kind, found);
    }

    /** The provider of this name. */
    public Optional<S> find(String name) {
        return Optional.ofNullable(byName.get(key(name)));
    }

    /**
     * The provider of this name; if there is none, an SQLITE_ERROR whose
     * message lists the names that exist.
     */
    public S lookup(String name) {
        S provider = byName.get(key(name));
        if (provider == null) {
            throw new TursoException(ResultCode.ERROR, "no " + kind + " named '" + name + "'; available: "
                    + (byName.isEmpty() ? "none" : String.join(", ", names())));
        }
        return provider;
    }

    /** The names there are, in order of precedence. */
    public Set<String> names() {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (S provider : byName.values()) {
            names.add(provider.name());
        }
        return Collections.unmodifiableSet(names);
    }

    /** Every provider found, in order of precedence, including ones shadowed by an earlier provider of the same name. */
    public List<S> all() {
        return providers;
    }

    /** The first provider, if there is any. */
    public Optional<S> first() {
        return providers.isEmpty() ? Optional.empty() : Optional.of(providers.getFirst());
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
