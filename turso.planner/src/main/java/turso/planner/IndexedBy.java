/*
 * INDEXED BY and NOT INDEXED (lang_indexedby.html): which indexes the
 * planner may use to find a table's rows. INDEXED BY i leaves the table only
 * index i ("no such index: i" when it has none of that name) and makes the
 * rows come through it, as a scan of the whole index when no term drives it
 * (a partial index only when WHERE holds its condition, else "no query
 * solution"); NOT INDEXED leaves it none, the rowid (a WITHOUT ROWID
 * table's PRIMARY KEY) still usable. Neither
 * lets an automatic index be built.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.Expr;
import turso.parser.ast.FromClause;
import turso.vm.Affinity;

record IndexedBy(Table table, Index index) {

    /** {@code table} as the clause {@code indexed} lets a statement see it. */
    static IndexedBy of(Table table, FromClause.Indexed indexed) {
        if (indexed.index() == null) {
            return new IndexedBy(table.withIndexes(table.withoutRowid() ? List.of(table.primaryKey()) : List.of()), null);
        }
        Index index = table.indexes().stream().filter(i -> i.name().equalsIgnoreCase(indexed.index().value()))
                .findFirst().orElseThrow(() -> new TursoException(ResultCode.ERROR,
                        "no such index: " + indexed.index().value()));
        return new IndexedBy(table.withIndexes(List.of(index)), index);
    }

    /** The path to use instead of {@code path}, chosen from the WHERE terms {@code drivers}. */
    AccessPath path(List<Expr> drivers, AccessPath path) {
        if (index == null || path instanceof AccessPath.IndexRange r && r.index() == index) {
            return path;
        }
        if (index.where() != null) {
            List<Expr> condition = new ArrayList<>();
            Conjuncts.split(index.where(), condition);
            if (!drivers.containsAll(condition)) {
                throw new TursoException(ResultCode.ERROR, "no query solution");
            }
        }
        return new AccessPath.IndexRange(index, List.of(), List.of(), null, null, Affinity.NONE, null);
    }
}
