/*
 * Named in-memory databases shared by the connections that open them with
 * cache=shared (file:name?mode=memory&cache=shared), as SQLite shares them:
 * the database lives while at least one connection holds it.
 */
package turso.jdbc;

import java.util.HashMap;
import java.util.Map;
import turso.api.Database;
import turso.api.OpenOptions;

final class SharedMemory {

    private static final Map<String, Entry> DATABASES = new HashMap<>();

    private static final class Entry {
        final Database database;
        int holders;

        Entry(Database database) {
            this.database = database;
        }
    }

    /** One connection's hold on a shared database; release() once. */
    record Lease(String name, Database database) {
        void release() {
            SharedMemory.release(name);
        }
    }

    private SharedMemory() {
    }

    static synchronized Lease acquire(String name, OpenOptions options) {
        Entry e = DATABASES.get(name);
        if (e == null) {
            e = new Entry(Database.open(Database.MEMORY, options));
            DATABASES.put(name, e);
        }
        e.holders++;
        return new Lease(name, e.database);
    }

    private static synchronized void release(String name) {
        Entry e = DATABASES.get(name);
        if (e != null && --e.holders == 0) {
            DATABASES.remove(name);
            e.database.close();
        }
    }
}
