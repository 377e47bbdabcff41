/*
 * PRAGMA table_list (SQLite 3.37+): schema, name, type, ncol, wr, strict of
 * every table and view of each database (main, temp, then the attached
 * ones), or of the one named, each database ending with its own schema
 * table. Read from sqlite_schema's CREATE text when the statement runs: a
 * view's column count is that of its compiled result, a virtual table's
 * that of its module's declaration (hidden columns included, as SQLite
 * counts them). Within a database, objects come newest first, as SQLite's
 * schema hash lists a small schema.
 */
package turso.engine;

import java.util.ArrayList;
import java.util.List;
import turso.api.Statement;
import turso.api.TursoException;
import turso.btree.Storage;
import turso.parser.ast.Stmt;
import turso.vm.PragmaCall;

final class TableListPragma {
    private TableListPragma() {
    }

    static List<Object[]> rows(EngineConnection connection, PragmaCall call) {
        List<Object[]> rows = new ArrayList<>();
        List<Integer> databases = new ArrayList<>();
        if (call.db() >= 0) {
            databases.add(call.db());
        } else {
            databases.add(0);
            databases.add(1);
            for (Object[] row : connection.databaseList()) {
                int db = (int) (long) (Long) row[0];
                if (db >= 2) {
                    databases.add(db);
                }
            }
        }
        for (int db : databases) {
            list(connection, db, call.argument(), rows);
        }
        return rows;
    }

    private static void list(EngineConnection connection, int db, String only, List<Object[]> rows) {
        String schemaName = connection.databaseName(db);
        if (db != 1 || connection.hasTemp()) {
            Storage storage = db == 0 ? connection.storage() : connection.storage(db, false);
            SchemaRows schema = SchemaRows.read(storage);
            List<SchemaRows.Entry> entries = new ArrayList<>(schema.entries());
            for (SchemaRows.Entry e : entries.reversed()) {
                if (!"table".equals(e.type()) && !"view".equals(e.type())
                        || only != null && !only.equalsIgnoreCase(e.name())) {
                    continue;
                }
                rows.add(row(connection, schemaName, schema, e));
            }
        }
        String internal = db == 1 ? "sqlite_temp_master" : "sqlite_master";
        if (only == null || only.equalsIgnoreCase(internal)) {
            rows.add(new Object[] {schemaName, db == 1 ? "sqlite_temp_schema" : "sqlite_schema", "table", 5L, 0L, 0L});
        }
    }

    private static Object[] row(EngineConnection connection, String schemaName, SchemaRows schema,
            SchemaRows.Entry e) {
        if ("view".equals(e.type())) {
            return new Object[] {schemaName, e.name(), "view", viewColumns(connection, schemaName, e.name()), 0L, 0L};
        }
        Stmt parsed = e.parse();
        if (parsed instanceof Stmt.CreateTable create) {
            PragmaLists.TableShape shape = PragmaLists.shape(create, e.sql());
            return new Object[] {schemaName, e.name(), shape.type(), shape.columns(), shape.withoutRowid() ? 1L : 0L,
                    shape.strict() ? 1L : 0L};
        }
        long columns = SchemaPragmas.tableInfo(schema, e.name(), true, connection::virtualTableDeclaration).size();
        return new Object[] {schemaName, e.name(), "virtual", columns, 0L, 0L};
    }

    /** A view's result columns, or 0 when it cannot be compiled (a table it reads was dropped). */
    private static long viewColumns(EngineConnection connection, String schemaName, String view) {
        try (Statement select = connection.prepare("SELECT * FROM \"" + schemaName.replace("\"", "\"\"") + "\".\""
                + view.replace("\"", "\"\"") + "\"")) {
            return select.columnCount();
        } catch (TursoException e) {
            return 0;
        }
    }
}
