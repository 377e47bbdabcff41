/*
 * The "core" function library: SQLite's core scalar functions
 * (lang_corefunc.html), its aggregates (lang_aggfunc.html) and the BINARY,
 * NOCASE and RTRIM collations, provided through the FunctionLibrary SPI like
 * any extension's. The behaviour matched is that of SQLITE_VERSION.
 */
package turso.vm.func;

import java.util.ArrayList;
import java.util.List;
import turso.api.spi.Collation;
import turso.api.spi.FunctionLibrary;
import turso.api.spi.SqlFunction;
import turso.vm.BuiltinCollation;

public final class CoreLibrary implements FunctionLibrary {
    /** The SQLite version whose behaviour this engine matches, as sqlite_version() reports it. */
    public static final String SQLITE_VERSION = "3.40.1";

    private static final List<SqlFunction> FUNCTIONS;

    static {
        List<SqlFunction> all = new ArrayList<>();
        all.addAll(TextFunctions.all());
        all.addAll(NumericFunctions.all());
        all.addAll(GeneralFunctions.all());
        all.addAll(Aggregates.all());
        all.addAll(CompileOptions.functions());
        FUNCTIONS = List.copyOf(all);
    }

    @Override
    public String name() {
        return "core";
    }

    @Override
    public List<SqlFunction> functions() {
        return FUNCTIONS;
    }

    @Override
    public List<Collation> collations() {
        return List.of(BuiltinCollation.values());
    }

    /**
     * like() with two and three arguments, case-sensitive: what PRAGMA
     * case_sensitive_like = ON switches to. A connection puts this library
     * before the core one in its FunctionRegistry while the pragma is on.
     */
    public static FunctionLibrary caseSensitiveLike() {
        return CASE_SENSITIVE_LIKE;
    }

    private static final FunctionLibrary CASE_SENSITIVE_LIKE = new FunctionLibrary() {
        private final List<SqlFunction> functions = TextFunctions.likeFunctions(true);

        @Override
        public String name() {
            return "case_sensitive_like";
        }

        @Override
        public List<SqlFunction> functions() {
            return functions;
        }
    };
}
