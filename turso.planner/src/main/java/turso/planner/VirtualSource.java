/*
 * A virtual table connected for this schema: the module's table object,
 * its columns as the planner sees them (from the module's declaration, as
 * sqlite3_declare_vtab reads it) and which of them are HIDDEN (left out of
 * *, and for a table-valued function the parameters its arguments fill,
 * in order).
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.VirtualTable;
import turso.parser.SqlParser;
import turso.parser.ast.Stmt;
import turso.vm.Affinity;

record VirtualSource(Table table, VirtualTable vtab, List<Integer> hidden) {

    VirtualSource {
        hidden = List.copyOf(hidden);
    }

    /**
     * Why the B-tree writers refuse the table (should one be reached): it is
     * written only through its module, by the INSERT, UPDATE and DELETE
     * statements VirtualTableCompiler compiles.
     */
    static final String WRITTEN_BY_MODULE = "no B-tree (a virtual table, written only through its module)";

    boolean isHidden(int column) {
        return hidden.contains(column);
    }

    /** The table called {@code name} that {@code vtab} declares its columns for. */
    static VirtualSource of(String name, VirtualTable vtab) {
        String declaration = vtab.declaration();
        Stmt parsed;
        try {
            parsed = SqlParser.parseOne(declaration);
        } catch (TursoException e) {
            throw new TursoException(ResultCode.ERROR, "vtable constructor failed: " + name);
        }
        if (!(parsed instanceof Stmt.CreateTable create) || create.asSelect() != null) {
            throw new TursoException(ResultCode.ERROR, "vtable constructor failed: " + name);
        }
        Table declared = TableDefinition.read(create, declaration, Table.VIRTUAL);
        List<Column> columns = new ArrayList<>();
        List<Integer> hidden = new ArrayList<>();
        for (Column c : declared.columns()) {
            List<String> words = new ArrayList<>(List.of(c.declaredType().trim().split("\\s+")));
            if (words.removeIf(w -> w.toLowerCase(Locale.ROOT).equals("hidden"))) {
                hidden.add(columns.size());
            }
            String type = String.join(" ", words).trim();
            columns.add(new Column(c.name(), type, Affinity.ofDeclaredType(type), c.collation(), c.notNull(),
                    c.defaultValue()));
        }
        return new VirtualSource(new Table(name, Table.VIRTUAL, columns, -1, WRITTEN_BY_MODULE), vtab, hidden);
    }
}
