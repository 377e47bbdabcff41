/*
 * A virtual table module (SQLite's sqlite3_module): what `CREATE VIRTUAL TABLE
 * t USING name(args)` instantiates. generate_series, json_each/json_tree, the
 * pragma_* table-valued functions, CSV and FTS5 are modules. An eponymous
 * module is usable as a table-valued function without CREATE.
 */
package turso.api.spi;

import java.util.List;

public interface VirtualTableModule extends NamedProvider {

    /**
     * CREATE VIRTUAL TABLE: makes a new table, with any storage it needs.
     *
     * @param args the module arguments as written, each one's raw text
     */
    VirtualTable create(VirtualTableContext context, List<String> args);

    /** Reconnects to a table created earlier (when the schema is loaded). */
    default VirtualTable connect(VirtualTableContext context, List<String> args) {
        return create(context, args);
    }

    /** Usable as {@code SELECT ... FROM name(args)} without CREATE VIRTUAL TABLE. */
    default boolean isEponymous() {
        return false;
    }
}
