/*
 * Foreign key enforcement for a statement that writes a table (with PRAGMA
 * foreign_keys on), as foreignkeys.html describes and in SQLite's order.
 * Violations are counted, not failed at once: Op.FK_COUNTER adds to the
 * statement's count (immediate keys, checked when the statement ends) or the
 * connection's (deferred keys, checked at COMMIT), so that a statement or a
 * transaction may break a key for a while and mend it before it ends.
 *
 * For each row: as a child, its old key, if its parent is missing, mended
 * a violation (-1), and its new key, if its parent is missing, makes one
 * (+1); as a parent, each child row of its old key is one more violation,
 * each child row of its new key one fewer. After the row is written, the
 * ON DELETE / ON UPDATE actions run (ForeignKeyActions), whose own writes
 * mend what the parent's change broke. Lookups are small queries compiled
 * as trigger statements are (Op.COUNT_ROWS runs them with the OLD and NEW
 * rows as parameters), so they use the parent's and child's indexes where
 * there are any; a NULL in any child key column means no check.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import turso.parser.SqlParser;
import turso.parser.ast.Stmt;
import turso.vm.Affinity;
import turso.vm.CompareOp;
import turso.vm.Comparison;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;
import turso.vm.SubProgram;

final class ForeignKeyChecks {
    /** A foreign key with its parent key worked out. */
    private record Resolved(ForeignKeys.Key key, ForeignKeys.ParentKey parentKey) {
    }

    private final ProgramBuilder b;
    private final FunctionRegistry functions;
    private final Schema schema;
    private final Table table;
    private final Stmt.TriggerEvent event;
    /** The keys of which the table is the child that this statement checks. */
    private final List<Resolved> children;
    /** The keys of which the table is the parent that this statement checks. */
    private final List<Resolved> parents;
    /** The schema the actions are compiled with: the table's OLD and NEW rows are their parameters. */
    private final Schema inner;
    /** The schema of the lookups: the same, with OLD and NEW values of their columns' affinities. */
    private final Schema typed;
    private final Map<Object, SubProgram> compiled;
    /** OLD's rowid and columns, then NEW's: the parameters of the lookups and actions. */
    private final int rows;
    private final int count;
    /** The lookups compiled so far, by their SQL text. */
    private final Map<String, Program> queries = new java.util.HashMap<>();

    private ForeignKeyChecks(ProgramBuilder b, FunctionRegistry functions, Schema schema, Table table,
            Stmt.TriggerEvent event, List<Resolved> children, List<Resolved> parents) {
        this.b = b;
        this.functions = functions;
        this.schema = schema;
        this.table = table;
        this.event = event;
        this.children = children;
        this.parents = parents;
        TriggerScope firing = schema.firing();
        this.compiled = firing == null ? new java.util.HashMap<>() : firing.compiled();
        Set<String> active = firing == null ? Set.of() : firing.active();
        this.inner = schema.firing(new TriggerScope(table, Stmt.TriggerEvent.UPDATE, active, compiled));
        this.typed = schema.firing(new TriggerScope(table, Stmt.TriggerEvent.UPDATE, active, compiled, true));
        this.rows = b.newRegisters(2 * (table.columns().size() + 1));
        this.count = b.newRegister();
    }

    /**
     * The checks a statement writing {@code table} makes on {@code event},
     * or null if there are none (foreign keys off, or none concern the
     * table). {@code changed}: the lower-cased columns an UPDATE sets.
     * {@code multiRow}: an INSERT may write more than one row (or fire
     * triggers), so that inserting a parent row may mend an immediate
     * violation of the same statement. Fails as SQLite does when a parent
     * table or key the statement needs is missing.
     */
    static ForeignKeyChecks forStatement(ProgramBuilder b, FunctionRegistry functions, Schema schema, Table table,
            Stmt.TriggerEvent event, Set<String> changed, boolean multiRow) {
        if (!schema.enforcesForeignKeys()) {
            return null;
        }
        ForeignKeys all = schema.foreignKeys();
        List<Resolved> children = new ArrayList<>();
        for (ForeignKeys.Key key : all.of(table.name())) {
            if (event == Stmt.TriggerEvent.UPDATE && !key.selfReferencing()
                    && !anyChanged(table, key.childColumns(), changed)) {
                continue;
            }
            children.add(new Resolved(key, ForeignKeys.parentKey(schema, key)));
        }
        List<Resolved> parents = new ArrayList<>();
        for (ForeignKeys.Key key : all.referencing(table.name())) {
            if (event == Stmt.TriggerEvent.UPDATE
                    && !anyChanged(table, key.parentColumns().isEmpty() ? primaryKey(table) : key.parentColumns(),
                            changed)) {
                continue;
            }
            if (event == Stmt.TriggerEvent.INSERT && !key.deferred() && !schema.defersForeignKeys()
                    && schema.firing() == null && !multiRow) {
                continue;
            }
            parents.add(new Resolved(key, ForeignKeys.parentKey(schema, key)));
        }
        if (children.isEmpty() && parents.isEmpty()) {
            return null;
        }
        return new ForeignKeyChecks(b, functions, schema, table, event, children, parents);
    }

    /** The columns of {@code table}'s PRIMARY KEY (none if it has none). */
    private static List<String> primaryKey(Table table) {
        if (table.rowidAlias() >= 0) {
            return List.of(table.columns().get(table.rowidAlias()).name());
        }
        return table.indexes().stream().filter(i -> "pk".equals(i.origin())).findFirst()
                .map(i -> i.parts().stream().map(p -> table.columnLabel(p.column())).toList()).orElse(List.of());
    }

    private static boolean anyChanged(Table table, List<String> columns, Set<String> changed) {
        for (String column : columns) {
            if (changed.contains(column.toLowerCase(Locale.ROOT))) {
                return true;
            }
            int index = table.columnIndex(column);
            if (index >= 0 && index == table.rowidAlias()
                    && (changed.contains("rowid") || changed.contains("oid") || changed.contains("_rowid_"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Copies the row being written into the parameters: OLD from
     * {@code oldRowid} and {@code oldValues}, NEW from the others (-1: that
     * row does not exist, its values are NULL).
     */
    void load(int oldRowid, int oldValues, int newRowid, int newValues) {
        TriggerCompiler.copyRow(b, table, oldRowid, oldValues, rows);
        TriggerCompiler.copyRow(b, table, newRowid, newValues, rows + table.columns().size() + 1);
    }

    /** Loads the row {@code cursor} stands on as OLD (a row REPLACE is about to delete), with no NEW. */
    void loadCurrentRow(int cursor) {
        int width = table.columns().size();
        b.emit(Op.ROWID, cursor, rows, 0);
        for (int j = 0; j < width; j++) {
            if (j == table.rowidAlias()) {
                b.emit(Op.NULL, 0, rows + 1 + j, 0);
            } else {
                GeneratedColumns.readColumn(b, functions, table, cursor, j, rows + 1 + j);
            }
        }
        b.emit(Op.NULL, 0, rows + width + 1, rows + 2 * width + 1);
    }

    /** The register holding column {@code name} of OLD ({@code old}) or NEW in the parameters. */
    private int register(boolean old, String name) {
        int base = old ? rows : rows + table.columns().size() + 1;
        int index = table.columnIndex(name);
        return index < 0 || index == table.rowidAlias() ? base : base + 1 + index;
    }

    /** The checks of the OLD row, before it is deleted or changed. */
    void checkOld() {
        for (Resolved r : children) {
            lookupParent(r, true, -1);
        }
        for (Resolved r : parents) {
            scanChildren(r, true, +1);
        }
    }

    /** The checks of the NEW row, before it is written. */
    void checkNew() {
        for (Resolved r : children) {
            lookupParent(r, false, +1);
        }
        for (Resolved r : parents) {
            scanChildren(r, false, -1);
        }
    }

    /** The ON DELETE or ON UPDATE actions of the keys referencing the table, after the row is written. */
    void actions() {
        for (Resolved r : parents) {
            ForeignKeyActions.Action action = action(r.key());
            if (action != null) {
                int next = b.newLabel();
                b.emit(Op.PROGRAM, rows, next, 2 * (table.columns().size() + 1),
                        ForeignKeyActions.program(r.key(), r.parentKey(), action, inner, functions, compiled), 0);
                b.comment("foreign key action on " + r.key().child());
                b.resolve(next);
            }
        }
    }

    /** The action this statement runs for {@code key}, or null (NO ACTION, an INSERT, RESTRICT deferred by the pragma). */
    private ForeignKeyActions.Action action(ForeignKeys.Key key) {
        return switch (event) {
            case DELETE -> ForeignKeyActions.Action.of(key.onDelete(), false, schema.defersForeignKeys());
            case UPDATE -> ForeignKeyActions.Action.of(key.onUpdate(), true, schema.defersForeignKeys());
            default -> null;
        };
    }

    /**
     * A child row's key (OLD or NEW) against its parent: when no parent row
     * has it, {@code incr} is added to the count. A row of a
     * self-referencing table that is its own parent counts as found.
     */
    private void lookupParent(Resolved r, boolean old, int incr) {
        ForeignKeys.Key key = r.key();
        int skip = b.newLabel();
        for (String column : key.childColumns()) {
            b.emit(Op.IS_NULL, register(old, column), skip, 0);
        }
        int deferred = key.deferred() ? 1 : 0;
        if (incr < 0) {
            b.emit(Op.FK_IF_ZERO, deferred, skip, 0);
        }
        if (incr > 0 && key.selfReferencing()) {
            selfMatch(r, skip);
        }
        StringBuilder sql = new StringBuilder("SELECT 1 FROM ").append(ForeignKeys.quote(r.parentKey().table().name()))
                .append(" WHERE ");
        for (int k = 0; k < key.childColumns().size(); k++) {
            sql.append(k == 0 ? "" : " AND ").append(ForeignKeys.quote(r.parentKey().columns().get(k))).append(" = +")
                    .append(old ? "old." : "new.").append(ForeignKeys.quote(key.childColumns().get(k)));
        }
        if (!old && key.selfReferencing() && event == Stmt.TriggerEvent.UPDATE) {
            sql.append(WithoutRowid.notOldRow(table));
        }
        b.emit(Op.COUNT_ROWS, rows, count, 2 * (table.columns().size() + 1), query(sql.toString()), 1);
        b.emit(Op.IF, count, skip, 0);
        b.emit(Op.FK_COUNTER, deferred, incr, 0);
        b.resolve(skip);
    }

    /**
     * Jumps to {@code found} when the NEW row of a self-referencing table
     * is its own parent: each child value, with the parent column's
     * affinity, equals the parent value.
     */
    private void selfMatch(Resolved r, int found) {
        int differs = b.newLabel();
        int value = b.newRegister();
        int same = b.newRegister();
        Comparison equal = new Comparison(CompareOp.EQ, Affinity.NONE, functions.collation("BINARY"));
        for (int k = 0; k < r.key().childColumns().size(); k++) {
            String parentColumn = r.parentKey().columns().get(k);
            int index = table.columnIndex(parentColumn);
            Affinity affinity = index == table.rowidAlias() ? Affinity.INTEGER : table.columns().get(index).affinity();
            b.emit(Op.COPY, register(false, r.key().childColumns().get(k)), value, 0);
            b.emit(Op.AFFINITY, value, 1, 0, new Affinity[] {affinity}, 0);
            b.emit(Op.COMPARE, value, register(false, parentColumn), same, equal, 0);
            b.emit(Op.IF_NOT, same, differs, 1);
        }
        b.emit(Op.GOTO, 0, found, 0);
        b.resolve(differs);
    }

    /**
     * The child rows of a parent row's key (OLD or NEW): their number, times
     * {@code incr}, is added to the count. The row itself is not its own
     * child here (it is deleted, or about to change).
     */
    private void scanChildren(Resolved r, boolean old, int incr) {
        ForeignKeys.Key key = r.key();
        int skip = b.newLabel();
        int deferred = key.deferred() ? 1 : 0;
        if (incr < 0) {
            b.emit(Op.FK_IF_ZERO, deferred, skip, 0);
        }
        Table parent = r.parentKey().table();
        StringBuilder sql = new StringBuilder("SELECT 1 FROM ").append(ForeignKeys.quote(key.child())).append(" WHERE ");
        for (int k = 0; k < key.childColumns().size(); k++) {
            String parentColumn = r.parentKey().columns().get(k);
            int index = parent.columnIndex(parentColumn);
            sql.append(k == 0 ? "" : " AND ").append(old ? "old." : "new.").append(ForeignKeys.quote(parentColumn));
            if (index != parent.rowidAlias()) {
                sql.append(" COLLATE ").append(parent.columns().get(index).collation());
            }
            sql.append(" = ").append(ForeignKeys.quote(key.childColumns().get(k)));
        }
        if (key.selfReferencing() && (old || event == Stmt.TriggerEvent.UPDATE)) {
            sql.append(WithoutRowid.notOldRow(table));
        }
        b.emit(Op.COUNT_ROWS, rows, count, 2 * (table.columns().size() + 1), query(sql.toString()), 0);
        b.emit(Op.FK_COUNTER, deferred, incr, count);
        b.resolve(skip);
    }

    /** The lookup {@code sql}, compiled once per statement. */
    private Program query(String sql) {
        return queries.computeIfAbsent(sql, text -> {
            Stmt.SelectStmt select = (Stmt.SelectStmt) SqlParser.parseOne(text);
            return SelectCompiler.compile(select.select(), text, typed, functions);
        });
    }
}
