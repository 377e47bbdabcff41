/*
 * A built-in function whose result depends on the collating sequence of its
 * call, as min() and max() compare text under the collation of their
 * argument (SQLite's SQLITE_FUNC_NEEDCOLL). The planner, which knows the
 * arguments' collations, asks for the variant bound to the one that applies.
 */
package turso.vm;

import turso.api.spi.Collation;
import turso.api.spi.SqlFunction;

public interface Collated {
    /** This function comparing under {@code collation}. */
    SqlFunction withCollation(Collation collation);
}
