/*
 * The rows an UPDATE ... FROM changes (lang_update.html#upfrom): the target
 * table joined to the FROM clause under the WHERE, run as a SELECT of the
 * target's rowid (a WITHOUT ROWID target's key columns: both read from the
 * join's first item, whatever table of FROM goes by the same name) and the
 * SET expressions, whose rows are gathered before any change is made, in the
 * target's rowid (key) order. A target row the join meets
 * several times is updated once, with the first of its joined rows, as
 * SQLite leaves the choice open. FROM may not name the target again (its
 * table under the same alias, or both without one): SQLite says so once it
 * has resolved the SET and WHERE expressions, whose errors (an ambiguous
 * column where a FROM item goes by the target's name) come first.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.Collation;
import turso.parser.ast.Expr;
import turso.parser.ast.FromClause;
import turso.parser.ast.ResultColumn;
import turso.parser.ast.Select;
import turso.parser.ast.SelectCore;
import turso.parser.ast.Stmt;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.ProgramBuilder;
import turso.vm.SortOrder;

final class UpdateFrom {
    private final ProgramBuilder b;
    private final Select select;
    private final int rows;
    private final int seen;
    /** Per table column, the result column of the SELECT holding its new value, or -1 (unchanged). */
    private final int[] slots;
    private final int rowidSlot;
    /** The WITHOUT ROWID target, whose key columns stand first instead of the rowid; else null. */
    private final Table keyed;
    /**
     * The SET expressions and WHERE over the same tables (ON and USING left out: SQLite resolves them with the
     * join, after its check), resolved first when a FROM item goes by the target's name; else null.
     */
    private final Select namesClash;
    /** The target's name when FROM names the target again, else null. */
    private final String targetAgain;

    /**
     * The join of {@code update}'s target (known as {@code name}) with its
     * FROM clause; {@code newValue} and {@code newRowid} are the SET
     * expressions by table column (null where unchanged).
     */
    UpdateFrom(ProgramBuilder b, Stmt.Update update, String name, Expr[] newValue, Expr newRowid, Table table) {
        if (!update.orderBy().isEmpty() || update.limit() != null) {
            throw Unsupported.feature("UPDATE ... FROM with ORDER BY / LIMIT");
        }
        this.b = b;
        List<Expr> selected = new ArrayList<>();
        keyed = table.withoutRowid() ? table : null;
        if (keyed == null) {
            selected.add(Synthetic.firstSlot(name, "rowid"));
        } else {
            for (Index.Part p : table.primaryKey().parts()) {
                selected.add(Synthetic.firstSlot(name, table.columns().get(p.column()).name()));
            }
        }
        slots = new int[newValue.length];
        for (int j = 0; j < newValue.length; j++) {
            slots[j] = newValue[j] == null ? -1 : selected.size();
            if (newValue[j] != null) {
                selected.add(newValue[j]);
            }
        }
        rowidSlot = newRowid == null ? -1 : selected.size();
        if (newRowid != null) {
            selected.add(newRowid);
        }
        List<ResultColumn> columns = selected.stream()
                .<ResultColumn>map(e -> new ResultColumn.Single(e, null, Synthetic.NO_SPAN)).toList();
        List<FromClause.Joined> items = new ArrayList<>();
        items.add(new FromClause.Joined(null, new FromClause.TableRef(update.table(), update.alias(),
                update.indexed(), Synthetic.NO_SPAN), null));
        List<FromClause.Joined> from = update.from().items();
        for (int k = 0; k < from.size(); k++) {
            FromClause.Joined j = from.get(k);
            items.add(k == 0 ? new FromClause.Joined(new FromClause.JoinOperator(false, FromClause.JoinType.COMMA),
                    j.source(), j.constraint()) : j);
        }
        this.select = new Select(null, new SelectCore.Simple(false, columns, new FromClause(items, Synthetic.NO_SPAN),
                update.where(), List.of(), null, List.of(), Synthetic.NO_SPAN), List.of(), List.of(), null,
                Synthetic.NO_SPAN);
        this.rows = b.newCursor();
        this.seen = b.newCursor();
        String exposed = (update.alias() != null ? update.alias() : update.table().name()).value();
        targetAgain = inFrom(update.from(), update, true) ? exposed : null;
        List<FromClause.Joined> unjoined = items.stream().map(j -> new FromClause.Joined(j.operator() == null ? null
                : new FromClause.JoinOperator(false, j.operator().type()), j.source(), null)).toList();
        List<ResultColumn> set = columns.subList(keyed == null ? 1 : table.primaryKey().parts().size(), columns.size());
        namesClash = !inFrom(update.from(), update, false) ? null : new Select(null, new SelectCore.Simple(false, set,
                new FromClause(unjoined, Synthetic.NO_SPAN), update.where(), List.of(), null, List.of(),
                Synthetic.NO_SPAN), List.of(), List.of(), null, Synthetic.NO_SPAN);
    }

    /**
     * Whether an item of {@code from} (or of a parenthesized join in it) is
     * the target again ({@code same}: its table under the same alias, or both
     * without one), else goes by the target's name.
     */
    private static boolean inFrom(FromClause from, Stmt.Update update, boolean same) {
        String target = (update.alias() != null ? update.alias() : update.table().name()).value();
        for (FromClause.Joined j : from.items()) {
            FromClause.TableSource source = j.source();
            if (source instanceof FromClause.Parenthesized p && p.alias() == null) {
                if (inFrom(p.from(), update, same)) {
                    return true;
                }
                continue;
            }
            String name = source.alias() != null ? source.alias().value()
                    : source instanceof FromClause.TableRef t ? t.name().name().value() : null;
            if (name == null || !name.equalsIgnoreCase(target)) {
                continue;
            }
            if (!same || source instanceof FromClause.TableRef t
                    && t.name().name().value().equalsIgnoreCase(update.table().name().value())
                    && (t.alias() == null) == (update.alias() == null)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the join, keeping its rows in the target's rowid order (as
     * SQLite, which gathers them in a table keyed by it, whatever order the
     * join's loops take), each target row's in the order they come.
     */
    void gather(FunctionRegistry functions, Schema schema, String sql) {
        SortOrder order = new SortOrder(new Collation[] {functions.collation("BINARY")}, new boolean[] {false},
                new boolean[] {true});
        if (keyed != null) {
            order = WithoutRowid.keyOrder(functions, keyed);
        }
        if (namesClash != null) {
            ProgramBuilder scratch = new ProgramBuilder();
            SelectCompiler.generateInto(scratch, functions, namesClash, sql, schema, (first, count) -> { },
                    scratch.newLabel(), null);
        }
        if (targetAgain != null) {
            throw new TursoException(ResultCode.ERROR, "target object/alias may not appear in FROM clause: " + targetAgain);
        }
        b.emit(Op.SORTER_OPEN, rows, 0, 0, order, 0);
        int selected = b.newLabel();
        SelectCompiler.generateInto(b, functions, select, sql, schema,
                (first, count) -> b.emit(Op.SORTER_INSERT, rows, first, count), selected, null);
        b.resolve(selected);
    }

    /** Starts reading the kept rows (jumping to {@code done} when there are none); returns where each row's code starts. */
    int sort(int done) {
        b.emit(Op.SORTER_SORT, rows, done, 0);
        return b.currentAddress();
    }

    /** The current row's target rowid into {@code rowid}; a target row met before jumps to {@code next}. */
    void read(int rowid, int next, FunctionRegistry functions) {
        if (keyed == null) {
            b.emit(Op.SORTER_COLUMN, rows, 0, rowid);
        } else {
            int width = keyed.primaryKey().parts().size();
            int key = b.newRegisters(width);
            for (int p = 0; p < width; p++) {
                b.emit(Op.SORTER_COLUMN, rows, p, key + p);
            }
            b.emit(Op.MAKE_RECORD, key, width, rowid);
        }
        b.emit(Op.DISTINCT, seen, next, rowid, new SortOrder(new Collation[] {functions.collation("BINARY")},
                new boolean[] {false}, new boolean[] {true}), 0);
    }

    /** The new value of table column {@code column} (one the SET changes) into {@code target}. */
    void valueInto(int column, int target) {
        b.emit(Op.SORTER_COLUMN, rows, slots[column], target);
    }

    /** The new rowid (when the SET changes it) into {@code target}. */
    void rowidInto(int target) {
        b.emit(Op.SORTER_COLUMN, rows, rowidSlot, target);
    }

    /** Moves to the next kept row, whose code starts at {@code each}. */
    void next(int each) {
        b.emit(Op.SORTER_NEXT, rows, each, 0);
    }
}
