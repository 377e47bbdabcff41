/*
 * What PRAGMA table_info, table_xinfo, foreign_key_list and the index
 * pragmas say about a table, read from its stored CREATE TABLE text as
 * SQLite reads it: each column's declared type and DEFAULT text as written,
 * its place in the PRIMARY KEY (the key itself, which orders a WITHOUT
 * ROWID table), whether it is generated; its foreign keys;
 * which column is the rowid (INTEGER PRIMARY KEY, or -1); and the
 * automatic indexes its PRIMARY KEY and UNIQUE constraints imply,
 * named sqlite_autoindex_<table>_<n> in the order SQLite creates them (a
 * constraint on the same columns as an earlier one makes no second index).
 */
package turso.engine;

import java.util.ArrayList;
import java.util.List;
import turso.parser.ast.ColumnConstraint;
import turso.parser.ast.ColumnDef;
import turso.parser.ast.ConflictResolution;
import turso.parser.ast.Expr;
import turso.parser.ast.ForeignKey;
import turso.parser.ast.Name;
import turso.parser.ast.OrderingTerm;
import turso.parser.ast.Stmt;
import turso.parser.ast.TableConstraint;

record TableDescription(String name, List<Col> columns, List<List<ForeignKeyRow>> foreignKeys,
        List<IndexColumns> autoIndexes, List<KeyColumn> primaryKey, boolean withoutRowid, int rowidAlias) {

    /** A column: {@code hidden} is 0, or 2 / 3 for a VIRTUAL / STORED generated column; {@code pk} 1-based or 0. */
    record Col(String name, String type, boolean notNull, String defaultText, int pk, int hidden, String collation) {
    }

    /**
     * One column of a foreign key ({@code foreignKeys} lists each key's
     * columns, the last declared key first, as SQLite numbers them): {@code to}
     * is null when the parent key is implied.
     */
    record ForeignKeyRow(String table, String from, String to, String onUpdate, String onDelete) {
    }

    /** A key column of an index: table column {@code cid} (-2 for an expression), collation as written or null. */
    record KeyColumn(int cid, String collation, boolean desc) {
    }

    /** An index's key: {@code origin} is "c", "u" or "pk". */
    record IndexColumns(String name, List<KeyColumn> columns, String origin, boolean unique, boolean replace,
            boolean partial) {
    }

    /** The description of {@code create}, whose text is {@code sql}. */
    static TableDescription of(Stmt.CreateTable create, String sql) {
        String table = create.name().name().value();
        List<ColumnDef> defs = create.columns();
        List<KeyColumn> primaryKey = new ArrayList<>();
        List<Col> columns = new ArrayList<>();
        for (ColumnDef def : defs) {
            boolean notNull = false;
            String defaultText = null;
            int hidden = 0;
            String collation = null;
            for (ColumnConstraint c : def.constraints()) {
                switch (c) {
                    case ColumnConstraint.NotNull n -> notNull = true;
                    case ColumnConstraint.Default d -> defaultText = defaultText(sql, d.value());
                    case ColumnConstraint.Generated g -> hidden = g.stored() ? 3 : 2;
                    case ColumnConstraint.Collate co -> collation = co.collation().value();
                    default -> { }
                }
            }
            columns.add(new Col(def.name().value(), declaredType(def), notNull, defaultText, 0, hidden, collation));
        }
        List<IndexColumns> autoIndexes = new ArrayList<>();
        List<List<ForeignKeyRow>> foreignKeys = new ArrayList<>();
        int rowidAlias = -1;
        List<List<ForeignKeyRow>> declared = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++) {
            ColumnDef def = defs.get(i);
            for (ColumnConstraint c : def.constraints()) {
                switch (c) {
                    case ColumnConstraint.PrimaryKey pk -> {
                        primaryKey.add(new KeyColumn(i, null, pk.order() == OrderingTerm.SortOrder.DESC));
                        boolean alias = !create.withoutRowid() && "INTEGER".equalsIgnoreCase(columns.get(i).type())
                                && pk.order() != OrderingTerm.SortOrder.DESC;
                        if (alias) {
                            rowidAlias = i;
                        } else {
                            addAutoIndex(table, autoIndexes, List.of(new KeyColumn(i, null,
                                    pk.order() == OrderingTerm.SortOrder.DESC)), "pk", pk.conflict(), columns);
                        }
                    }
                    case ColumnConstraint.Unique u -> addAutoIndex(table, autoIndexes,
                            List.of(new KeyColumn(i, null, false)), "u", u.conflict(), columns);
                    case ColumnConstraint.References r -> declared.add(List.of(foreignKeyRow(r.foreignKey(),
                            def.name().value(), r.foreignKey().columns().isEmpty() ? null
                                    : r.foreignKey().columns().getFirst().value())));
                    default -> { }
                }
            }
        }
        for (TableConstraint c : create.constraints()) {
            switch (c) {
                case TableConstraint.PrimaryKey pk -> {
                    List<KeyColumn> key = keyColumns(pk.columns(), columns);
                    if (create.withoutRowid()) {
                        // a WITHOUT ROWID table's key holds a column named twice once
                        List<KeyColumn> distinct = new ArrayList<>();
                        for (KeyColumn k : key) {
                            if (distinct.stream().noneMatch(d -> d.cid() == k.cid())) {
                                distinct.add(k);
                            }
                        }
                        key = distinct;
                    }
                    primaryKey.addAll(key);
                    boolean alias = !create.withoutRowid() && key.size() == 1 && key.getFirst().cid() >= 0
                            && "INTEGER".equalsIgnoreCase(columns.get(key.getFirst().cid()).type());
                    if (alias) {
                        rowidAlias = key.getFirst().cid();
                    } else {
                        addAutoIndex(table, autoIndexes, key, "pk", pk.conflict(), columns);
                    }
                }
                case TableConstraint.Unique u -> addAutoIndex(table, autoIndexes, keyColumns(u.columns(), columns),
                        "u", u.conflict(), columns);
                case TableConstraint.ForeignKeyConstraint fk -> {
                    List<ForeignKeyRow> rows = new ArrayList<>();
                    List<Name> to = fk.foreignKey().columns();
                    for (int k = 0; k < fk.columns().size(); k++) {
                        String from = fk.columns().get(k).value();
                        int cid = indexOf(columns, from);
                        rows.add(foreignKeyRow(fk.foreignKey(), cid >= 0 ? columns.get(cid).name() : from,
                                k < to.size() ? to.get(k).value() : null));
                    }
                    declared.add(rows);
                }
                default -> { }
            }
        }
        for (int i = declared.size() - 1; i >= 0; i--) {
            foreignKeys.add(declared.get(i));
        }
        for (int k = 0; k < primaryKey.size(); k++) {
            int cid = primaryKey.get(k).cid();
            if (cid >= 0) {
                Col col = columns.get(cid);
                columns.set(cid, new Col(col.name(), col.type(), col.notNull() || create.withoutRowid(),
                        col.defaultText(), k + 1, col.hidden(), col.collation()));
            }
        }
        return new TableDescription(table, columns, foreignKeys, autoIndexes, List.copyOf(primaryKey),
                create.withoutRowid(), primaryKey.size() == 1 ? rowidAlias : -1);
    }

    /**
     * Adds the index a constraint implies, unless an earlier one has the same
     * key columns and collations (then a PRIMARY KEY takes that index over).
     */
    private static void addAutoIndex(String table, List<IndexColumns> indexes, List<KeyColumn> key, String origin,
            ConflictResolution conflict, List<Col> columns) {
        for (int i = 0; i < indexes.size(); i++) {
            IndexColumns existing = indexes.get(i);
            if (sameKey(existing.columns(), key, columns)) {
                if (origin.equals("pk")) {
                    indexes.set(i, new IndexColumns(existing.name(), existing.columns(), "pk", true,
                            existing.replace(), false));
                }
                return;
            }
        }
        indexes.add(new IndexColumns("sqlite_autoindex_" + table + "_" + (indexes.size() + 1), key, origin, true,
                conflict == ConflictResolution.REPLACE, false));
    }

    private static boolean sameKey(List<KeyColumn> a, List<KeyColumn> b, List<Col> columns) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            KeyColumn x = a.get(i);
            KeyColumn y = b.get(i);
            if (x.cid() != y.cid() || !collation(x, columns).equalsIgnoreCase(collation(y, columns))) {
                return false;
            }
        }
        return true;
    }

    /** The collation an index column uses, as written: its own, else its table column's, else BINARY. */
    static String collation(KeyColumn k, List<Col> columns) {
        if (k.collation() != null) {
            return k.collation();
        }
        if (k.cid() >= 0 && columns.get(k.cid()).collation() != null) {
            return columns.get(k.cid()).collation();
        }
        return "BINARY";
    }

    /** The key columns of a PRIMARY KEY, UNIQUE or CREATE INDEX column list (-2: an expression). */
    static List<KeyColumn> keyColumns(List<OrderingTerm> terms, List<Col> columns) {
        List<KeyColumn> key = new ArrayList<>();
        for (OrderingTerm term : terms) {
            Expr e = term.expr();
            String collation = null;
            if (e instanceof Expr.Collate c) {
                collation = c.collation().value();
                e = c.expr();
            }
            // a single-quoted string alone names a column, as SQLite reads it
            int cid = switch (e) {
                case Expr.ColumnRef ref when ref.table() == null -> indexOf(columns, ref.column().value());
                case Expr.Literal l when l.kind() == Expr.LiteralKind.STRING -> indexOf(columns, l.text());
                default -> -1;
            };
            key.add(new KeyColumn(cid >= 0 ? cid : -2, collation, term.order() == OrderingTerm.SortOrder.DESC));
        }
        return key;
    }

    private static ForeignKeyRow foreignKeyRow(ForeignKey fk, String from, String to) {
        return new ForeignKeyRow(fk.table().value(), from, to, action(fk.onUpdate()), action(fk.onDelete()));
    }

    private static String action(ForeignKey.Action a) {
        return switch (a) {
            case NONE, NO_ACTION -> "NO ACTION";
            case SET_NULL -> "SET NULL";
            case SET_DEFAULT -> "SET DEFAULT";
            case CASCADE -> "CASCADE";
            case RESTRICT -> "RESTRICT";
        };
    }

    /** The type names of STRICT tables, which SQLite 3.37+ reports in upper case however they are written. */
    private static final List<String> STANDARD_TYPES = List.of("INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY");

    /**
     * The declared type as written, without the quotes of a quoted one ("my
     * type" is my type), a standard type name in upper case.
     */
    private static String declaredType(ColumnDef def) {
        if (def.type() == null) {
            return "";
        }
        String t = def.type().text();
        for (String standard : STANDARD_TYPES) {
            if (standard.equalsIgnoreCase(t)) {
                return standard;
            }
        }
        if (t.length() >= 2) {
            char open = t.charAt(0);
            char close = open == '[' ? ']' : open;
            if ((open == '"' || open == '\'' || open == '`' || open == '[') && t.charAt(t.length() - 1) == close
                    && t.indexOf(close, 1) == t.length() - 1) {
                return t.substring(1, t.length() - 1);
            }
        }
        return t;
    }

    /**
     * The DEFAULT's text as written: the literal with its sign, or what is
     * between the parentheses of DEFAULT (...), inner parentheses kept.
     */
    private static String defaultText(String sql, Expr value) {
        int start = value.span().start();
        int end = value.span().end();
        int outerStart = -1;
        int outerEnd = -1;
        while (true) {
            int left = start - 1;
            while (left >= 0 && Character.isWhitespace(sql.charAt(left))) {
                left--;
            }
            int right = end;
            while (right < sql.length() && Character.isWhitespace(sql.charAt(right))) {
                right++;
            }
            if (left < 0 || right >= sql.length() || sql.charAt(left) != '(' || sql.charAt(right) != ')') {
                break;
            }
            outerStart = start;
            outerEnd = end;
            start = left;
            end = right + 1;
        }
        return outerStart < 0 ? sql.substring(start, end) : sql.substring(outerStart, outerEnd).strip();
    }

    /** Index of column {@code name} (ASCII case ignored), or -1. */
    static int indexOf(List<Col> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
