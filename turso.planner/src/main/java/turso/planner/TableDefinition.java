/*
 * Turns a CREATE TABLE statement into a Table: the column affinities of
 * datatype3.html §3.1, the rowid alias rule (a column declared exactly
 * INTEGER that is the table's only PRIMARY KEY column, not DESC), the
 * indexes its UNIQUE and PRIMARY KEY constraints imply (sqlite_autoindex_T_N,
 * numbered in the order the constraints appear, one per distinct column list),
 * its CHECK constraints (named as SQLite names them in errors), AUTOINCREMENT
 * (only on an INTEGER PRIMARY KEY), WITHOUT ROWID (a PRIMARY KEY is required, its
 * columns are NOT NULL, no rowid alias, no AUTOINCREMENT), and the constraints
 * this engine can enforce so far. A table using a
 * constraint it cannot enforce yet is refused when created, rather than left
 * unchecked; one read from an existing database is readable, and its writes
 * are refused.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.ColumnConstraint;
import turso.parser.ast.ColumnDef;
import turso.parser.ast.ConflictResolution;
import turso.parser.ast.Expr;
import turso.parser.ast.OrderingTerm;
import turso.parser.ast.Stmt;
import turso.parser.ast.TableConstraint;
import turso.vm.Affinity;

final class TableDefinition {
    private TableDefinition() {
    }

    /** The types a STRICT table's columns may declare (stricttables.html). */
    private static final List<String> STRICT_TYPES = List.of("INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY");

    /** A STRICT table's column type, upper-cased as SQLite keeps it, or SQLite's error for one it refuses. */
    private static String strictType(String table, String column, String declared) {
        if (declared.isEmpty()) {
            throw new TursoException(ResultCode.ERROR, "missing datatype for " + table + "." + column);
        }
        String type = declared.toUpperCase(java.util.Locale.ROOT);
        if (!STRICT_TYPES.contains(type)) {
            throw new TursoException(ResultCode.ERROR, "unknown datatype for " + table + "." + column + ": \""
                    + declared + "\"");
        }
        return type;
    }

    /** The table a CREATE TABLE statement defines; Unsupported if it needs what cannot be enforced yet. */
    static Table of(Stmt.CreateTable create, String sql, int rootPage) {
        Table table = read(create, sql, rootPage);
        if (table.writeBlocker() != null) {
            throw Unsupported.feature(table.writeBlocker());
        }
        return table;
    }

    /**
     * The table a stored CREATE TABLE statement defines, readable even when
     * writing it needs features not supported yet (then blocked for writes).
     */
    static Table read(Stmt.CreateTable create, String sql, int rootPage) {
        if (create.asSelect() != null) {
            throw Unsupported.feature("CREATE TABLE ... AS SELECT");
        }
        List<Column> columns = new ArrayList<>();
        List<Integer> primaryKey = new ArrayList<>();
        /** UNIQUE and PRIMARY KEY constraints in the order they appear: their terms, and which is the primary key. */
        List<KeyConstraint> keys = new ArrayList<>();
        boolean descendingKey = false;
        boolean autoincrement = false;
        List<Table.Check> checks = new ArrayList<>();
        String blocker = null;
        for (ColumnDef def : create.columns()) {
            String type = def.type() == null ? "" : def.type().text();
            String collation = "BINARY";
            boolean notNull = false;
            ConflictResolution notNullConflict = null;
            Expr defaultValue = null;
            Column.Generated generated = null;
            turso.parser.ast.Name constraintName = null;
            for (ColumnConstraint c : def.constraints()) {
                if (c.name() != null) {
                    constraintName = c.name();
                }
                switch (c) {
                    case ColumnConstraint.PrimaryKey pk -> {
                        if (!primaryKey.isEmpty()) {
                            throw new TursoException(ResultCode.ERROR,
                                    "table \"" + create.name().name().value() + "\" has more than one primary key");
                        }
                        primaryKey.add(columns.size());
                        descendingKey = pk.order() == OrderingTerm.SortOrder.DESC;
                        autoincrement = pk.autoincrement();
                        keys.add(new KeyConstraint(List.of(columnPart(def, pk.order())), true, pk.conflict()));
                    }
                    case ColumnConstraint.NotNull n -> {
                        notNull = true;
                        notNullConflict = n.conflict();
                    }
                    case ColumnConstraint.Nullable n -> { }
                    case ColumnConstraint.Default d -> defaultValue = d.value();
                    case ColumnConstraint.Collate co -> collation = co.collation().value();
                    case ColumnConstraint.References r -> { }
                    case ColumnConstraint.Deferrable d -> { }
                    case ColumnConstraint.Unique u ->
                            keys.add(new KeyConstraint(List.of(columnPart(def, null)), false, u.conflict()));
                    case ColumnConstraint.Check ch -> checks.add(check(constraintName, ch.expr(), sql));
                    case ColumnConstraint.Generated g -> generated = new Column.Generated(g.expr(), g.stored());
                }
            }
            if (generated != null && defaultValue != null) {
                throw new TursoException(ResultCode.ERROR, "error in generated column \"" + def.name().value() + "\"");
            }
            for (Column existing : columns) {
                if (existing.name().equalsIgnoreCase(def.name().value())) {
                    throw new TursoException(ResultCode.ERROR, "duplicate column name: " + def.name().value());
                }
            }
            if (create.strict()) {
                type = strictType(create.name().name().value(), def.name().value(), type);
                columns.add(new Column(def.name().value(), type, type.equals("ANY") ? Affinity.BLOB
                        : Affinity.ofDeclaredType(type), collation, notNull, defaultValue, true, generated,
                        notNullConflict));
            } else {
                columns.add(new Column(def.name().value(), type, Affinity.ofDeclaredType(type), collation, notNull,
                        defaultValue, false, generated, notNullConflict));
            }
        }
        turso.parser.ast.Name constraintName = null;
        for (TableConstraint c : create.constraints()) {
            if (c.name() != null) {
                constraintName = c.name();
            } else if (c instanceof TableConstraint.Check ch && afterComma(sql, ch.expr().span().start())) {
                constraintName = null;
            }
            switch (c) {
                case TableConstraint.PrimaryKey pk -> {
                    if (!primaryKey.isEmpty()) {
                        throw new TursoException(ResultCode.ERROR,
                                "table \"" + create.name().name().value() + "\" has more than one primary key");
                    }
                    for (OrderingTerm term : pk.columns()) {
                        int index = part(term, columns, -1).column();
                        primaryKey.add(index);
                        descendingKey = term.order() == OrderingTerm.SortOrder.DESC;
                    }
                    autoincrement = pk.autoincrement();
                    keys.add(new KeyConstraint(pk.columns(), true, pk.conflict()));
                }
                case TableConstraint.ForeignKeyConstraint fk -> { }
                case TableConstraint.Unique u -> keys.add(new KeyConstraint(u.columns(), false, u.conflict()));
                case TableConstraint.Check ch -> checks.add(check(constraintName, ch.expr(), sql));
            }
        }
        GeneratedColumns.validate(columns, primaryKey);
        int rowidAlias = -1;
        if (primaryKey.size() == 1 && columns.get(primaryKey.getFirst()).declaredType().equalsIgnoreCase("INTEGER")
                && !descendingKey) {
            rowidAlias = primaryKey.getFirst();
        }
        if (autoincrement && rowidAlias < 0) {
            throw new TursoException(ResultCode.ERROR, "AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY");
        }
        String tableName = create.name().name().value();
        if (create.withoutRowid()) {
            if (autoincrement) {
                throw new TursoException(ResultCode.ERROR, "AUTOINCREMENT not allowed on WITHOUT ROWID tables");
            }
            if (primaryKey.isEmpty()) {
                throw new TursoException(ResultCode.ERROR, "PRIMARY KEY missing on table " + tableName);
            }
            rowidAlias = -1;
            for (int k : primaryKey) {
                Column c = columns.get(k);
                columns.set(k, new Column(c.name(), c.declaredType(), c.affinity(), c.collation(), true,
                        c.defaultValue(), c.strict(), c.generated()));
            }
        }
        List<Index> indexes = new ArrayList<>();
        for (KeyConstraint key : keys) {
            if (key.primary() && rowidAlias >= 0) {
                columns.set(rowidAlias, columns.get(rowidAlias).withConflict(key.conflict()));
                continue;
            }
            List<Index.Part> parts = new ArrayList<>();
            for (OrderingTerm term : key.terms()) {
                parts.add(part(term, columns, rowidAlias));
            }
            Index existing = null;
            for (Index i : indexes) {
                if (samePartColumns(i.parts(), parts)) {
                    existing = i;
                }
            }
            if (existing != null && key.primary() && create.withoutRowid()) {
                indexes.set(indexes.indexOf(existing), WithoutRowid.primaryKeyIndex(existing.name(), tableName, rootPage,
                        parts, key.conflict() != null ? key.conflict() : existing.onConflict()));
                continue;
            }
            if (existing != null) {
                if (key.conflict() != null && existing.onConflict() != null && key.conflict() != existing.onConflict()) {
                    throw new TursoException(ResultCode.ERROR, "conflicting ON CONFLICT clauses specified");
                }
                continue;
            }
            if (key.primary() && create.withoutRowid()) {
                indexes.add(WithoutRowid.primaryKeyIndex("sqlite_autoindex_" + tableName + "_" + (indexes.size() + 1),
                        tableName, rootPage, parts, key.conflict()));
                continue;
            }
            indexes.add(new Index("sqlite_autoindex_" + tableName + "_" + (indexes.size() + 1), tableName, 0, parts,
                    true, null, key.primary() ? "pk" : "u", key.conflict()));
        }
        Index primary = create.withoutRowid()
                ? indexes.stream().filter(i -> i.origin().equals("pk")).findFirst().orElseThrow() : null;
        return new Table(tableName, rootPage, columns, rowidAlias, blocker, indexes, checks, autoincrement, 0, primary);
    }

    /**
     * Whether the table CHECK whose expression starts at {@code exprStart}
     * follows a comma. As in SQLite, a CONSTRAINT name also names the
     * constraints that follow it up to the next comma (or, for a column's
     * constraints, up to the column's end).
     */
    private static boolean afterComma(String sql, int exprStart) {
        int i = exprStart - 1;
        while (i >= 0 && Character.isWhitespace(sql.charAt(i))) {
            i--;
        }
        if (i < 0 || sql.charAt(i) != '(') {
            return true;
        }
        i--;
        while (i >= 0 && Character.isWhitespace(sql.charAt(i))) {
            i--;
        }
        if (i < 4 || !sql.regionMatches(true, i - 4, "CHECK", 0, 5)) {
            return true;
        }
        i -= 5;
        while (i >= 0 && Character.isWhitespace(sql.charAt(i))) {
            i--;
        }
        return i < 0 || sql.charAt(i) == ',';
    }

    /** A CHECK constraint, named by its CONSTRAINT name or else by its expression's text in {@code sql}. */
    private static Table.Check check(turso.parser.ast.Name name, Expr expr, String sql) {
        String label = name != null ? name.value()
                : sql.substring(expr.span().start(), Math.min(expr.span().end(), sql.length())).strip();
        return new Table.Check(label, expr);
    }

    /** A UNIQUE or PRIMARY KEY constraint: its column terms, and its conflict clause (null: none). */
    private record KeyConstraint(List<OrderingTerm> terms, boolean primary, ConflictResolution conflict) {
    }

    /** The term of a column constraint: the column itself, in {@code order}. */
    private static OrderingTerm columnPart(ColumnDef def, OrderingTerm.SortOrder order) {
        return new OrderingTerm(new Expr.ColumnRef(null, null, def.name(), def.name().span()), order, null,
                def.name().span());
    }

    /** The key column a constraint's term names: a column, perhaps with COLLATE, perhaps DESC. */
    private static Index.Part part(OrderingTerm term, List<Column> columns, int rowidAlias) {
        Expr e = term.expr();
        String collation = null;
        if (e instanceof Expr.Collate c) {
            collation = c.collation().value();
            e = c.expr();
        }
        int index = e instanceof Expr.ColumnRef ref && ref.table() == null ? indexOf(columns, ref.column().value()) : -1;
        if (index < 0) {
            if (e instanceof Expr.ColumnRef ref && ref.table() == null) {
                throw new TursoException(ResultCode.ERROR, "no such column: " + ref.column().value());
            }
            throw new TursoException(ResultCode.ERROR, "expressions prohibited in PRIMARY KEY and UNIQUE constraints");
        }
        return new Index.Part(index == rowidAlias ? ColumnKey.ROWID : index,
                collation != null ? collation : columns.get(index).collation(),
                term.order() == OrderingTerm.SortOrder.DESC);
    }

    private static boolean samePartColumns(List<Index.Part> a, List<Index.Part> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).column() != b.get(i).column() || !a.get(i).collation().equalsIgnoreCase(b.get(i).collation())) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
