/*
 * Turns a CREATE INDEX statement into an Index of its table: each term a
 * column of the table (with its own COLLATE, else the column's collation,
 * and ASC or DESC), the rowid alias standing for the rowid, or an
 * expression of the row's columns (its own COLLATE, else BINARY), checked
 * as SQLite checks index expressions when the index is created. As in
 * SQLite, a double-quoted name that is no column of the table (nor its
 * rowid) is a string constant, in a term as in the WHERE of a partial index.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.Expr;
import turso.parser.ast.Name;
import turso.parser.ast.OrderingTerm;
import turso.parser.ast.Stmt;
import turso.vm.FunctionRegistry;
import turso.vm.ProgramBuilder;

final class IndexDefinition {
    private IndexDefinition() {
    }

    static Index read(Stmt.CreateIndex create, Table table, int rootPage) {
        List<Index.Part> parts = new ArrayList<>();
        for (OrderingTerm term : create.columns()) {
            Expr e = term.expr();
            String collation = null;
            if (e instanceof Expr.Collate c) {
                collation = c.collation().value();
                e = c.expr();
            }
            e = e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.STRING
                    // a single-quoted term alone names a column, as SQLite reads it
                    ? new Expr.ColumnRef(null, null, new Name(l.text(), Name.Quote.SINGLE, l.span()), l.span())
                    : strings(e, table);
            if (!(e instanceof Expr.ColumnRef ref) || ref.table() != null) {
                checkExpression(e, table);
                parts.add(new Index.Part(Index.EXPRESSION, collation != null ? collation : "BINARY",
                        term.order() == OrderingTerm.SortOrder.DESC, e));
                continue;
            }
            int column = table.columnIndex(ref.column().value());
            if (column < 0) {
                throw new TursoException(ResultCode.ERROR, "no such column: " + ref.column().value(),
                        ref.span().start(), null);
            }
            parts.add(new Index.Part(column == table.rowidAlias() ? ColumnKey.ROWID : column,
                    collation != null ? collation : table.columns().get(column).collation(),
                    term.order() == OrderingTerm.SortOrder.DESC));
        }
        return new Index(create.name().name().value(), table.name(), rootPage, parts, create.unique(),
                create.where() == null ? null : strings(create.where(), table), "c", null);
    }

    /** {@code e} with each double-quoted name that names nothing of {@code table} read as a string literal. */
    private static Expr strings(Expr e, Table table) {
        if (e instanceof Expr.ColumnRef ref && ref.table() == null && ref.column().quote() == Name.Quote.DOUBLE
                && table.columnIndex(ref.column().value()) < 0 && !isRowid(ref.column().value(), table)) {
            return new Expr.Literal(Expr.LiteralKind.STRING, ref.column().value(), ref.span());
        }
        return ExprMapper.children(e, x -> strings(x, table));
    }

    /**
     * The double-quoted name a term of an index on {@code table} is made of
     * alone (under a COLLATE), when it names no column: SQLite reads it as a
     * string, but not where ALTER TABLE checks the schema with double-quoted
     * strings off, and does not turn it into a single-quoted one. Else null.
     */
    static Name loneString(Expr term, Table table) {
        Expr e = term instanceof Expr.Collate c ? c.expr() : term;
        return e instanceof Expr.ColumnRef ref && strings(ref, table) instanceof Expr.Literal ? ref.column() : null;
    }

    private static boolean isRowid(String name, Table table) {
        return !table.withoutRowid() && (name.equalsIgnoreCase("rowid") || name.equalsIgnoreCase("oid")
                || name.equalsIgnoreCase("_rowid_"));
    }

    /** The errors SQLite gives for what an index expression may not hold; functions are checked by validate. */
    private static void checkExpression(Expr e, Table table) {
        ExprWalker.walk(e, x -> {
            switch (x) {
                case Expr.Parameter p -> throw new TursoException(ResultCode.ERROR,
                        "parameters prohibited in index expressions", p.span().start(), null);
                case Expr.Subquery s -> throw subqueries();
                case Expr.Exists s -> throw subqueries();
                case Expr.InSelect s -> throw subqueries();
                case Expr.ColumnRef ref when ref.table() != null -> throw new TursoException(ResultCode.ERROR,
                        "the \".\" operator prohibited in index expressions", ref.span().start(), null);
                case Expr.ColumnRef ref when table.columnIndex(ref.column().value()) < 0 -> throw new TursoException(
                        ResultCode.ERROR, "no such column: " + ref.column().value(), ref.span().start(), null);
                default -> {
                    return true;
                }
            }
        });
    }

    private static TursoException subqueries() {
        return new TursoException(ResultCode.ERROR, "subqueries prohibited in index expressions");
    }

    /**
     * What needs the functions: a non-deterministic call, an aggregate, an
     * unknown function in an index's expressions fails as in SQLite; so do a
     * parameter, a subquery or a non-deterministic call in a partial index's
     * WHERE.
     */
    static void validate(Index index, Table table, FunctionRegistry functions) {
        ExprWalker.walk(index.where(), x -> {
            String prohibited = switch (x) {
                case Expr.Parameter p -> "parameters";
                case Expr.Subquery s -> "subqueries";
                case Expr.Exists s -> "subqueries";
                case Expr.InSelect s -> "subqueries";
                case Expr.FunctionCall f -> functions.find(f.name().value(), f.star() ? 0 : f.args().size())
                        .filter(fn -> !fn.flags().contains(turso.api.spi.FunctionFlag.DETERMINISTIC))
                        .map(fn -> "non-deterministic functions").orElse(null);
                default -> null;
            };
            if (prohibited != null) {
                throw new TursoException(ResultCode.ERROR, prohibited + " prohibited in partial index WHERE clauses",
                        x.span().start(), null);
            }
            return true;
        });
        for (Index.Part part : index.parts()) {
            if (part.expr() == null) {
                continue;
            }
            ExprWalker.walk(part.expr(), x -> {
                if (x instanceof Expr.FunctionCall f) {
                    functions.find(f.name().value(), f.star() ? 0 : f.args().size()).ifPresent(fn -> {
                        if (!fn.flags().contains(turso.api.spi.FunctionFlag.DETERMINISTIC)) {
                            throw new TursoException(ResultCode.ERROR,
                                    "non-deterministic functions prohibited in index expressions",
                                    f.span().start(), null);
                        }
                    });
                }
                return true;
            });
            ProgramBuilder scratch = new ProgramBuilder();
            IndexMaintenance.rowExpressions(scratch, functions, table, scratch.newRegisters(table.columns().size()),
                    scratch.newRegister()).compile(part.expr());
        }
    }
}
