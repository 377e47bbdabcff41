/*
 * Code generation for expressions: each expression of the AST becomes
 * instructions that leave its value in a register. Affinity and collating
 * sequence of comparisons follow datatype3.html (§4.2, §7); literals are
 * typed as SQLite types them (an integer too large for 64 bits is a REAL,
 * "-9223372036854775808" is an INTEGER); CASE, IN, BETWEEN, iif, coalesce and
 * ifnull evaluate only what SQLite evaluates.
 */
package turso.planner;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.AggregateFunction;
import turso.api.spi.Collation;
import turso.api.spi.ScalarFunction;
import turso.api.spi.SqlFunction;
import turso.parser.ast.Expr;
import turso.parser.ast.Name;
import turso.vm.Affinity;
import turso.vm.Collated;
import turso.vm.CompareOp;
import turso.vm.Comparison;
import turso.vm.FunctionCall;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.ProgramBuilder;
import turso.vm.SortOrder;

final class ExprCompiler {
    private final ProgramBuilder b;
    private final FunctionRegistry functions;
    private final Parameters parameters;
    private final Collation binary;
    /** The tables column references resolve against, in FROM order; none in a query without FROM. */
    private List<Scope> scopes = List.of();
    /** The first item of the FROM clause whose tables are the scopes, which {@link Synthetic#firstSlot} reads; or null. */
    private Scope firstItem;
    private Map<String, Expr> coalesced = Map.of();
    /** The expressions of the enclosing query, for a subquery's references to its tables (correlation). */
    private ExprCompiler outer;
    /** What subqueries are compiled against; null where the statement has none to offer. */
    private Schema schema;
    private String sql;
    /**
     * In the output phase of an aggregate query: expressions whose value is
     * already in a register (aggregate calls, GROUP BY keys), by structure.
     */
    private Map<SameExpr.Key, Integer> precomputed = Map.of();
    /**
     * Result column aliases (lower-cased) and their expressions: SQLite lets
     * WHERE, GROUP BY, HAVING and ORDER BY use an alias where no column of
     * that name exists.
     */
    private Map<String, Expr> aliases = Map.of();
    /** Aliases being expanded, so that an alias used inside its own expression is no alias. */
    private final java.util.Set<String> expanding = new java.util.HashSet<>();
    /** In the output phase of an aggregate query: registers holding the last row's columns. */
    private Map<ColumnKey, Integer> columnHolders = Map.of();

    /** Tables read through a covering index instead: by table cursor, the index cursor and each column's place in its key. */
    private final Map<Integer, Covering> coverings = new HashMap<>();

    private record Covering(int indexCursor, int[] position) {
    }

    /** Makes reads of table cursor {@code table}'s columns read index cursor {@code index}'s key, where {@code index} holds them. */
    void readFromIndex(int table, int index, Index definition, int columnCount) {
        int[] position = new int[columnCount];
        java.util.Arrays.fill(position, -1);
        for (int p = definition.parts().size() - 1; p >= 0; p--) {
            int column = definition.parts().get(p).column();
            if (column >= 0) {
                position[column] = p;
            }
        }
        coverings.put(table, new Covering(index, position));
    }

    /**
     * Reads column {@code column} ({@link ColumnKey#ROWID}: the rowid) of
     * cursor {@code cursor}'s row into {@code target}: from the record (a
     * column's place there skips VIRTUAL columns), or computed for a VIRTUAL
     * column from the others of its row.
     */
    void readColumn(int cursor, int column, int target) {
        Covering covering = coverings.get(cursor);
        Table table = column == ColumnKey.ROWID ? null : tableOf(cursor);
        if (table != null && (covering == null || covering.position()[column] < 0)
                && table.columns().get(column).isVirtual()) {
            ExprCompiler row = new ExprCompiler(b, functions);
            row.setScopes(List.of(new Scope(table, table.name(), cursor, java.util.Set.of())));
            row.coverings.putAll(coverings);
            row.compileInto(table.columns().get(column).generated().expr(), target);
            b.emit(Op.AFFINITY, target, 1, 0, new Affinity[] {table.columns().get(column).affinity()}, 0);
        } else if (covering == null) {
            b.emit(column == ColumnKey.ROWID ? Op.ROWID : Op.COLUMN, cursor, column == ColumnKey.ROWID ? target
                    : table == null ? column : table.storageIndex(column), column == ColumnKey.ROWID ? 0 : target);
        } else if (column == ColumnKey.ROWID) {
            b.emit(Op.IDX_ROWID, covering.indexCursor(), target, 0);
        } else {
            b.emit(Op.COLUMN, covering.indexCursor(), covering.position()[column], target);
        }
    }

    /** How many references of subqueries compiled within this one resolved here or further out (correlation). */
    private int innerLookups;
    /** The affinity of the first column of each subquery compiled here, by its SELECT. */
    private final Map<turso.parser.ast.Select, Affinity> subqueryAffinities = new java.util.IdentityHashMap<>();
    /** Whether subqueries run each time they are reached even when uncorrelated (RETURNING, as SQLite runs it per row). */
    private boolean subqueriesEachTime;
    /** The registers the statement's prologue fills with its parameters and literals; null where it has none. */
    private StatementConstants constants;

    ExprCompiler(ProgramBuilder b, FunctionRegistry functions) {
        this.b = b;
        this.functions = functions;
        this.parameters = new Parameters(b);
        this.binary = functions.collation("BINARY");
    }

    void setScopes(List<Scope> scopes) {
        this.scopes = List.copyOf(scopes);
    }

    /** The tables of a FROM clause, in its order (the join order may change them later; the first item stays known). */
    void setFromScopes(List<Scope> scopes) {
        setScopes(scopes);
        firstItem = scopes.isEmpty() ? null : scopes.getFirst();
    }

    /** The table read through {@code cursor} in this compiler's scopes, or null. */
    private Table tableOf(int cursor) {
        for (Scope s : scopes) {
            if (s.cursor() == cursor) {
                return s.table();
            }
        }
        return null;
    }

    /** Unqualified names that stand for an expression (the USING columns of RIGHT and FULL joins), by lower-cased name. */
    void setCoalesced(Map<String, Expr> coalesced) {
        this.coalesced = Map.copyOf(coalesced);
    }

    /** The schema subqueries are compiled against, or null before setContext. */
    Schema schema() {
        return schema;
    }

    /** What sqlite_stat1 says of {@code table}, for the planner's estimates; null when nothing. */
    Statistics.TableStat statistics(Table table) {
        return schema == null || table.rootPage() < 0 ? null : schema.statistics(table);
    }

    /** Lets expressions hold subqueries, compiled against {@code schema}; {@code outer} is the enclosing query's, or null. */
    void setContext(Schema schema, String sql, ExprCompiler outer) {
        this.schema = schema;
        this.sql = sql;
        this.outer = outer;
        if (outer != null) {
            constants = outer.constants;
        }
    }

    /** Lets comparisons read parameters and literals from the registers {@code constants} fills once per run. */
    void setConstants(StatementConstants constants) {
        this.constants = constants;
    }

    /** Emits literal {@code l} into register {@code target} (the prologue's loads). */
    void literalInto(Expr.Literal l, int target) {
        literal(l, false, target);
    }

    /**
     * Evaluates {@code e} where its register is only read: a parameter or a
     * literal is the register the prologue fills (StatementConstants), so a
     * loop does not reload it on every row; anything else, a new register.
     */
    private int operand(Expr e) {
        if (constants != null && constants.serves(b)
                && (precomputed.isEmpty() || !precomputed.containsKey(SameExpr.key(e)))) {
            if (e instanceof Expr.Parameter p) {
                return constants.parameter(parameters.number(p, sql));
            }
            if (e instanceof Expr.Literal l && StatementConstants.fixed(l)) {
                return constants.literal(l);
            }
        }
        return compile(e);
    }

    FunctionRegistry functions() {
        return functions;
    }

    /** The SQL text of the statement. */
    String sql() {
        return sql;
    }

    /** How many references of subqueries compiled within this one resolved here or further out; grows with correlation. */
    int lookupsFromInner() {
        return innerLookups;
    }

    /** The enclosing query's expressions, for a part of a compound SELECT to use in turn. */
    ExprCompiler outerForSubqueries() {
        return outer;
    }

    void setAliases(Map<String, Expr> aliases) {
        this.aliases = aliases;
    }

    /**
     * Compiles what follows as the output of an aggregate query: aggregate
     * calls and group keys read their registers, and other columns read the
     * registers holding the group's last row.
     */
    void setAggregateOutput(Map<SameExpr.Key, Integer> precomputed, Map<ColumnKey, Integer> holders) {
        this.precomputed = precomputed;
        this.columnHolders = holders;
    }

    /** Whether {@code f} calls an aggregate function (and is not a window function call). */
    boolean isAggregate(Expr.FunctionCall f) {
        if (f.over() != null) {
            return false;
        }
        int arity = f.star() ? 0 : f.args().size();
        return functions.find(f.name().value(), arity).orElse(null) instanceof AggregateFunction<?>;
    }

    /**
     * The position in this query's FROM of the table {@code c} reads, or -1
     * when it reads an enclosing query's table or names nothing.
     */
    int scopeIndex(Expr.ColumnRef c) {
        Resolved r = resolve(c);
        return r == null || r.owner() != this ? -1 : scopes.indexOf(r.scope());
    }

    /** The table column {@code c} reads, or null if it names none. */
    ColumnKey columnKey(Expr.ColumnRef c) {
        Resolved r = resolve(c);
        return r == null ? null : new ColumnKey(r.scope().cursor(), r.index());
    }

    /** Evaluates {@code e} into a new register; returns it. */
    int compile(Expr e) {
        int r = b.newRegister();
        compileInto(e, r);
        return r;
    }

    /** Evaluates {@code e} into register {@code target}. */
    void compileInto(Expr e, int target) {
        Integer ready = precomputed.isEmpty() ? null : precomputed.get(SameExpr.key(e));
        if (ready != null) {
            b.emit(Op.COPY, ready, target, 0);
            return;
        }
        switch (e) {
            case Expr.Literal l -> literal(l, false, target);
            case Expr.ColumnRef c -> columnRef(c, target);
            case Expr.Parameter p -> b.emit(Op.VARIABLE, parameters.number(p, sql), target, 0);
            case Expr.Unary u -> unary(u, target);
            case Expr.Binary bin -> binary(bin, target);
            case Expr.Like l -> like(l, target);
            case Expr.Between bt -> between(bt, target);
            case Expr.InList in -> inList(in, target);
            case Expr.IsNull n -> isNull(n, target);
            case Expr.FunctionCall f -> call(f, target);
            case Expr.Case c -> caseExpr(c, target);
            case Expr.Cast c -> {
                compileInto(c.expr(), target);
                b.emit(Op.CAST, target, 0, 0, Affinity.ofDeclaredType(c.type().text()), 0);
            }
            case Expr.Collate c -> {
                functions.collation(c.collation().value());
                compileInto(c.expr(), target);
            }
            case Expr.InSelect in -> inSelect(in, target);
            case Expr.InTable x when x.args() == null || x.args().isEmpty() -> inSelect(new Expr.InSelect(x.expr(), x.not(),
                    new turso.parser.ast.Select(null, new turso.parser.ast.SelectCore.Simple(false,
                            List.of(new turso.parser.ast.ResultColumn.All(x.span())),
                            new turso.parser.ast.FromClause(List.of(new turso.parser.ast.FromClause.Joined(null,
                                    new turso.parser.ast.FromClause.TableRef(x.table(), null, null, x.span()), null)),
                                    x.span()),
                            null, List.of(), null, List.of(), x.span()), List.of(), List.of(), null, x.span()),
                    x.span()), target);
            case Expr.InTable x -> throw Unsupported.feature("IN with a table-valued function");
            case Expr.Exists x -> exists(x, target);
            case Expr.Subquery x -> scalarSubquery(x, target);
            case Expr.RowValue x -> throw new TursoException(ResultCode.ERROR, "row value misused");
            case Expr.Raise x -> raise(x, target);
        }
    }

    private void literal(Expr.Literal l, boolean negated, int target) {
        switch (l.kind()) {
            case INTEGER -> integer(l.text(), negated, target);
            case FLOAT -> {
                double d = Double.parseDouble(l.text());
                b.emit(Op.REAL, 0, target, 0, negated ? -d : d, 0);
            }
            case STRING -> b.emit(Op.STRING8, 0, target, 0, l.text().getBytes(StandardCharsets.UTF_8), 0);
            case BLOB -> b.emit(Op.BLOB, 0, target, 0, HexFormat.of().parseHex(l.text()), 0);
            case NULL -> b.emit(Op.NULL, 0, target, 0);
            case CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP -> {
                SqlFunction f = functions.resolve(l.kind().name().toLowerCase(java.util.Locale.ROOT), 0);
                b.emit(Op.FUNCTION, 0, 0, target, new FunctionCall((ScalarFunction) f), 0);
            }
        }
        if (negated && l.kind() != Expr.LiteralKind.INTEGER && l.kind() != Expr.LiteralKind.FLOAT) {
            b.emit(Op.NEGATE, target, target, 0);
        }
    }

    /** Decimal or hexadecimal digits as written; a decimal beyond 64 bits becomes a REAL, as in SQLite. */
    private void integer(String text, boolean negated, int target) {
        if (text.length() > 2 && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            String hex = text.substring(2);
            if (hex.replaceFirst("^0+", "").length() > 16) {
                throw new TursoException(ResultCode.ERROR, "hex literal too big: " + (negated ? "-" : "") + text);
            }
            long v = Long.parseUnsignedLong(hex, 16);
            emitLong(negated ? -v : v, target);
            return;
        }
        BigInteger v = new BigInteger(text);
        if (negated) {
            v = v.negate();
        }
        if (v.bitLength() < 64) {
            emitLong(v.longValue(), target);
        } else {
            b.emit(Op.REAL, 0, target, 0, Double.parseDouble((negated ? "-" : "") + text), 0);
        }
    }

    private void emitLong(long v, int target) {
        if (v == (int) v) {
            b.emit(Op.INTEGER, (int) v, target, 0);
        } else {
            b.emit(Op.INT64, 0, target, 0, v, 0);
        }
    }

    private void columnRef(Expr.ColumnRef c, int target) {
        Name column = c.column();
        Expr merged = c.table() == null ? coalesced.get(column.value().toLowerCase(java.util.Locale.ROOT)) : null;
        if (merged != null) {
            compileInto(merged, target);
            return;
        }
        Resolved resolved = resolve(c);
        if (resolved != null) {
            Integer holder = resolved.owner().columnHolders.get(new ColumnKey(resolved.scope().cursor(), resolved.index()));
            if (holder != null) {
                b.emit(Op.COPY, holder, target, 0);
            } else {
                resolved.owner().readColumn(resolved.scope().cursor(), resolved.index(), target);
                if (resolved.index() != ColumnKey.ROWID) {
                    b.comment(resolved.scope().table().name() + "." + resolved.column().name());
                }
            }
            return;
        }
        if (triggerRow(c, target)) {
            return;
        }
        if (c.table() == null) {
            String key = column.value().toLowerCase(java.util.Locale.ROOT);
            Expr aliased = aliases.get(key);
            if (aliased != null && expanding.add(key)) {
                try {
                    compileInto(aliased, target);
                } finally {
                    expanding.remove(key);
                }
                return;
            }
            if (column.doubleQuoted()) {
                b.emit(Op.STRING8, 0, target, 0, column.value().getBytes(StandardCharsets.UTF_8), 0);
                return;
            }
            if (column.is("true") || column.is("false")) {
                b.emit(Op.INTEGER, column.is("true") ? 1 : 0, target, 0);
                return;
            }
        }
        String qualified = (c.schema() == null ? "" : c.schema().value() + ".")
                + (c.table() == null ? "" : c.table().value() + ".") + column.value();
        throw new TursoException(ResultCode.ERROR, "no such column: " + qualified, c.span().start(), null);
    }

    /** NEW.x or OLD.x in a trigger program: the parameter holding it, if there is one. */
    private boolean triggerRow(Expr.ColumnRef c, int target) {
        TriggerScope firing = schema == null ? null : schema.firing();
        if (firing == null || c.schema() != null || c.table() == null
                || !c.table().is("new") && !c.table().is("old")) {
            return false;
        }
        int parameter = firing.parameter(c.table().is("old"), c.column().value());
        if (parameter == 0) {
            return false;
        }
        b.setParameter(firing.width(), null);
        b.emit(Op.VARIABLE, parameter, target, 0);
        return true;
    }

    /** Whether {@code c} is NEW.x or OLD.x in a trigger program (a parameter of the program, known before any loop). */
    boolean isTriggerRow(Expr.ColumnRef c) {
        TriggerScope firing = schema == null ? null : schema.firing();
        return firing != null && c.schema() == null && c.table() != null
                && (c.table().is("new") || c.table().is("old")) && resolve(c) == null
                && firing.parameter(c.table().is("old"), c.column().value()) != 0;
    }

    /** The affinity of NEW.x or OLD.x in a trigger program (none, but in foreign key lookups), else none. */
    private Affinity triggerRowAffinity(Expr.ColumnRef c) {
        TriggerScope firing = schema == null ? null : schema.firing();
        if (firing == null || c.schema() != null || c.table() == null
                || !c.table().is("new") && !c.table().is("old")
                || firing.parameter(c.table().is("old"), c.column().value()) == 0) {
            return Affinity.NONE;
        }
        return firing.affinity(c.column().value());
    }

    /**
     * RAISE in a trigger program: IGNORE ends the program and skips the row
     * that fired it; ABORT, FAIL and ROLLBACK end the statement with the
     * message, undoing the statement's changes, none of them, or the whole
     * transaction.
     */
    private void raise(Expr.Raise x, int target) {
        if (schema == null || schema.firing() == null) {
            throw new TursoException(ResultCode.ERROR, "RAISE() may only be used within a trigger-program");
        }
        if (x.type() == Expr.RaiseType.IGNORE) {
            b.emit(Op.HALT, ResultCode.OK.code(), 0, turso.vm.Vm.RAISE_IGNORE);
        } else {
            Object message = x.message() instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.STRING ? l.text()
                    : Integer.valueOf(compile(x.message()));
            b.emit(Op.HALT, ResultCode.CONSTRAINT_TRIGGER.code(), switch (x.type()) {
                case FAIL -> turso.vm.Vm.HALT_FAIL;
                case ROLLBACK -> turso.vm.Vm.HALT_ROLLBACK;
                default -> 0;
            }, 0, message, 0);
        }
        b.emit(Op.NULL, 0, target, 0);
    }

    /**
     * Where a column reference leads: a table of FROM, a column of it
     * ({@link ColumnKey#ROWID}: the rowid), and the compiler of the query that
     * table belongs to (an enclosing one for a correlated reference).
     */
    private record Resolved(Scope scope, int index, ExprCompiler owner) {
        Column column() {
            Table t = scope.table();
            return index == ColumnKey.ROWID ? (t.rowidAlias() >= 0 ? t.columns().get(t.rowidAlias()) : null)
                    : t.columns().get(index);
        }
    }

    /**
     * The table column {@code c} names, or null. An unqualified name that
     * more than one table has is ambiguous, as in SQLite; the rowid alias
     * (INTEGER PRIMARY KEY) resolves to the rowid.
     */
    private Resolved resolve(Expr.ColumnRef c) {
        int db = c.schema() == null ? -1 : schema != null ? schema.databaseIndex(c.schema().value())
                : c.schema().is("main") ? 0 : -1;
        if (c.schema() != null && db < 0) {
            return null;
        }
        String name = c.column().value();
        if (c.table() != null && c.table().span() == Synthetic.FIRST_SLOT && firstItem != null) {
            Scope first = firstItem;
            if (!first.table().withoutRowid() && Scope.isRowidName(name)) {
                return new Resolved(first, ColumnKey.ROWID, this);
            }
            int index = first.table().columnIndex(name);
            return index < 0 ? null : new Resolved(first,
                    index == first.table().rowidAlias() ? ColumnKey.ROWID : index, this);
        }
        if (c.table() == null && coalesced.containsKey(name.toLowerCase(java.util.Locale.ROOT))) {
            return null;
        }
        Resolved found = null;
        for (Scope s : scopes) {
            if (c.table() != null && !c.table().is(s.name()) || db >= 0 && s.table().db() != db) {
                continue;
            }
            int index = s.table().columnIndex(name);
            if (index < 0 || (c.table() == null && s.hidden().contains(name.toLowerCase(java.util.Locale.ROOT)))) {
                continue;
            }
            if (found != null) {
                throw ambiguous(c);
            }
            found = new Resolved(s, index == s.table().rowidAlias() ? ColumnKey.ROWID : index, this);
        }
        if (found == null && Scope.isRowidName(name)) {
            for (Scope s : scopes) {
                if ((c.table() == null || c.table().is(s.name())) && (db < 0 || s.table().db() == db)
                        && !s.table().withoutRowid()) {
                    if (found != null) {
                        throw ambiguous(c);
                    }
                    found = new Resolved(s, ColumnKey.ROWID, this);
                }
            }
        }
        if (found == null && outer != null) {
            Resolved r = outer.resolve(c);
            if (r != null) {
                outer.innerLookups++;
            }
            return r;
        }
        return found;
    }

    private static TursoException ambiguous(Expr.ColumnRef c) {
        return new TursoException(ResultCode.ERROR, "ambiguous column name: "
                + (c.table() == null ? "" : c.table().value() + ".") + c.column().value(), c.span().start(), null);
    }

    /**
     * The name SQLite gives a result column that is a column reference: the
     * column's name as declared (a rowid reference: the INTEGER PRIMARY KEY
     * column's, if the table has one); null if {@code e} is not one.
     */
    String declaredName(Expr e) {
        if (!(e instanceof Expr.ColumnRef c)) {
            return null;
        }
        Resolved r = resolve(c);
        if (r == null) {
            return null;
        }
        Column column = r.column();
        return column != null ? column.name() : c.column().value();
    }

    /** The declared type of the table column {@code e} reads (sqlite3_column_decltype), or null for any other expression. */
    String declaredType(Expr e) {
        if (e instanceof Expr.ColumnRef c) {
            Resolved r = resolve(c);
            if (r != null && r.index() == ColumnKey.ROWID && r.column() == null) {
                return "INTEGER";
            }
            return r == null || r.column() == null ? null : declType(r.column().declaredType());
        }
        return null;
    }

    /**
     * A declared type as sqlite3_column_decltype gives it: null when empty,
     * SQLite's standard names (INT, INTEGER, REAL, TEXT, BLOB, ANY) in upper
     * case, and a type written as one quoted token without its quotes.
     */
    static String declType(String declared) {
        if (declared == null || declared.isEmpty()) {
            return null;
        }
        for (String standard : new String[] {"INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY"}) {
            if (declared.equalsIgnoreCase(standard)) {
                return standard;
            }
        }
        int n = declared.length();
        if (n >= 2 && "\"'`[".indexOf(declared.charAt(0)) >= 0) {
            for (int i = 1; i < n - 1; i++) {
                if ("\"'`[".indexOf(declared.charAt(i)) >= 0) {
                    return declared;
                }
            }
            return declared.substring(1, n - 1);
        }
        return declared;
    }

    /**
     * The table column whose collation {@code e} has: a column reference
     * that resolves to one, also under unary + and CAST (as SQLite looks
     * through them); else null.
     */
    private Column column(Expr e) {
        return switch (e) {
            case null -> null;
            case Expr.ColumnRef c -> {
                Resolved r = resolve(c);
                yield r == null ? null : r.column();
            }
            case Expr.Unary u when u.op() == Expr.UnaryOp.PLUS -> column(u.operand());
            case Expr.Cast c -> column(c.expr());
            default -> null;
        };
    }

    private void unary(Expr.Unary u, int target) {
        switch (u.op()) {
            case NEGATE -> {
                if (u.operand() instanceof Expr.Literal l
                        && (l.kind() == Expr.LiteralKind.INTEGER || l.kind() == Expr.LiteralKind.FLOAT)) {
                    literal(l, true, target);
                } else {
                    b.emit(Op.NEGATE, compile(u.operand()), target, 0);
                }
            }
            case PLUS -> compileInto(u.operand(), target);
            case BITNOT -> b.emit(Op.BIT_NOT, compile(u.operand()), target, 0);
            case NOT -> b.emit(Op.NOT, compile(u.operand()), target, 0);
        }
    }

    private void binary(Expr.Binary e, int target) {
        int op = switch (e.op()) {
            case ADD -> Op.ADD;
            case SUBTRACT -> Op.SUBTRACT;
            case MULTIPLY -> Op.MULTIPLY;
            case DIVIDE -> Op.DIVIDE;
            case REMAINDER -> Op.REMAINDER;
            case CONCAT -> Op.CONCAT;
            case BITAND -> Op.BIT_AND;
            case BITOR -> Op.BIT_OR;
            case LSHIFT -> Op.SHIFT_LEFT;
            case RSHIFT -> Op.SHIFT_RIGHT;
            case AND -> Op.AND;
            case OR -> Op.OR;
            case EQ, NE, LT, LE, GT, GE, IS, IS_NOT -> Op.COMPARE;
            case ARROW, ARROW2 -> -1;
        };
        if (op < 0) {
            callScalar(e.op().sql(), List.of(e.left(), e.right()), target);
            return;
        }
        if (op == Op.COMPARE && (RowValues.isRow(e.left()) || RowValues.isRow(e.right()))) {
            new RowValues(this, b).compare(e.left(), compareOp(e.op()), e.right(), target);
            return;
        }
        int left = op == Op.COMPARE ? operand(e.left()) : compile(e.left());
        int right = op == Op.COMPARE ? operand(e.right()) : compile(e.right());
        if (op == Op.COMPARE) {
            b.emit(Op.COMPARE, left, right, target, comparison(compareOp(e.op()), e.left(), e.right()), 0);
        } else {
            b.emit(op, left, right, target);
        }
    }

    private static CompareOp compareOp(Expr.BinaryOp op) {
        return switch (op) {
            case EQ -> CompareOp.EQ;
            case NE -> CompareOp.NE;
            case LT -> CompareOp.LT;
            case LE -> CompareOp.LE;
            case GT -> CompareOp.GT;
            case GE -> CompareOp.GE;
            case IS -> CompareOp.IS;
            case IS_NOT -> CompareOp.IS_NOT;
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    /** Affinity and collating sequence of {@code left op right} (datatype3.html §4.2 and §7.1). */
    Comparison comparison(CompareOp op, Expr left, Expr right) {
        Affinity affinity = Affinity.forComparison(affinity(left), affinity(right));
        return new Comparison(op, affinity, collation(left, right));
    }

    /** An expression's affinity: a column's, a CAST's type, else none. */
    Affinity affinity(Expr e) {
        return switch (e) {
            case Expr.Cast c -> Affinity.ofDeclaredType(c.type().text());
            case Expr.Collate c -> affinity(c.expr());
            case Expr.Subquery s -> subqueryAffinity(s.select());
            case Expr.ColumnRef c -> {
                Resolved r = resolve(c);
                yield r == null ? triggerRowAffinity(c) : r.index() == ColumnKey.ROWID ? Affinity.INTEGER
                        : r.column().affinity();
            }
            default -> Affinity.NONE;
        };
    }

    /**
     * The explicit COLLATE of the left operand, else of the right, else the
     * collation of the left operand's column, else of the right's, else BINARY.
     */
    Collation collation(Expr left, Expr right) {
        Name explicit = explicitCollation(left);
        if (explicit == null) {
            explicit = explicitCollation(right);
        }
        if (explicit != null) {
            return functions.collation(explicit.value());
        }
        Column column = column(left);
        if (column == null) {
            column = column(right);
        }
        return column == null ? binary : functions.collation(column.collation());
    }

    /** The collating sequence {@code e} sorts by: its explicit COLLATE, else its column's, else BINARY. */
    Collation sortCollation(Expr e) {
        return collation(e, e);
    }

    /**
     * The COLLATE written in {@code e}, found as SQLite finds it: an
     * operator or function takes the one of its first operand (left to
     * right) that contains one; subqueries keep theirs to themselves.
     */
    private static Name explicitCollation(Expr e) {
        return switch (e) {
            case null -> null;
            case Expr.Collate c -> c.collation();
            case Expr.Unary u -> explicitCollation(u.operand());
            case Expr.Cast c -> explicitCollation(c.expr());
            case Expr.IsNull n -> explicitCollation(n.expr());
            case Expr.Binary b -> firstExplicitCollation(java.util.Arrays.asList(b.left(), b.right()));
            case Expr.Like l -> firstExplicitCollation(java.util.Arrays.asList(l.pattern(), l.left(), l.escape()));
            case Expr.Between b -> firstExplicitCollation(List.of(b.expr(), b.low(), b.high()));
            case Expr.InList in -> {
                Name n = explicitCollation(in.expr());
                yield n != null ? n : firstExplicitCollation(in.values());
            }
            case Expr.FunctionCall f -> firstExplicitCollation(f.args());
            case Expr.RowValue r -> firstExplicitCollation(r.values());
            case Expr.Case c -> {
                List<Expr> parts = new java.util.ArrayList<>();
                parts.add(c.operand());
                for (Expr.WhenThen w : c.whens()) {
                    parts.add(w.when());
                    parts.add(w.then());
                }
                parts.add(c.elseExpr());
                yield firstExplicitCollation(parts);
            }
            default -> null;
        };
    }

    private static Name firstExplicitCollation(List<Expr> operands) {
        for (Expr o : operands) {
            Name n = explicitCollation(o);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    /** {@code x LIKE p ESCAPE e} is like(p, x, e), as in SQLite; NOT negates the result. */
    private void like(Expr.Like l, int target) {
        String name = l.op().name().toLowerCase(java.util.Locale.ROOT);
        List<Expr> args = l.escape() == null ? List.of(l.pattern(), l.left()) : List.of(l.pattern(), l.left(), l.escape());
        if (!functions.exists(name)) {
            throw new TursoException(ResultCode.ERROR, "no such function: " + l.op().name());
        }
        callScalar(name, args, target);
        if (l.not()) {
            b.emit(Op.NOT, target, target, 0);
        }
    }

    /** {@code x BETWEEN lo AND hi} is {@code x >= lo AND x <= hi} with x evaluated once. */
    private void between(Expr.Between e, int target) {
        int ge = b.newRegister();
        int le = b.newRegister();
        if (RowValues.isRow(e.expr()) || RowValues.isRow(e.low()) || RowValues.isRow(e.high())) {
            RowValues rows = new RowValues(this, b);
            rows.compare(e.expr(), CompareOp.GE, e.low(), ge);
            rows.compare(e.expr(), CompareOp.LE, e.high(), le);
        } else {
            int x = operand(e.expr());
            int lo = operand(e.low());
            int hi = operand(e.high());
            b.emit(Op.COMPARE, x, lo, ge, comparison(CompareOp.GE, e.expr(), e.low()), 0);
            b.emit(Op.COMPARE, x, hi, le, comparison(CompareOp.LE, e.expr(), e.high()), 0);
        }
        b.emit(Op.AND, ge, le, target);
        if (e.not()) {
            b.emit(Op.NOT, target, target, 0);
        }
    }

    /**
     * {@code x IN (v1, v2...)}: 1 if x equals a value; else NULL if x or a
     * value is NULL; else 0. An empty list gives 0 whatever x is. The values
     * are compared as {@code x = +v}: only x's affinity counts.
     */
    private void inList(Expr.InList e, int target) {
        if (RowValues.isRow(e.expr()) && !e.values().isEmpty()) {
            new RowValues(this, b).inList(e, target);
            return;
        }
        if (e.values().isEmpty()) {
            b.emit(Op.INTEGER, e.not() ? 1 : 0, target, 0);
            return;
        }
        int x = compile(e.expr());
        int sawNull = b.newRegister();
        int isNull = b.newLabel();
        int found = b.newLabel();
        int end = b.newLabel();
        b.emit(Op.INTEGER, 0, sawNull, 0);
        b.emit(Op.IS_NULL, x, isNull, 0);
        Comparison eq = new Comparison(CompareOp.EQ, Affinity.forComparison(affinity(e.expr()), Affinity.NONE),
                collation(e.expr(), e.expr()));
        int cmp = b.newRegister();
        for (Expr value : e.values()) {
            int v = operand(value);
            b.emit(Op.COMPARE, x, v, cmp, eq, 0);
            foundOrNull(cmp, found, sawNull);
        }
        b.emit(Op.IF, sawNull, isNull, 0);
        inResult(e.not(), found, isNull, end, target);
    }

    /** One comparison of IN: to {@code found} if {@code cmp} is true; a NULL one sets {@code sawNull}. */
    void foundOrNull(int cmp, int found, int sawNull) {
        b.emit(Op.IF, cmp, found, 0);
        int next = b.newLabel();
        b.emit(Op.NOT_NULL, cmp, next, 0);
        b.emit(Op.INTEGER, 1, sawNull, 0);
        b.resolve(next);
    }

    /**
     * The end of IN: falls in here when x was not found (0, or 1 for NOT IN);
     * label {@code found} gives 1 (0), label {@code isNull} gives NULL.
     */
    void inResult(boolean not, int found, int isNull, int end, int target) {
        b.emit(Op.INTEGER, not ? 1 : 0, target, 0);
        b.emit(Op.GOTO, 0, end, 0);
        b.resolve(found);
        b.emit(Op.INTEGER, not ? 0 : 1, target, 0);
        b.emit(Op.GOTO, 0, end, 0);
        b.resolve(isNull);
        b.emit(Op.NULL, 0, target, 0);
        b.resolve(end);
    }

    /** Runs {@code select} inside this program, each row going to {@code sink}; returns its column count. */
    int subquery(turso.parser.ast.Select select, RowSink sink, int done) {
        if (schema == null) {
            throw Unsupported.feature("subqueries here");
        }
        List<Column> columns = SelectCompiler.generateInto(b, functions, select, sql, schema, sink, done, this);
        subqueryAffinities.put(select, columns.isEmpty() ? Affinity.NONE : columns.getFirst().affinity());
        return columns.size();
    }

    /**
     * The affinity of the first result column of a subquery compiled here
     * (SQLite compares with a subquery's value as with that column), NONE
     * before it is compiled.
     */
    private Affinity subqueryAffinity(turso.parser.ast.Select select) {
        return subqueryAffinities.getOrDefault(select, Affinity.NONE);
    }

    /** (SELECT ...): its first row's value, or NULL when it has none. */
    private void scalarSubquery(Expr.Subquery e, int target) {
        int value = b.newRegister();
        onceUnlessCorrelated(() -> {
            int end = b.newLabel();
            b.emit(Op.NULL, 0, value, 0);
            int width = subquery(e.select(), (first, count) -> {
                b.emit(Op.COPY, first, value, 0);
                b.emit(Op.GOTO, 0, end, 0);
            }, end);
            if (width != 1) {
                throw new TursoException(ResultCode.ERROR, "sub-select returns " + width + " columns - expected 1");
            }
            b.resolve(end);
        });
        b.emit(Op.COPY, value, target, 0);
    }

    /** EXISTS (SELECT ...): 1 as soon as a row comes, else 0. */
    private void exists(Expr.Exists e, int target) {
        int value = b.newRegister();
        onceUnlessCorrelated(() -> {
            int end = b.newLabel();
            b.emit(Op.INTEGER, 0, value, 0);
            subquery(e.select(), (first, count) -> {
                b.emit(Op.INTEGER, 1, value, 0);
                b.emit(Op.GOTO, 0, end, 0);
            }, end);
            b.resolve(end);
        });
        b.emit(Op.COPY, value, target, 0);
    }

    /** Makes subqueries compiled from now on (if {@code on}) run each time they are reached. */
    void subqueriesEachTime(boolean on) {
        subqueriesEachTime = on;
    }

    /**
     * Emits {@code body} (code running subqueries) so that it runs once per
     * run of the statement when those subqueries read nothing of this query
     * or one around it, as SQLite evaluates an uncorrelated subquery once;
     * each time it is reached otherwise.
     */
    void onceUnlessCorrelated(Runnable body) {
        if (subqueriesEachTime) {
            body.run();
            return;
        }
        int done = b.newLabel();
        int once = b.emit(Op.ONCE, 0, done, 0);
        int lookups = innerLookups;
        body.run();
        b.resolve(done);
        if (innerLookups != lookups) {
            b.setJump(once, once + 1);
        }
    }

    /**
     * {@code x IN (SELECT ...)}, with IN's three-valued rules: 1 if a row
     * equals x, else NULL if x or a compared value is NULL, else 0; no rows
     * give 0. The rows are gathered into a sorted set (with the comparison's
     * affinity applied, so that plain comparisons under its collation decide)
     * and x is looked up there; once per run when the subquery reads nothing
     * of the enclosing query, else each time.
     */
    private void inSelect(Expr.InSelect e, int target) {
        if (RowValues.isRow(e.expr())) {
            new RowValues(this, b).inSelect(e, target);
            return;
        }
        int x = compile(e.expr());
        int any = b.newRegister();
        int sawNull = b.newRegister();
        int value = b.newRegister();
        int set = b.newCursor();
        int found = b.newLabel();
        int isNull = b.newLabel();
        int end = b.newLabel();
        Affinity affinity = Affinity.forComparison(affinity(e.expr()), Affinity.NONE);
        Affinity[] applied = {affinity};
        Collation collation = collation(e.expr(), e.expr());
        onceUnlessCorrelated(() -> {
            b.emit(Op.INTEGER, 0, any, 0);
            b.emit(Op.INTEGER, 0, sawNull, 0);
            b.emit(Op.SORTER_OPEN, set, 0, 0, new SortOrder(new Collation[] {collation}, new boolean[1],
                    new boolean[1]), 0);
            int filled = b.newLabel();
            int width = subquery(e.select(), (first, count) -> {
                int next = b.newLabel();
                b.emit(Op.INTEGER, 1, any, 0);
                b.emit(Op.COPY, first, value, 0);
                b.emit(Op.AFFINITY, value, 1, 0, applied, 0);
                int notNull = b.newLabel();
                b.emit(Op.NOT_NULL, value, notNull, 0);
                b.emit(Op.INTEGER, 1, sawNull, 0);
                b.emit(Op.GOTO, 0, next, 0);
                b.resolve(notNull);
                b.emit(Op.SORTER_INSERT, set, value, 1);
                b.resolve(next);
            }, filled);
            if (width != 1) {
                throw new TursoException(ResultCode.ERROR, "sub-select returns " + width + " columns - expected 1");
            }
            // the comparison's affinity also takes the subquery column's, known now (the code above reads the array)
            applied[0] = Affinity.forComparison(affinity(e.expr()), subqueryAffinity(e.select()));
            b.resolve(filled);
            int sorted = b.newLabel();
            b.emit(Op.SORTER_SORT, set, sorted, 0);
            b.resolve(sorted);
        });
        int zero = b.newLabel();
        b.emit(Op.IF_NOT, any, zero, 0);
        b.emit(Op.IS_NULL, x, isNull, 0);
        b.emit(Op.COPY, x, value, 0);
        b.emit(Op.AFFINITY, value, 1, 0, applied, 0);
        b.emit(Op.SORTER_FOUND, set, found, value);
        b.emit(Op.IF, sawNull, isNull, 0);
        b.resolve(zero);
        inResult(e.not(), found, isNull, end, target);
    }

    private void isNull(Expr.IsNull e, int target) {
        int x = compile(e.expr());
        int end = b.newLabel();
        b.emit(Op.INTEGER, e.not() ? 0 : 1, target, 0);
        b.emit(Op.IS_NULL, x, end, 0);
        b.emit(Op.INTEGER, e.not() ? 1 : 0, target, 0);
        b.resolve(end);
    }

    private void call(Expr.FunctionCall f, int target) {
        String name = f.name().value();
        if (f.over() != null) {
            throw new TursoException(ResultCode.ERROR, "misuse of window function " + name + "()");
        }
        if (f.filter() != null || !f.orderBy().isEmpty()) {
            resolveAggregate(f);
        }
        if (!functions.exists(name)) {
            WindowCompiler.checkCallWithoutOver(f);
        }
        if (f.star()) {
            SqlFunction fn = resolve(name, 0, f);
            if (fn instanceof AggregateFunction<?>) {
                resolveAggregate(f);
            }
            callScalar(fn, List.of(), target);
            return;
        }
        List<Expr> args = f.args();
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "iif" -> {
                if (args.size() == 3) {
                    conditional(args.get(0), args.get(1), args.get(2), target);
                    return;
                }
            }
            case "coalesce", "ifnull" -> {
                if (args.size() >= 2 && (args.size() == 2 || name.equalsIgnoreCase("coalesce"))) {
                    coalesce(args, target);
                    return;
                }
            }
            default -> { }
        }
        SqlFunction fn = resolve(name, args.size(), f);
        if (fn instanceof AggregateFunction<?>) {
            resolveAggregate(f);
        }
        callScalar(fn, args, target);
    }

    /**
     * An aggregate call where its result is not available (inside another
     * aggregate's arguments or FILTER, in WHERE), or FILTER / ORDER BY on a
     * call of a function that is not an aggregate: SQLite's errors.
     */
    private void resolveAggregate(Expr.FunctionCall f) {
        resolve(f.name().value(), f.star() ? 0 : f.args().size(), f);
        if (!(functions.find(f.name().value(), f.star() ? 0 : f.args().size()).orElse(null)
                instanceof AggregateFunction<?>)) {
            throw new TursoException(ResultCode.ERROR, (f.filter() != null ? "FILTER" : "ORDER BY")
                    + " may not be used with non-aggregate " + f.name().value() + "()", f.span().start(), null);
        }
        throw new TursoException(ResultCode.ERROR, "misuse of aggregate function " + f.name().value() + "()",
                f.span().start(), null);
    }

    /**
     * Evaluates the arguments of aggregate call {@code f}, then its FILTER
     * condition if it has one, then its ORDER BY keys, into consecutive
     * registers; returns the first.
     */
    int aggregateArguments(Expr.FunctionCall f) {
        int first = b.newRegisters(aggregateValues(f));
        aggregateArgumentsInto(f, first);
        return first;
    }

    /** As {@link #aggregateArguments}, into the registers from {@code first} on. */
    void aggregateArgumentsInto(Expr.FunctionCall f, int first) {
        int at = first;
        for (Expr arg : f.args()) {
            compileInto(arg, at++);
        }
        if (f.filter() != null) {
            compileInto(f.filter(), at++);
        }
        for (turso.parser.ast.OrderingTerm term : f.orderBy()) {
            compileInto(term.expr(), at++);
        }
    }

    /** How many registers aggregateArguments fills for {@code f}: its arguments, its FILTER, its ORDER BY keys. */
    static int aggregateValues(Expr.FunctionCall f) {
        return f.args().size() + (f.filter() != null ? 1 : 0) + f.orderBy().size();
    }

    /** The aggregate function {@code f} calls. */
    AggregateFunction<?> aggregateFunction(Expr.FunctionCall f) {
        return (AggregateFunction<?>) collated(resolve(f.name().value(), f.star() ? 0 : f.args().size(), f), f.args());
    }

    /**
     * {@code fn} bound to the collation it compares under when it is one
     * that compares (min, max): as SQLite, that of the first argument that
     * has one, an explicit COLLATE or a column's (BINARY when it declares
     * none); BINARY when no argument has one.
     */
    private SqlFunction collated(SqlFunction fn, List<Expr> args) {
        if (!(fn instanceof Collated c)) {
            return fn;
        }
        for (Expr a : args) {
            Name explicit = explicitCollation(a);
            if (explicit != null) {
                return c.withCollation(functions.collation(explicit.value()));
            }
            Column column = column(a);
            if (column != null) {
                return c.withCollation(functions.collation(column.collation()));
            }
        }
        return fn;
    }

    /** The function, or SQLite's error for the call pointing at it. */
    private SqlFunction resolve(String name, int arity, Expr call) {
        try {
            return functions.resolve(name, arity);
        } catch (TursoException e) {
            throw new TursoException(e.resultCode(), e.getMessage(), call.span().start(), null);
        }
    }

    private void callScalar(String name, List<Expr> args, int target) {
        callScalar(functions.resolve(name, args.size()), args, target);
    }

    private void callScalar(SqlFunction fn, List<Expr> args, int target) {
        fn = collated(fn, args);
        int first = b.newRegisters(args.size());
        for (int i = 0; i < args.size(); i++) {
            compileInto(args.get(i), first + i);
        }
        b.emit(Op.FUNCTION, first, args.size(), target, new FunctionCall((ScalarFunction) fn), 0);
    }

    /** iif(c, a, b): only the chosen branch is evaluated. */
    private void conditional(Expr condition, Expr then, Expr otherwise, int target) {
        int otherBranch = b.newLabel();
        int end = b.newLabel();
        b.emit(Op.IF_NOT, compile(condition), otherBranch, 1);
        compileInto(then, target);
        b.emit(Op.GOTO, 0, end, 0);
        b.resolve(otherBranch);
        compileInto(otherwise, target);
        b.resolve(end);
    }

    /** coalesce(a, b, ...): the first argument that is not NULL; later ones are not evaluated. */
    private void coalesce(List<Expr> args, int target) {
        int end = b.newLabel();
        for (int i = 0; i < args.size(); i++) {
            compileInto(args.get(i), target);
            if (i < args.size() - 1) {
                b.emit(Op.NOT_NULL, target, end, 0);
            }
        }
        b.resolve(end);
    }

    private void caseExpr(Expr.Case c, int target) {
        int end = b.newLabel();
        if (c.operand() != null && RowValues.width(c.operand()) == 1) {
            for (Expr.WhenThen wt : c.whens()) {
                if (wt.when() instanceof Expr.Subquery && RowValues.width(wt.when()) > 1) {
                    throw new TursoException(ResultCode.ERROR,
                            "sub-select returns " + RowValues.width(wt.when()) + " columns - expected 1");
                }
            }
        } else if (c.operand() != null) {
            int test = b.newRegister();
            new RowValues(this, b).caseWhens(c, test, wt -> whenBranch(test, wt.then(), target, end));
            elseBranch(c, target);
            b.resolve(end);
            return;
        }
        int operand = c.operand() == null ? 0 : compile(c.operand());
        int test = b.newRegister();
        for (Expr.WhenThen wt : c.whens()) {
            if (c.operand() == null) {
                compileInto(wt.when(), test);
            } else {
                int when = compile(wt.when());
                b.emit(Op.COMPARE, operand, when, test, comparison(CompareOp.EQ, c.operand(), wt.when()), 0);
            }
            whenBranch(test, wt.then(), target, end);
        }
        elseBranch(c, target);
        b.resolve(end);
    }

    /** A CASE's THEN: taken when {@code test} holds, its value into {@code target}, then on to {@code end}. */
    private void whenBranch(int test, Expr then, int target, int end) {
        int next = b.newLabel();
        b.emit(Op.IF_NOT, test, next, 1);
        compileInto(then, target);
        b.emit(Op.GOTO, 0, end, 0);
        b.resolve(next);
    }

    private void elseBranch(Expr.Case c, int target) {
        if (c.elseExpr() == null) {
            b.emit(Op.NULL, 0, target, 0);
        } else {
            compileInto(c.elseExpr(), target);
        }
    }
}
