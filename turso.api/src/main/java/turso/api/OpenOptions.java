/*
 * How a database is opened: read-only or not, whether to create it, which VFS
 * (by name; null picks the first available), and PRAGMAs applied right after
 * open (journal_mode, synchronous, cache_size, foreign_keys...). Immutable;
 * the with* methods return changed copies.
 */
package turso.api;

import java.util.LinkedHashMap;
import java.util.Map;

public record OpenOptions(boolean readOnly, boolean create, String vfs, Map<String, String> pragmas) {

    public OpenOptions {
        pragmas = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pragmas));
    }

    /** Read-write, created if missing, default VFS, no PRAGMAs. */
    public static OpenOptions defaults() {
        return new OpenOptions(false, true, null, Map.of());
    }

    public OpenOptions withReadOnly(boolean readOnly) {
        return new OpenOptions(readOnly, create && !readOnly, vfs, pragmas);
    }

    public OpenOptions withCreate(boolean create) {
        return new OpenOptions(readOnly, create, vfs, pragmas);
    }

    public OpenOptions withVfs(String vfs) {
        return new OpenOptions(readOnly, create, vfs, pragmas);
    }

    /** Adds {@code PRAGMA name = value}, applied in the order given. */
    public OpenOptions withPragma(String name, String value) {
        Map<String, String> m = new LinkedHashMap<>(pragmas);
        m.put(name, value);
        return new OpenOptions(readOnly, create, vfs, m);
    }
}
