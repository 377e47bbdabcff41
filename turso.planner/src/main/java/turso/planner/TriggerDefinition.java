/*
 * A trigger as the schema knows it, read from its stored CREATE TRIGGER
 * text: when it fires (BEFORE, AFTER, INSTEAD OF), on which event and
 * table, the columns an UPDATE OF names, its WHEN condition and its
 * statements. The text is kept because the AST's spans point into it. The
 * database it belongs to (db: 0 main, 1 temp, 2.. attached; -1 unknown)
 * decides where its statements look names up: only there, unless temp.
 */
package turso.planner;

import java.util.List;
import java.util.Locale;
import turso.parser.ast.Expr;
import turso.parser.ast.Stmt;

record TriggerDefinition(String name, String table, Stmt.TriggerTime time, Stmt.TriggerEvent event,
        List<String> updateOf, Expr when, List<Stmt> body, String sql, int db) {

    static TriggerDefinition read(Stmt.CreateTrigger create, String sql) {
        Stmt.TriggerTime time = create.time() == Stmt.TriggerTime.NONE ? Stmt.TriggerTime.BEFORE : create.time();
        return new TriggerDefinition(create.name().name().value(), create.table().name().value(), time,
                create.event(), create.updateOf().stream().map(n -> n.value().toLowerCase(Locale.ROOT)).toList(),
                create.when(), create.body(), sql, -1);
    }

    /** The same trigger, of database {@code db}. */
    TriggerDefinition inDatabase(int db) {
        return new TriggerDefinition(name, table, time, event, updateOf, when, body, sql, db);
    }

    /** Whether an UPDATE that sets the columns {@code changed} (lower-cased) fires it, or any other event. */
    boolean firesOn(Stmt.TriggerEvent e, java.util.Set<String> changed) {
        return event == e && (e != Stmt.TriggerEvent.UPDATE || updateOf.isEmpty()
                || updateOf.stream().anyMatch(changed::contains));
    }
}
