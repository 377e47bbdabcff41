/*
 * Every SQL function and collation a connection can call, merged from the
 * FunctionLibrary providers the engine found (built-ins first, then
 * extensions and users' own). The planner resolves calls through it at
 * prepare time; the VM then holds the resolved SqlFunction, so nothing is
 * looked up per row. Resolution follows SQLite: an exact arity beats a
 * variadic definition; the first library to define a (name, arity) wins.
 */
package turso.vm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.Collation;
import turso.api.spi.FunctionLibrary;
import turso.api.spi.SqlFunction;

public final class FunctionRegistry {

    /** Definitions of one name: by exact arity, plus an optional variadic one. */
    private static final class Overloads {
        final Map<Integer, SqlFunction> byArity = new HashMap<>();
        SqlFunction variadic;
    }

    private final Map<String, Overloads> functions = new LinkedHashMap<>();
    private final Map<String, Collation> collations = new LinkedHashMap<>();

    public FunctionRegistry(Collection<? extends FunctionLibrary> libraries) {
        for (FunctionLibrary library : libraries) {
            for (SqlFunction f : library.functions()) {
                Overloads o = functions.computeIfAbsent(key(f.name()), k -> new Overloads());
                if (f.arity() == SqlFunction.VARIADIC) {
                    if (o.variadic == null) {
                        o.variadic = f;
                    }
                } else {
                    o.byArity.putIfAbsent(f.arity(), f);
                }
            }
            for (Collation c : library.collations()) {
                collations.putIfAbsent(key(c.name()), c);
            }
        }
    }

    /** The function called {@code name} taking {@code arity} arguments, if one is defined. */
    public Optional<SqlFunction> find(String name, int arity) {
        Overloads o = functions.get(key(name));
        if (o == null) {
            return Optional.empty();
        }
        SqlFunction f = o.byArity.get(arity);
        return Optional.ofNullable(f != null ? f : o.variadic);
    }

    /**
     * The function for a call {@code name(arity arguments)}, or the error
     * SQLite gives for it: "no such function: X" or "wrong number of
     * arguments to function X()".
     */
    public SqlFunction resolve(String name, int arity) {
        Overloads o = functions.get(key(name));
        if (o == null) {
            throw new TursoException(ResultCode.ERROR, "no such function: " + name);
        }
        return find(name, arity).orElseThrow(() ->
                new TursoException(ResultCode.ERROR, "wrong number of arguments to function " + name + "()"));
    }

    /** Whether any definition of {@code name} exists, whatever its arity. */
    public boolean exists(String name) {
        return functions.containsKey(key(name));
    }

    /** The collation called {@code name}, or SQLite's "no such collation sequence: X". */
    public Collation collation(String name) {
        Collation c = collations.get(key(name));
        if (c == null) {
            throw new TursoException(ResultCode.ERROR_MISSING_COLLSEQ, "no such collation sequence: " + name);
        }
        return c;
    }

    public Optional<Collation> findCollation(String name) {
        return Optional.ofNullable(collations.get(key(name)));
    }

    /** Every defined function, for PRAGMA function_list. */
    public List<SqlFunction> all() {
        List<SqlFunction> all = new ArrayList<>();
        for (Overloads o : functions.values()) {
            all.addAll(o.byArity.values());
            if (o.variadic != null) {
                all.add(o.variadic);
            }
        }
        return all;
    }

    /** Every collation, in the order the libraries defined them, for PRAGMA collation_list. */
    public List<Collation> collations() {
        return List.copyOf(collations.values());
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
