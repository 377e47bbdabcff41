/*
 * What SQLite's compile-time options would be for this engine: the defaults
 * and limits it really has, written as SQLite writes them (sorted, without
 * the SQLITE_ prefix, NAME or NAME=VALUE). PRAGMA compile_options lists
 * them, and sqlite_compileoption_used() / sqlite_compileoption_get() answer
 * from the same list; sqlite_source_id() names the SQLite release whose
 * behaviour is matched (SQLITE_VERSION's).
 */
package turso.vm.func;

import java.util.List;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionResult;
import turso.api.spi.SqlFunction;

public final class CompileOptions {
    private CompileOptions() {
    }

    /** The source id of SQLite 3.40.1, the release sqlite_version() reports. */
    public static final String SQLITE_SOURCE_ID =
            "2022-12-28 14:03:47 df5c253c0b3dd24916e4ec7cf77d3db5294cc9fd45ae7b9c5e82ad8197f38a24";

    /**
     * Each is true of this engine: the page, cache, journal and WAL defaults
     * the pager starts with, the limits the parser and functions enforce,
     * the math functions and DELETE/UPDATE ... LIMIT being there, no native
     * extension loading, the temp database always in memory (TEMP_STORE=3),
     * and connections that are safe on any thread but not on two at once.
     */
    private static final List<String> OPTIONS = List.of(
            "COMPILER=javac-25",
            "DEFAULT_CACHE_SIZE=-2000",
            "DEFAULT_FILE_FORMAT=4",
            "DEFAULT_JOURNAL_SIZE_LIMIT=-1",
            "DEFAULT_MMAP_SIZE=0",
            "DEFAULT_PAGE_SIZE=4096",
            "DEFAULT_SYNCHRONOUS=2",
            "DEFAULT_WAL_AUTOCHECKPOINT=1000",
            "DEFAULT_WAL_SYNCHRONOUS=2",
            "DEFAULT_WORKER_THREADS=0",
            "ENABLE_MATH_FUNCTIONS",
            "ENABLE_UPDATE_DELETE_LIMIT",
            "MAX_ATTACHED=10",
            "MAX_COMPOUND_SELECT=500",
            "MAX_EXPR_DEPTH=1000",
            "MAX_FUNCTION_ARG=100",
            "MAX_LENGTH=1000000000",
            "MAX_LIKE_PATTERN_LENGTH=50000",
            "MAX_MMAP_SIZE=0x7fff0000",
            "MAX_PAGE_COUNT=1073741823",
            "MAX_PAGE_SIZE=65536",
            "MAX_TRIGGER_DEPTH=1000",
            "MAX_WORKER_THREADS=8",
            "OMIT_LOAD_EXTENSION",
            "TEMP_STORE=3",
            "THREADSAFE=2");

    /** PRAGMA compile_options, in order. */
    public static List<String> all() {
        return OPTIONS;
    }

    /**
     * Whether {@code name} (an optional SQLITE_ prefix dropped, case
     * ignored) is an option: the whole of one, or its part before "=".
     */
    public static boolean used(String name) {
        String n = name.regionMatches(true, 0, "SQLITE_", 0, 7) ? name.substring(7) : name;
        for (String option : OPTIONS) {
            if (option.regionMatches(true, 0, n, 0, n.length())
                    && (option.length() == n.length() || !isIdChar(option.charAt(n.length())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIdChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
    }

    /** The functions answering from the list, as SQLite defines them (not deterministic, innocuous). */
    static List<SqlFunction> functions() {
        return List.of(
                Scalar.volatileOf("sqlite_compileoption_used", 1, (c, a, r) -> used(a, r)),
                Scalar.volatileOf("sqlite_compileoption_get", 1, (c, a, r) -> get(a, r)),
                Scalar.volatileOf("sqlite_source_id", 0, (c, a, r) -> r.setText(SQLITE_SOURCE_ID)));
    }

    private static void used(FunctionArguments a, FunctionResult r) {
        if (!a.isNull(0)) {
            r.setLong(used(a.getText(0)) ? 1 : 0);
        }
    }

    private static void get(FunctionArguments a, FunctionResult r) {
        long n = (int) a.getLong(0);
        if (n >= 0 && n < OPTIONS.size()) {
            r.setText(OPTIONS.get((int) n));
        }
    }
}
