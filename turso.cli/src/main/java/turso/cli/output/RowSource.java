/*
 * What the output modes read: a result's column names, then its rows one at
 * a time. The shell feeds it from a turso.api.Statement (StatementRowSource);
 * tests feed it from sqlite-jdbc. Values are given as sqlite3's C API gives
 * them to its shell: the storage class, the bytes of a TEXT or INTEGER, a
 * blob's raw bytes, and a REAL's double. A REAL's text is made here from the
 * double, as sqlite3 3.40 makes it ("%!.15g", see RealFormat), so the output
 * does not depend on how an engine renders reals (SQLite 3.54's CAST gives up
 * to 17 digits where 3.40 gives 15).
 */
package turso.cli.output;

import turso.api.DataType;

public interface RowSource {

    int columnCount();

    String columnName(int column);

    /** Moves to the next row; false when there is none. */
    boolean next();

    DataType type(int column);

    /**
     * The current row's value: UTF-8 text of a TEXT or INTEGER value (as
     * sqlite3_column_text gives it), a BLOB's bytes, or null for NULL; not
     * asked for REAL values.
     */
    byte[] bytes(int column);

    /** The current row's value as a double (only asked for REAL values). */
    double real(int column);
}
