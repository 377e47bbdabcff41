/*
 * The first step SQLite takes in RENAME COLUMN and DROP COLUMN
 * (sqlite_rename_quotefix): in every table, index, view and trigger of the
 * altered table's database and temp, a double-quoted name that resolves to
 * nothing, and so reads as a string, is rewritten as a single-quoted string
 * ("x" becomes 'x'), so that the change cannot make it a name. Tables are looked at in their CHECK
 * constraints and generated columns, indexes in their terms and WHERE (not
 * a term that is such a name alone, which SQLite leaves as it is).
 */
package turso.planner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import turso.parser.SqlParser;
import turso.parser.ast.ColumnConstraint;
import turso.parser.ast.ColumnDef;
import turso.parser.ast.Expr;
import turso.parser.ast.Name;
import turso.parser.ast.OrderingTerm;
import turso.parser.ast.Stmt;
import turso.parser.ast.TableConstraint;

final class QuoteFix {
    private QuoteFix() {
    }

    /** An object whose stored text the fix changes: its database, type, name, tbl_name and new text. */
    record Fixed(int db, String type, String name, String tableName, String sql) {
    }

    /** The objects of databases {@code dbs} whose text the fix changes, by {@link #key}, in schema order. */
    static Map<String, Fixed> texts(Schema connection, List<Integer> dbs) {
        Map<String, Fixed> fixed = new LinkedHashMap<>();
        for (int db : dbs) {
            Schema one = connection.database(db);
            Schema home = connection.confinedTo(db);
            for (Table table : one.tables()) {
                String sql = one.sql(table.name());
                if (sql != null && SqlParser.parseOne(sql) instanceof Stmt.CreateTable create) {
                    put(fixed, db, "table", table.name(), table.name(), sql, inTable(create, table));
                }
                for (Index index : table.indexes()) {
                    String indexSql = one.sql(index.name());
                    if (indexSql != null && SqlParser.parseOne(indexSql) instanceof Stmt.CreateIndex create) {
                        List<Name> strings = new ArrayList<>();
                        for (OrderingTerm term : create.columns()) {
                            if (IndexDefinition.loneString(term.expr(), table) == null) {
                                strings(term.expr(), table, strings);
                            }
                        }
                        strings(create.where(), table, strings);
                        put(fixed, db, "index", index.name(), table.name(), indexSql, strings);
                    }
                }
            }
            for (String view : one.viewNames()) {
                String sql = one.sql(view);
                if (sql != null && SqlParser.parseOne(sql) instanceof Stmt.CreateView create) {
                    put(fixed, db, "view", view, view, sql, ResolvedReferences.strings(create.select(), sql, home));
                }
            }
            for (TriggerDefinition t : one.triggers()) {
                if (SqlParser.parseOne(t.sql()) instanceof Stmt.CreateTrigger create) {
                    put(fixed, db, "trigger", t.name(), t.table(), t.sql(),
                            ResolvedReferences.strings(create, t.sql(), home));
                }
            }
        }
        return fixed;
    }

    /** The key of an object in {@link #texts}. */
    static String key(int db, String type, String name) {
        return db + " " + type + " " + name.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The single-quoted string that replaces the double-quoted name
     * {@code n} of {@code sql}, as SQLite writes it: followed by a space
     * when a quote follows, which would otherwise join the two.
     */
    private static String literal(Name n, String sql) {
        boolean quoteNext = n.span().end() < sql.length() && sql.charAt(n.span().end()) == '\'';
        return "'" + n.value().replace("'", "''") + "'" + (quoteNext ? " " : "");
    }

    private static void put(Map<String, Fixed> fixed, int db, String type, String name, String tableName, String sql,
            List<Name> strings) {
        if (strings.isEmpty()) {
            return;
        }
        StringBuilder s = new StringBuilder(sql);
        strings.stream().sorted(java.util.Comparator.comparingInt((Name n) -> n.span().start()).reversed())
                .distinct().forEach(n -> s.replace(n.span().start(), n.span().end(), literal(n, sql)));
        fixed.put(key(db, type, name), new Fixed(db, type, name, tableName, s.toString()));
    }

    private static List<Name> inTable(Stmt.CreateTable create, Table table) {
        List<Name> strings = new ArrayList<>();
        for (ColumnDef def : create.columns()) {
            for (ColumnConstraint c : def.constraints()) {
                switch (c) {
                    case ColumnConstraint.Check ch -> strings(ch.expr(), table, strings);
                    case ColumnConstraint.Generated g -> strings(g.expr(), table, strings);
                    default -> { }
                }
            }
        }
        for (TableConstraint c : create.constraints()) {
            if (c instanceof TableConstraint.Check ch) {
                strings(ch.expr(), table, strings);
            }
        }
        return strings;
    }

    /** The double-quoted unqualified names in {@code e} that are no column (nor the rowid) of {@code table}. */
    private static void strings(Expr e, Table table, List<Name> out) {
        ExprWalker.walk(e, x -> {
            if (x instanceof Expr.ColumnRef r && r.table() == null && r.column().quote() == Name.Quote.DOUBLE
                    && table.columnIndex(r.column().value()) < 0 && !isRowid(r.column().value(), table)) {
                out.add(r.column());
            }
            return true;
        });
    }

    private static boolean isRowid(String name, Table table) {
        return !table.withoutRowid() && (name.equalsIgnoreCase("rowid") || name.equalsIgnoreCase("oid")
                || name.equalsIgnoreCase("_rowid_"));
    }
}
