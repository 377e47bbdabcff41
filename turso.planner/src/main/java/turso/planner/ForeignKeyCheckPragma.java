/*
 * PRAGMA foreign_key_check [(table)]: one row (table, rowid, parent, fkid)
 * per child row whose key has no parent row, for each foreign key in turn,
 * row by row as SQLite reports them (when no table is named, tables in the
 * order SQLite's table hash lists them: TableHashOrder). A key with a NULL column is no violation; when the parent table
 * does not exist, every other key is one. Compiled as a query: each key's
 * violations are the child rows for which NOT EXISTS finds the parent, with
 * the parent column's affinity applied to the child value as a lookup
 * applies it.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.SqlParser;
import turso.parser.ast.Expr;
import turso.parser.ast.Stmt;
import turso.vm.FunctionRegistry;
import turso.vm.Program;

final class ForeignKeyCheckPragma {
    private ForeignKeyCheckPragma() {
    }

    static boolean is(Stmt.Pragma pragma) {
        return pragma.name().name().value().equalsIgnoreCase("foreign_key_check");
    }

    static Program compile(Stmt.Pragma pragma, Schema schema, FunctionRegistry functions) {
        if (pragma.name().schema() != null && !pragma.name().schema().is("main")) {
            throw new TursoException(ResultCode.ERROR, "unknown database " + pragma.name().schema().value());
        }
        ForeignKeys keys = schema.foreignKeys();
        List<String> tables;
        if (pragma.value() != null) {
            String name = switch (pragma.value()) {
                case Expr.ColumnRef c -> c.column().value();
                case Expr.Literal l -> l.text();
                default -> throw new TursoException(ResultCode.ERROR, "syntax error in PRAGMA value");
            };
            Table table = schema.table(name);
            if (table == null) {
                throw new TursoException(ResultCode.ERROR, "no such table: " + name);
            }
            tables = List.of(table.name());
        } else {
            List<String> hashed = new ArrayList<>(List.of("sqlite_master"));
            hashed.addAll(schema.tableAndViewNames());
            List<String> children = keys.childTables();
            tables = TableHashOrder.of(hashed).stream()
                    .flatMap(name -> children.stream().filter(c -> c.equalsIgnoreCase(name))).toList();
        }
        List<String> queries = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            for (ForeignKeys.Key key : keys.of(tables.get(t))) {
                queries.add(violations(schema, key, t));
            }
        }
        String text = "SELECT t AS \"table\", r AS rowid, p AS parent, f AS fkid FROM ("
                + (queries.isEmpty() ? "SELECT 0 AS o, NULL AS t, NULL AS r, NULL AS p, NULL AS f WHERE 0"
                        : String.join(" UNION ALL ", queries))
                + ") ORDER BY o, r, f";
        Stmt.SelectStmt select = (Stmt.SelectStmt) SqlParser.parseOne(text);
        return SelectCompiler.compile(select.select(), text, schema, functions);
    }

    /** Whether table {@code name} is WITHOUT ROWID (its rows are reported with a NULL rowid). */
    private static boolean withoutRowid(Schema schema, String name) {
        Table table = schema.table(name);
        return table != null && table.withoutRowid();
    }

    /** The rows of child table {@code key.child()} (the {@code order}-th reported) that break {@code key}. */
    private static String violations(Schema schema, ForeignKeys.Key key, int order) {
        String child = ForeignKeys.quote(key.child());
        StringBuilder sql = new StringBuilder("SELECT ").append(order).append(" AS o, ").append(literal(key.child()))
                .append(" AS t, ").append(withoutRowid(schema, key.child()) ? "NULL" : child + ".rowid")
                .append(" AS r, ").append(literal(key.parent()))
                .append(" AS p, ").append(key.id()).append(" AS f FROM ").append(child).append(" WHERE ");
        for (String column : key.childColumns()) {
            sql.append(child).append('.').append(ForeignKeys.quote(column)).append(" IS NOT NULL AND ");
        }
        if (schema.table(key.parent()) == null) {
            return sql.append("1").toString();
        }
        ForeignKeys.ParentKey parentKey = ForeignKeys.parentKey(schema, key);
        String parent = ForeignKeys.quote(parentKey.table().name());
        sql.append("NOT EXISTS (SELECT 1 FROM ").append(parent).append(" AS fk_parent WHERE ");
        for (int k = 0; k < key.childColumns().size(); k++) {
            sql.append(k == 0 ? "" : " AND ").append("fk_parent.").append(ForeignKeys.quote(parentKey.columns().get(k)))
                    .append(" = +").append(child).append('.').append(ForeignKeys.quote(key.childColumns().get(k)));
        }
        return sql.append(")").toString();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
