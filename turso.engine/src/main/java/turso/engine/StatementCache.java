/*
 * A connection's compiled statements by SQL text: prepare() of a text seen
 * before skips parsing and planning. Bounded, least recently used first
 * out. An entry compiled against an older schema snapshot than the
 * connection's is dropped when looked up, and the whole cache is emptied
 * when the connection reloads its schema.
 */
package turso.engine;

import java.util.LinkedHashMap;
import java.util.Map;

final class StatementCache {

    private final int capacity;
    private final LinkedHashMap<String, CompiledStatement> entries;

    StatementCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompiledStatement> eldest) {
                return size() > StatementCache.this.capacity;
            }
        };
    }

    /** The statement compiled from {@code sql} against {@code current}, or null. */
    CompiledStatement get(String sql, SchemaSnapshot current) {
        CompiledStatement c = entries.get(sql);
        if (c != null && c.snapshot() != current) {
            entries.remove(sql);
            return null;
        }
        return c;
    }

    void put(CompiledStatement compiled) {
        if (capacity > 0 && compiled.cacheable()) {
            entries.put(compiled.source(), compiled);
        }
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
