/*
 * The RETURNING clause of INSERT, UPDATE and DELETE (lang_returning.html):
 * its result columns (* expanded to the table's columns, names given as a
 * SELECT would give them), computed for each row as it is written (the new
 * row) or deleted (the old row) and gathered in order; the statement's result
 * rows are emitted only once every change is made, as SQLite does.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.Expr;
import turso.parser.ast.ResultColumn;
import turso.vm.Op;
import turso.vm.ProgramBuilder;
import turso.vm.SortOrder;

final class Returning {
    private final ProgramBuilder b;
    private final List<Expr> exprs;
    private final int rows;
    private final int out;

    private Returning(ProgramBuilder b, List<Expr> exprs) {
        this.b = b;
        this.exprs = exprs;
        this.rows = b.newCursor();
        this.out = b.newRegisters(exprs.size());
    }

    /**
     * The RETURNING clause {@code terms} over {@code table}, known as {@code
     * name}, with the statement's result columns declared; null when there is
     * none. {@code names} resolves the terms (to name them and check them);
     * call {@link #open} before the first row.
     */
    static Returning of(ProgramBuilder b, List<ResultColumn> terms, Table table, String name, ExprCompiler names,
            String sql) {
        if (terms.isEmpty()) {
            return null;
        }
        List<Expr> exprs = new ArrayList<>();
        for (ResultColumn term : terms) {
            switch (term) {
                case ResultColumn.All a -> {
                    for (Column c : table.columns()) {
                        exprs.add(Synthetic.column(name, c.name()));
                        b.addColumn(c.name());
                    }
                }
                case ResultColumn.TableAll t -> throw new TursoException(ResultCode.ERROR,
                        "RETURNING may not use \"TABLE.*\" wildcards");
                case ResultColumn.Single s -> {
                    ExprWalker.walk(s.expr(), e -> {
                        if (e instanceof Expr.FunctionCall f && f.over() == null && names.isAggregate(f)) {
                            throw new TursoException(ResultCode.ERROR,
                                    "misuse of aggregate function " + f.name().value() + "()");
                        }
                        return true;
                    });
                    exprs.add(s.expr());
                    b.addColumn(SelectCompiler.columnName(s, names.declaredName(s.expr()), sql));
                }
            }
        }
        return new Returning(b, exprs);
    }

    /** Opens the store the returned rows are gathered in. */
    void open() {
        b.emit(Op.SORTER_OPEN, rows, 0, 0, new SortOrder(new turso.api.spi.Collation[0], new boolean[0],
                new boolean[0]), 0);
    }

    /** Computes the returned values of the row {@code row} sees, and keeps them. */
    void row(ExprCompiler row) {
        row.subqueriesEachTime(true);
        for (int k = 0; k < exprs.size(); k++) {
            row.compileInto(exprs.get(k), out + k);
        }
        row.subqueriesEachTime(false);
        b.emit(Op.SORTER_INSERT, rows, out, exprs.size());
    }

    /** Emits the gathered rows as the statement's result rows, in the order they were kept. */
    void emit() {
        int done = b.newLabel();
        b.emit(Op.SORTER_SORT, rows, done, 0);
        int loop = b.currentAddress();
        for (int k = 0; k < exprs.size(); k++) {
            b.emit(Op.SORTER_COLUMN, rows, k, out + k);
        }
        b.emit(Op.RESULT_ROW, out, exprs.size(), 0);
        b.emit(Op.SORTER_NEXT, rows, loop, 0);
        b.resolve(done);
    }
}
