/*
 * The CREATE statements one load of a database's schema parsed, by their
 * text, and the tables built from them: the next load of that database (after
 * a CREATE, or another connection's change) takes from here every object
 * whose text did not change instead of parsing it again, so that creating
 * many tables one statement at a time stays linear in parsing. A table is
 * kept as the Table built from its text, not as its AST (which the schema
 * would otherwise hold on to for nothing). ASTs and
 * tables are immutable, so sharing them between two schemas is safe. A load
 * only lists what it parsed; the lookup maps are built when a later load
 * first asks (most schemas are read once per connection). Texts are parsed
 * with the fast reader of plain CREATE TABLE first, the full parser
 * otherwise; a text that does not parse is a malformed schema.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import turso.api.TursoException;
import turso.parser.SqlParser;
import turso.parser.ast.Stmt;

final class ParsedTexts {

    static final ParsedTexts NONE = new ParsedTexts(null);

    /** The load this one takes from, until it is over (a chain of loads would hold every schema ever read). */
    private ParsedTexts previous;
    /** What this load parsed or built: text, then its statement or table, in turns. */
    private final List<Object> statements = new ArrayList<>();
    private final List<Object> tables = new ArrayList<>();
    private Map<String, Stmt> statementsByText;
    private Map<String, Table> tablesByText;

    /** The texts of a load about to run; {@code previous}: those of the load before it, or null. */
    ParsedTexts(ParsedTexts previous) {
        this.previous = previous == null || previous == NONE ? null : previous;
        if (this.previous != null) {
            this.previous.index();
        }
    }

    /** The load is over: what it did not take from the previous one is not needed any more. */
    void loaded() {
        previous = null;
    }

    /** A list for a load that goes on from this one's: what this one parsed, and what it will add. */
    ParsedTexts copy() {
        ParsedTexts copy = new ParsedTexts(null);
        copy.statements.addAll(statements);
        copy.tables.addAll(tables);
        return copy;
    }

    /** Builds the lookup maps of what this load listed, once. */
    private synchronized void index() {
        if (statementsByText != null) {
            return;
        }
        Map<String, Stmt> s = new HashMap<>();
        for (int i = 0; i < statements.size(); i += 2) {
            s.put((String) statements.get(i), (Stmt) statements.get(i + 1));
        }
        Map<String, Table> t = new HashMap<>();
        for (int i = 0; i < tables.size(); i += 2) {
            t.put((String) tables.get(i), (Table) tables.get(i + 1));
        }
        tablesByText = t;
        statementsByText = s;
    }

    /** The statement {@code sql} (the object {@code name}'s), parsed or taken from the previous load. */
    Stmt parse(String name, String sql) {
        Stmt stmt = previous == null ? null : previous.statementsByText.get(sql);
        if (stmt == null) {
            stmt = PlainCreateTable.read(sql);
        }
        if (stmt == null) {
            try {
                stmt = SqlParser.parseOne(sql);
            } catch (TursoException e) {
                throw Schema.corrupt(name + ": " + e.getMessage());
            }
        }
        if (!(stmt instanceof Stmt.CreateTable)) {
            statements.add(sql);
            statements.add(stmt);
        }
        return stmt;
    }

    /** The table the previous load built from {@code sql} at root page {@code root} of database {@code db}, or null. */
    Table table(String sql, int root, int db) {
        Table t = previous == null ? null : previous.tablesByText.get(sql);
        if (t == null || t.rootPage() != root || t.db() != db) {
            return null;
        }
        return keep(sql, t);
    }

    /** Keeps {@code table}, built from {@code sql}, for the next load; returns it. */
    Table keep(String sql, Table table) {
        tables.add(sql);
        tables.add(table);
        return table;
    }
}
