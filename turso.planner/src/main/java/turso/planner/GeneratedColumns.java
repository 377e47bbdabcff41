/*
 * Generated columns (gencol.html): the rules a table with them must follow,
 * the order in which their values are computed (one may read another), and
 * the code that computes them for a row and lays the row out as SQLite does:
 * a VIRTUAL column is not in the record, so a column's place in the record
 * is its place among the columns that are not VIRTUAL (Table.storageIndex).
 */
package turso.planner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.FunctionFlag;
import turso.parser.ast.Expr;
import turso.vm.Affinity;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.ProgramBuilder;

final class GeneratedColumns {
    private GeneratedColumns() {
    }

    /** SQLite's rules for a table's columns as a whole: a non-generated column, no generated key column. */
    static void validate(List<Column> columns, List<Integer> primaryKey) {
        for (int k : primaryKey) {
            if (columns.get(k).generated() != null) {
                throw new TursoException(ResultCode.ERROR, "generated columns cannot be part of the PRIMARY KEY");
            }
        }
        if (columns.stream().allMatch(c -> c.generated() != null)) {
            throw new TursoException(ResultCode.ERROR, "must have at least one non-generated column");
        }
    }

    /** The errors SQLite gives, when the table is created, for a generated column's expression. */
    static void validateExpressions(Table table, FunctionRegistry functions) {
        for (Column column : table.columns()) {
            if (column.generated() == null) {
                continue;
            }
            ExprWalker.walk(column.generated().expr(), e -> {
                switch (e) {
                    case Expr.Parameter p -> throw prohibited("parameters");
                    case Expr.Subquery s -> throw prohibited("subqueries");
                    case Expr.Exists s -> throw prohibited("subqueries");
                    case Expr.InSelect s -> throw prohibited("subqueries");
                    case Expr.FunctionCall f -> {
                        int arity = f.star() ? 0 : f.args().size();
                        functions.find(f.name().value(), arity).ifPresent(fn -> {
                            if (!fn.flags().contains(FunctionFlag.DETERMINISTIC)) {
                                throw prohibited("non-deterministic functions");
                            }
                        });
                        return true;
                    }
                    default -> {
                        return true;
                    }
                }
            });
            ProgramBuilder scratch = new ProgramBuilder();
            compute(scratch, functions, table, scratch.newRegisters(table.columns().size()), scratch.newRegister());
        }
    }

    private static TursoException prohibited(String what) {
        return new TursoException(ResultCode.ERROR, what + " prohibited in generated columns");
    }

    /**
     * Computes every generated column of the row in {@code values} (one
     * register per column, the others already there) into its register,
     * each after those it reads, with its column's affinity.
     */
    static void compute(ProgramBuilder b, FunctionRegistry functions, Table table, int values, int rowid) {
        for (int j : order(table)) {
            Column column = table.columns().get(j);
            IndexMaintenance.rowExpressions(b, functions, table, values, rowid)
                    .compileInto(column.generated().expr(), values + j);
            b.emit(Op.AFFINITY, values + j, 1, 0, new Affinity[] {column.affinity()}, 0);
        }
    }

    /** Reads the whole row of {@code cursor} into {@code values}: stored columns from the record, then the rest computed. */
    static void readRow(ProgramBuilder b, FunctionRegistry functions, Table table, int cursor, int values, int rowid) {
        for (int j = 0; j < table.columns().size(); j++) {
            if (j != table.rowidAlias() && !table.columns().get(j).isVirtual()) {
                b.emit(Op.COLUMN, cursor, table.storageIndex(j), values + j);
            }
        }
        computeVirtual(b, functions, table, values, rowid);
    }

    /** Reads column {@code column} of the row {@code cursor} (on {@code table}) stands on into {@code target}. */
    static void readColumn(ProgramBuilder b, FunctionRegistry functions, Table table, int cursor, int column,
            int target) {
        if (table.columns().get(column).isVirtual()) {
            ExprCompiler row = new ExprCompiler(b, functions);
            row.setScopes(List.of(new Scope(table, table.name(), cursor, Set.of())));
            row.readColumn(cursor, column, target);
        } else {
            b.emit(Op.COLUMN, cursor, table.storageIndex(column), target);
        }
    }

    /** Computes the VIRTUAL columns of the row in {@code values}. */
    static void computeVirtual(ProgramBuilder b, FunctionRegistry functions, Table table, int values, int rowid) {
        for (int j : order(table)) {
            Column column = table.columns().get(j);
            if (column.isVirtual()) {
                IndexMaintenance.rowExpressions(b, functions, table, values, rowid)
                        .compileInto(column.generated().expr(), values + j);
                b.emit(Op.AFFINITY, values + j, 1, 0, new Affinity[] {column.affinity()}, 0);
            }
        }
    }

    /**
     * Makes the record of the row in {@code values} (one register per column)
     * into {@code record}: VIRTUAL columns left out, a WITHOUT ROWID table's
     * key columns first.
     */
    static void makeRecord(ProgramBuilder b, Table table, int values, int record) {
        int width = table.columns().size();
        int stored = table.storedWidth();
        if (stored == width && !table.withoutRowid()) {
            b.emit(Op.MAKE_RECORD, values, width, record);
            return;
        }
        int row = b.newRegisters(stored);
        for (int j = 0; j < width; j++) {
            if (!table.columns().get(j).isVirtual()) {
                b.emit(Op.COPY, values + j, row + table.storageIndex(j), 0);
            }
        }
        b.emit(Op.MAKE_RECORD, row, stored, record);
    }

    /** The generated columns, each after the generated columns it reads; SQLite's error for a loop. */
    static List<Integer> order(Table table) {
        List<Integer> order = new ArrayList<>();
        Set<Integer> done = new HashSet<>();
        for (int j = 0; j < table.columns().size(); j++) {
            visit(table, j, done, new HashSet<>(), order);
        }
        return order;
    }

    private static void visit(Table table, int j, Set<Integer> done, Set<Integer> path, List<Integer> order) {
        Column column = table.columns().get(j);
        if (column.generated() == null || done.contains(j)) {
            return;
        }
        path.add(j);
        ExprWalker.walk(column.generated().expr(), e -> {
            if (e instanceof Expr.ColumnRef ref) {
                int k = table.columnIndex(ref.column().value());
                if (path.contains(k)) {
                    // SQLite names the column whose expression reaches back into the loop
                    throw new TursoException(ResultCode.ERROR, "generated column loop on \"" + column.name() + "\"");
                }
                if (k >= 0) {
                    visit(table, k, done, path, order);
                }
            }
            return true;
        });
        path.remove(j);
        done.add(j);
        order.add(j);
    }
}
