/*
 * The schema a connection compiles against, with the schema cookie (the
 * database header's counter of schema changes) it was read at. The schema
 * is read on first use; until then the cookie is unknown, and a program
 * compiled against it cannot depend on it.
 */
package turso.engine;

import java.util.function.Function;
import turso.planner.Schema;

final class SchemaSnapshot {

    static final long UNKNOWN = -1;

    private final Schema schema;
    private volatile long cookie = UNKNOWN;

    /** @param reader reads the schema and records the cookie it saw on the snapshot it is given */
    SchemaSnapshot(Function<SchemaSnapshot, Schema> reader) {
        this.schema = Schema.onFirstUse(() -> reader.apply(this));
    }

    Schema schema() {
        return schema;
    }

    long cookie() {
        return cookie;
    }

    void setCookie(long cookie) {
        this.cookie = cookie;
    }
}
