/*
 * The RETURNING clause of INSERT, UPDATE and DELETE (lang_returning.html):
 * its result columns (* expanded to the table's columns, names given as a
 * SELECT would give them), computed for each row as it is written (the new
 * row) or deleted (the old row) and gathered in order; the statement's result
 * rows are emitted only once every change is made, as SQLite does. A
 * subquery in it that reads nothing of the row is run once per statement,
 * as SQLite does, unless it reads the table written (SQLite 3.54 runs those
 * again for each row, so they see the rows written so far; 3.40 ran them
 * once too). So that "once" holds where a statement writes rows from
 * several places of its program (INSERT's VALUES rows), the terms are
 * computed by one block of code each of those places jumps to, which jumps
 * back to where it came from.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
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
    private final String target;
    private final int rows;
    private final int out;
    /** The row the shared block computes from, and how it rewrites the terms first; null before the first. */
    private ExprCompiler shared;
    private UnaryOperator<Expr> sharedTerms;
    private final UnaryOperator<Expr> intRealTerms;
    private int block;
    private int site;
    private int dispatch;
    private final List<Integer> returns = new ArrayList<>();

    private Returning(ProgramBuilder b, List<Expr> exprs, Table table) {
        this.b = b;
        this.exprs = exprs;
        this.target = table.name();
        this.intRealTerms = e -> IntRealLeak.returned(e, table);
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
        return new Returning(b, exprs, table);
    }

    /** Opens the store the returned rows are gathered in. */
    void open() {
        b.emit(Op.SORTER_OPEN, rows, 0, 0, new SortOrder(new turso.api.spi.Collation[0], new boolean[0],
                new boolean[0]), 0);
    }

    /** Computes the returned values of the row {@code row} sees, and keeps them. */
    void row(ExprCompiler row) {
        row(row, AS_WRITTEN);
    }

    /**
     * The same, for a row written where SQLite hands on the integers it keeps
     * integral reals as ({@code intReals}: see IntRealLeak).
     */
    void row(ExprCompiler row, boolean intReals) {
        row(row, intReals ? intRealTerms : AS_WRITTEN);
    }

    /** The terms as the statement wrote them. */
    static final UnaryOperator<Expr> AS_WRITTEN = UnaryOperator.identity();

    /** The same, each term rewritten by {@code terms} first (the same operator for each row of a statement). */
    void row(ExprCompiler row, UnaryOperator<Expr> terms) {
        if (shared == row && sharedTerms == terms) {
            int back = b.newLabel();
            b.emit(Op.INTEGER, returns.size(), site, 0);
            b.emit(Op.GOTO, 0, block, 0);
            b.resolve(back);
            returns.add(back);
            return;
        }
        boolean first = shared == null;
        if (first) {
            shared = row;
            sharedTerms = terms;
            site = b.newRegister();
            block = b.newLabel();
            dispatch = b.newLabel();
            b.emit(Op.INTEGER, 0, site, 0);
            b.resolve(block);
        }
        compute(row, terms);
        if (first) {
            int back = b.newLabel();
            b.emit(Op.GOTO, 0, dispatch, 0);
            b.resolve(back);
            returns.add(back);
        }
    }

    private void compute(ExprCompiler row, UnaryOperator<Expr> terms) {
        for (int k = 0; k < exprs.size(); k++) {
            Expr e = terms.apply(exprs.get(k));
            row.subqueriesEachTime(readsTarget(e));
            row.compileInto(e, out + k);
        }
        row.subqueriesEachTime(false);
        b.emit(Op.SORTER_INSERT, rows, out, exprs.size());
    }

    /** Whether a subquery of {@code e} reads the table written (by its name, in FROM or IN). */
    private boolean readsTarget(Expr e) {
        List<turso.parser.ast.Name> reads = new ArrayList<>();
        ExprWalker.walk(e, x -> {
            switch (x) {
                case Expr.Subquery q -> SqlReferences.tableRefs(q.select(), target, reads);
                case Expr.Exists q -> SqlReferences.tableRefs(q.select(), target, reads);
                case Expr.InSelect q -> SqlReferences.tableRefs(q.select(), target, reads);
                case Expr.InTable q when q.table().name().is(target) -> reads.add(q.table().name());
                default -> { }
            }
            return true;
        });
        return !reads.isEmpty();
    }

    /** Emits the gathered rows as the statement's result rows, in the order they were kept. */
    void emit() {
        if (shared != null) {
            int after = b.newLabel();
            b.emit(Op.GOTO, 0, after, 0);
            b.resolve(dispatch);
            // the site's number counts down to the place to go back to
            b.emit(Op.IF_NOT, site, returns.getFirst(), 0);
            for (int k = 1; k < returns.size(); k++) {
                b.emit(Op.DECR_JUMP_ZERO, site, returns.get(k), 0);
            }
            b.resolve(after);
        }
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
