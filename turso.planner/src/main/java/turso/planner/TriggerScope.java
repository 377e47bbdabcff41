/*
 * What the statements of a trigger program are compiled with: the table
 * whose row fired it, the event (which of OLD and NEW exist), and the
 * triggers already running, which do not fire again (recursive_triggers is
 * off). The program gets the rows as parameters: OLD's rowid then its
 * columns, then NEW's rowid then its columns. The trigger programs compiled
 * for the statement are shared by all its nested triggers ({@code compiled},
 * by trigger and running set), so each is compiled once however often it
 * is reached. In a trigger, OLD.x and NEW.x have no affinity, as in
 * SQLite; in the lookups of foreign key checks ({@code typed}) they have
 * their column's, as the registers SQLite compares child rows with do.
 */
package turso.planner;

import java.util.Set;
import turso.parser.ast.Stmt;

record TriggerScope(Table table, Stmt.TriggerEvent event, Set<String> active,
        java.util.Map<Object, turso.vm.SubProgram> compiled, boolean typed) {

    TriggerScope(Table table, Stmt.TriggerEvent event, Set<String> active,
            java.util.Map<Object, turso.vm.SubProgram> compiled) {
        this(table, event, active, compiled, false);
    }

    /** How many parameters the rows take. */
    int width() {
        return 2 * (table.columns().size() + 1);
    }

    /**
     * The parameter holding {@code column} of OLD ({@code old} true) or NEW,
     * or 0 when that row or column does not exist.
     */
    int parameter(boolean old, String column) {
        if (old && event == Stmt.TriggerEvent.INSERT || !old && event == Stmt.TriggerEvent.DELETE) {
            return 0;
        }
        int base = old ? 1 : table.columns().size() + 2;
        int index = table.columnIndex(column);
        if (index >= 0 && index != table.rowidAlias()) {
            return base + 1 + index;
        }
        return index >= 0 || Scope.isRowidName(column) && !isView() && !table.withoutRowid() ? base : 0;
    }

    /** The affinity of OLD.{@code column} or NEW.{@code column} (a rowid name: INTEGER) when the rows are typed. */
    turso.vm.Affinity affinity(String column) {
        int index = table.columnIndex(column);
        return !typed ? turso.vm.Affinity.NONE
                : index < 0 || index == table.rowidAlias() ? turso.vm.Affinity.INTEGER
                : table.columns().get(index).affinity();
    }

    /** A view's rows have no rowid (its INSTEAD OF triggers' OLD.rowid and NEW.rowid are no columns). */
    private boolean isView() {
        return table.rootPage() == 0;
    }
}
