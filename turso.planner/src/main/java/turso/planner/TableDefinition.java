/*
 * Turns a CREATE TABLE statement into a Table: the column affinities of
 * datatype3.html §3.1, the rowid alias rule (a column declared exactly
 * INTEGER that is the table's only PRIMARY KEY column, not DESC), and the
 * constraints this engine can enforce so far. A table using a constraint it
 * cannot enforce yet is refused when created, rather than left unchecked; one
 * read from an existing database is readable, and its writes are refused.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.ColumnConstraint;
import turso.parser.ast.ColumnDef;
import turso.parser.ast.Expr;
import turso.parser.ast.OrderingTerm;
import turso.parser.ast.Stmt;
import turso.parser.ast.TableConstraint;
import turso.vm.Affinity;

final class TableDefinition {
    private TableDefinition() {
    }

    /** The table a CREATE TABLE statement defines; Unsupported if it needs what cannot be enforced yet. */
    static Table of(Stmt.CreateTable create, int rootPage) {
        Table table = read(create, rootPage);
        if (table.writeBlocker() != null) {
            throw Unsupported.feature(table.writeBlocker());
        }
        return table;
    }

    /**
     * The table a stored CREATE TABLE statement defines, readable even when
     * writing it needs features not supported yet (then blocked for writes).
     */
    static Table read(Stmt.CreateTable create, int rootPage) {
        if (create.asSelect() != null) {
            throw Unsupported.feature("CREATE TABLE ... AS SELECT");
        }
        if (create.withoutRowid()) {
            throw Unsupported.feature("WITHOUT ROWID tables");
        }
        if (create.strict()) {
            throw Unsupported.feature("STRICT tables");
        }
        List<Column> columns = new ArrayList<>();
        List<Integer> primaryKey = new ArrayList<>();
        boolean descendingKey = false;
        String blocker = null;
        for (ColumnDef def : create.columns()) {
            String type = def.type() == null ? "" : def.type().text();
            String collation = "BINARY";
            boolean notNull = false;
            Expr defaultValue = null;
            for (ColumnConstraint c : def.constraints()) {
                switch (c) {
                    case ColumnConstraint.PrimaryKey pk -> {
                        primaryKey.add(columns.size());
                        descendingKey = pk.order() == OrderingTerm.SortOrder.DESC;
                    }
                    case ColumnConstraint.NotNull n -> notNull = true;
                    case ColumnConstraint.Nullable n -> { }
                    case ColumnConstraint.Default d -> defaultValue = d.value();
                    case ColumnConstraint.Collate co -> collation = co.collation().value();
                    case ColumnConstraint.References r -> { }
                    case ColumnConstraint.Deferrable d -> { }
                    case ColumnConstraint.Unique u -> blocker = "UNIQUE constraints";
                    case ColumnConstraint.Check ch -> blocker = "CHECK constraints";
                    case ColumnConstraint.Generated g -> throw Unsupported.feature("generated columns");
                }
            }
            for (Column existing : columns) {
                if (existing.name().equalsIgnoreCase(def.name().value())) {
                    throw new TursoException(ResultCode.ERROR, "duplicate column name: " + def.name().value());
                }
            }
            columns.add(new Column(def.name().value(), type, Affinity.ofDeclaredType(type), collation, notNull,
                    defaultValue));
        }
        for (TableConstraint c : create.constraints()) {
            switch (c) {
                case TableConstraint.PrimaryKey pk -> {
                    if (!primaryKey.isEmpty()) {
                        throw new TursoException(ResultCode.ERROR,
                                "table \"" + create.name().name().value() + "\" has more than one primary key");
                    }
                    for (OrderingTerm term : pk.columns()) {
                        int index = term.expr() instanceof Expr.ColumnRef ref && ref.table() == null
                                ? indexOf(columns, ref.column().value()) : -1;
                        if (index < 0) {
                            throw Unsupported.feature("PRIMARY KEY on expressions");
                        }
                        primaryKey.add(index);
                        descendingKey = term.order() == OrderingTerm.SortOrder.DESC;
                    }
                }
                case TableConstraint.ForeignKeyConstraint fk -> { }
                case TableConstraint.Unique u -> blocker = "UNIQUE constraints";
                case TableConstraint.Check ch -> blocker = "CHECK constraints";
            }
        }
        int rowidAlias = -1;
        if (primaryKey.size() == 1 && columns.get(primaryKey.getFirst()).declaredType().equalsIgnoreCase("INTEGER")
                && !descendingKey) {
            rowidAlias = primaryKey.getFirst();
        } else if (!primaryKey.isEmpty()) {
            blocker = "a PRIMARY KEY other than INTEGER PRIMARY KEY";
        }
        return new Table(create.name().name().value(), rootPage, columns, rowidAlias, blocker);
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
