/*
 * What json_each and json_tree share as virtual table modules (json1.html):
 * the columns key, value, type, atom, id, parent, fullkey, path and the
 * HIDDEN json and root that the table-valued function's two arguments
 * fill, and the best-index answer: the document (and the root path, if
 * given) are wanted as filter() arguments and need no test by the VM;
 * without a document there is no row. Both are eponymous: they are used
 * as table-valued functions, never created.
 */
package turso.functions.json;

import java.util.List;
import turso.api.spi.IndexPlan;
import turso.api.spi.IndexQuery;
import turso.api.spi.VirtualCursor;
import turso.api.spi.VirtualTable;
import turso.api.spi.VirtualTableContext;
import turso.api.spi.VirtualTableModule;

abstract class JsonTableModule implements VirtualTableModule {

    static final int JSON = 8;
    static final int ROOT = 9;
    /** filter()'s plan numbers: which of the document and the root path are given. */
    static final int NO_DOCUMENT = 0;
    static final int DOCUMENT = 1;
    static final int DOCUMENT_AND_ROOT = 3;

    private static final String DECLARATION =
            "CREATE TABLE x(key,value,type,atom,id,parent,fullkey,path,json HIDDEN,root HIDDEN)";

    private final boolean recursive;

    JsonTableModule(boolean recursive) {
        this.recursive = recursive;
    }

    @Override
    public VirtualTable create(VirtualTableContext context, List<String> args) {
        return new Table(recursive);
    }

    @Override
    public boolean isEponymous() {
        return true;
    }

    private record Table(boolean recursive) implements VirtualTable {
        @Override
        public String declaration() {
            return DECLARATION;
        }

        @Override
        public IndexPlan bestIndex(IndexQuery query) {
            List<IndexQuery.Constraint> constraints = query.constraints();
            int n = constraints.size();
            int json = -1;
            int root = -1;
            for (int i = 0; i < n; i++) {
                IndexQuery.Constraint c = constraints.get(i);
                if (c.op() == IndexQuery.Operator.EQ && c.usable() && c.column() == JSON && json < 0) {
                    json = i;
                } else if (c.op() == IndexQuery.Operator.EQ && c.usable() && c.column() == ROOT && root < 0) {
                    root = i;
                }
            }
            if (json < 0) {
                return new IndexPlan(new int[n], new boolean[n], NO_DOCUMENT, null, false, 1e99, 25, false);
            }
            int[] argumentIndex = new int[n];
            boolean[] omit = new boolean[n];
            argumentIndex[json] = 1;
            omit[json] = true;
            if (root >= 0) {
                argumentIndex[root] = 2;
                omit[root] = true;
            }
            return new IndexPlan(argumentIndex, omit, root >= 0 ? DOCUMENT_AND_ROOT : DOCUMENT, null, false, 1.0, 25,
                    false);
        }

        @Override
        public VirtualCursor open() {
            return new JsonTableCursor(recursive);
        }
    }
}
