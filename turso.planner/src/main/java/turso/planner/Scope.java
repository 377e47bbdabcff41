/*
 * One table of a query's FROM, as expressions see it: the name it is known
 * by (its alias, else its name), the VM cursor open on it, and the columns
 * that a NATURAL join or USING coalesced into an earlier table's (lower-cased
 * names): an unqualified reference and * give the earlier table's.
 */
package turso.planner;

import java.util.Set;

record Scope(Table table, String name, int cursor, Set<String> hidden) {

    Scope {
        hidden = Set.copyOf(hidden);
    }

    /** Names that mean the rowid when no column is called so. */
    static boolean isRowidName(String name) {
        return name.equalsIgnoreCase("rowid") || name.equalsIgnoreCase("oid") || name.equalsIgnoreCase("_rowid_");
    }
}
