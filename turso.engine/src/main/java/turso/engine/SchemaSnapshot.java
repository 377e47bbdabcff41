/*
 * The schema a connection compiles against, with the schema cookie (the
 * database header's counter of schema changes) the main database's was read
 * at. It joins the schemas of all the connection's databases (main, temp,
 * attached ones: Schema.connection); each is read on first use, and until
 * main's is read the cookie is unknown, and a program compiled against it
 * cannot depend on it. The generation counts the changes of the set of
 * databases and of the temp schema, which no cookie of the main file shows:
 * a statement compiled at another generation is compiled again.
 */
package turso.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import turso.planner.Schema;

final class SchemaSnapshot {

    static final long UNKNOWN = -1;

    private final Schema schema;
    private final long generation;
    private volatile long cookie = UNKNOWN;

    /**
     * @param reader reads the main schema and records the cookie it saw on the snapshot it is given
     * @param others the schemas of databases 1.. (temp first), each read on first use
     * @param names the names of databases 1..
     */
    SchemaSnapshot(Function<SchemaSnapshot, Schema> reader, List<Schema> others, List<String> names, long generation) {
        List<Schema> all = new ArrayList<>();
        all.add(Schema.onFirstUse(() -> reader.apply(this)));
        all.addAll(others);
        List<String> allNames = new ArrayList<>();
        allNames.add("main");
        allNames.addAll(names);
        this.schema = Schema.connection(all, allNames);
        this.generation = generation;
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

    long generation() {
        return generation;
    }
}
