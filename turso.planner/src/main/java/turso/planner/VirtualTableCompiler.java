/*
 * The statements that create and write virtual tables. CREATE VIRTUAL
 * TABLE: the module is found by name when the statement is prepared ("no
 * such module"), its xCreate runs when the statement runs, and the table's
 * row in sqlite_schema is SQLite's (type "table", root page 0, the text
 * from the table's name on after "CREATE VIRTUAL TABLE "). INSERT, UPDATE
 * and DELETE go through the module's xUpdate: the rows to change are
 * selected first (a SELECT over the table, so its WHERE is planned with the
 * module's best index), then written one by one.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.VirtualTable;
import turso.api.spi.VirtualTableModule;
import turso.parser.ast.Expr;
import turso.parser.ast.FromClause;
import turso.parser.ast.Name;
import turso.parser.ast.QualifiedName;
import turso.parser.ast.ResultColumn;
import turso.parser.ast.Select;
import turso.parser.ast.SelectCore;
import turso.parser.ast.SetClause;
import turso.parser.ast.Stmt;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;
import turso.vm.SortOrder;

final class VirtualTableCompiler {
    private VirtualTableCompiler() {
    }

    static Program create(Stmt.CreateVirtualTable create, String sql, Schema schema) {
        String name = create.name().name().value();
        ProgramBuilder b = new ProgramBuilder();
        b.markWrites();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        if (!NewObjects.mayCreate(create.name(), create.ifNotExists(), schema, 0)) {
            b.emit(Op.HALT, 0, 0, 0);
            return b.build();
        }
        VirtualTables virtualTables = schema.virtualTables();
        VirtualTableModule module = virtualTables.modules().lookup(create.module().value());
        String stored = "CREATE VIRTUAL TABLE " + sql.substring(create.name().name().span().start(), create.span().end());
        List<String> args = create.args();
        Runnable xCreate = () -> {
            VirtualTable table = module.create(virtualTables.context(name, module.name()), args);
            VirtualSource.of(name, table);
        };
        int root = b.newRegister();
        b.emit(Op.TRANSACTION, 0, 1, 0);
        b.emit(Op.VDDL, 0, 0, 0, xCreate, 0);
        b.comment("xCreate " + name);
        b.emit(Op.INTEGER, 0, root, 0);
        SchemaRows.insert(b, "table", name, name, root, stored);
        b.emit(Op.BUMP_SCHEMA_COOKIE, 0, 0, 0);
        b.emit(Op.PARSE_SCHEMA, 0, 0, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    /**
     * Whether {@code name}, written to by a statement, is a virtual table of
     * the schema; a table-valued function cannot be written.
     */
    static boolean targets(QualifiedName name, Schema schema) {
        String table = name.name().value();
        if (name.schema() != null && !name.schema().is("main") || schema.view(table) != null) {
            return false;
        }
        if (schema.kindOf(table) == null && schema.virtualTables().eponymous(table) != null) {
            throw new TursoException(ResultCode.ERROR, "table " + table + " may not be modified");
        }
        return schema.virtualTables().isDefined(table);
    }

    /** The code DROP TABLE runs first for a virtual table: the module's xDestroy. */
    static Runnable destroy(Schema schema, String name) {
        VirtualSource source = schema.virtualTables().connect(name);
        return source.vtab()::destroy;
    }

    static Program insert(Stmt.Insert insert, String sql, Schema schema, FunctionRegistry functions) {
        refuse(insert.with() != null, "WITH on a write to a virtual table");
        refuse(!insert.upserts().isEmpty(), "upsert on a virtual table");
        refuse(!insert.returning().isEmpty(), "RETURNING on a virtual table");
        VirtualSource source = schema.virtualTables().connect(insert.table().name().value());
        Table table = source.table();
        int n = table.columns().size();
        // target[k]: the column value k goes to, or -1 for the rowid
        List<Integer> target = new ArrayList<>();
        if (insert.columns().isEmpty()) {
            for (int j = 0; j < n; j++) {
                if (!source.isHidden(j)) {
                    target.add(j);
                }
            }
        } else {
            for (Name column : insert.columns()) {
                int j = table.columnIndex(column.value());
                if (j < 0 && Scope.isRowidName(column.value())) {
                    j = -1;
                } else if (j < 0) {
                    throw new TursoException(ResultCode.ERROR,
                            "table " + table.name() + " has no column named " + column.value());
                }
                target.add(j);
            }
        }
        ProgramBuilder b = new ProgramBuilder();
        b.markCountsChanges();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        int rows = b.newCursor();
        b.emit(Op.SORTER_OPEN, rows, 0, 0, noKeys(), 0);
        int width;
        if (insert.select() == null) {
            width = 0;
            int none = b.newRegister();
            b.emit(Op.SORTER_INSERT, rows, none, 0);
            target.clear();
        } else {
            int selected = b.newLabel();
            width = SelectCompiler.generateInto(b, functions, insert.select(), sql, schema,
                    (first, count) -> b.emit(Op.SORTER_INSERT, rows, first, count), selected, null).size();
            b.resolve(selected);
        }
        if (width != target.size()) {
            throw new TursoException(ResultCode.ERROR, insert.columns().isEmpty()
                    ? "table " + table.name() + " has " + target.size() + " columns but " + width + " values were supplied"
                    : width + " values for " + target.size() + " columns");
        }
        int args = b.newRegisters(n + 2);
        b.emit(Op.TRANSACTION, 0, 1, 0);
        int done = b.newLabel();
        b.emit(Op.SORTER_SORT, rows, done, 0);
        int loop = b.currentAddress();
        for (int k = 0; k < n + 2; k++) {
            b.emit(Op.NULL, 0, args + k, 0);
        }
        for (int k = 0; k < target.size(); k++) {
            b.emit(Op.SORTER_COLUMN, rows, k, args + 2 + target.get(k));
        }
        b.emit(Op.VUPDATE, 0, n + 2, args, source.vtab(), Op.COUNT_CHANGE | Op.SET_LAST_ROWID);
        b.emit(Op.SORTER_NEXT, rows, loop, 0);
        b.resolve(done);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    static Program update(Stmt.Update update, String sql, Schema schema, FunctionRegistry functions) {
        refuse(update.with() != null, "WITH on a write to a virtual table");
        refuse(update.from() != null, "UPDATE FROM on a virtual table");
        refuse(!update.returning().isEmpty(), "RETURNING on a virtual table");
        refuse(!update.orderBy().isEmpty() || update.limit() != null, "ORDER BY and LIMIT on a virtual table");
        VirtualSource source = schema.virtualTables().connect(update.table().name().value());
        Table table = source.table();
        String alias = update.alias() == null ? table.name() : update.alias().value();
        int n = table.columns().size();
        Expr[] values = new Expr[n + 2];
        values[0] = Synthetic.column(alias, "rowid");
        values[1] = values[0];
        for (int j = 0; j < n; j++) {
            values[j + 2] = Synthetic.column(alias, table.columns().get(j).name());
        }
        for (SetClause set : update.sets()) {
            refuse(set.columns().size() != 1, "row values in SET on a virtual table");
            String column = set.columns().getFirst().value();
            int j = table.columnIndex(column);
            if (j < 0 && !Scope.isRowidName(column)) {
                throw new TursoException(ResultCode.ERROR, "no such column: " + column);
            }
            values[j < 0 ? 1 : j + 2] = set.value();
        }
        return changeRows(source, alias, List.of(values), update.where(), sql, schema, functions);
    }

    static Program delete(Stmt.Delete delete, String sql, Schema schema, FunctionRegistry functions) {
        refuse(delete.with() != null, "WITH on a write to a virtual table");
        refuse(!delete.returning().isEmpty(), "RETURNING on a virtual table");
        refuse(!delete.orderBy().isEmpty() || delete.limit() != null, "ORDER BY and LIMIT on a virtual table");
        VirtualSource source = schema.virtualTables().connect(delete.table().name().value());
        String alias = delete.alias() == null ? source.table().name() : delete.alias().value();
        return changeRows(source, alias, List.of(Synthetic.column(alias, "rowid")), delete.where(), sql, schema,
                functions);
    }

    /**
     * Selects {@code values} (the old rowid, then for an UPDATE the new rowid
     * and every column) of the rows {@code where} accepts, then hands each
     * row to xUpdate: one value deletes the row, more update it.
     */
    private static Program changeRows(VirtualSource source, String alias, List<Expr> values, Expr where, String sql,
            Schema schema, FunctionRegistry functions) {
        List<ResultColumn> columns = new ArrayList<>();
        for (Expr e : values) {
            columns.add(new ResultColumn.Single(e, null, Synthetic.NO_SPAN));
        }
        FromClause from = new FromClause(List.of(new FromClause.Joined(null, new FromClause.TableRef(
                new QualifiedName(null, Synthetic.name(source.table().name()), Synthetic.NO_SPAN),
                Synthetic.name(alias), null, Synthetic.NO_SPAN), null)), Synthetic.NO_SPAN);
        Select select = new Select(null, new SelectCore.Simple(false, columns, from, where, List.of(), null, List.of(),
                Synthetic.NO_SPAN), List.of(), List.of(), null, Synthetic.NO_SPAN);
        ProgramBuilder b = new ProgramBuilder();
        b.markCountsChanges();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        int rows = b.newCursor();
        b.emit(Op.SORTER_OPEN, rows, 0, 0, noKeys(), 0);
        int selected = b.newLabel();
        SelectCompiler.generateInto(b, functions, select, sql, schema,
                (first, count) -> b.emit(Op.SORTER_INSERT, rows, first, count), selected, null);
        b.resolve(selected);
        int width = values.size();
        int args = b.newRegisters(width);
        b.emit(Op.TRANSACTION, 0, 1, 0);
        int done = b.newLabel();
        b.emit(Op.SORTER_SORT, rows, done, 0);
        int loop = b.currentAddress();
        for (int k = 0; k < width; k++) {
            b.emit(Op.SORTER_COLUMN, rows, k, args + k);
        }
        b.emit(Op.VUPDATE, 0, width, args, source.vtab(), Op.COUNT_CHANGE);
        b.emit(Op.SORTER_NEXT, rows, loop, 0);
        b.resolve(done);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    private static SortOrder noKeys() {
        return new SortOrder(new turso.api.spi.Collation[0], new boolean[0], new boolean[0]);
    }

    private static void refuse(boolean condition, String feature) {
        if (condition) {
            throw Unsupported.feature(feature);
        }
    }
}
