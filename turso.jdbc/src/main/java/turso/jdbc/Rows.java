/*
 * Where a ResultSet's rows come from: a running engine statement, or rows
 * the driver built itself (generated keys, metadata). Columns are 0-based
 * here; reading converts as sqlite3_column_* converts.
 */
package turso.jdbc;

import turso.api.DataType;

sealed interface Rows permits StatementRows, ListRows {

    int columnCount();

    String columnName(int column);

    /** The declared type of the table column behind this result column, or null. */
    String declType(int column);

    /** Moves to the next row; false when there are no more (and the rows are then finished). */
    boolean next();

    /**
     * Whether the first row has been read but next() has not moved onto it yet: its values are
     * what SQLite's column functions report then, and what result metadata reads for expressions.
     */
    boolean firstRowPending();

    DataType type(int column);

    long longValue(int column);

    double doubleValue(int column);

    String text(int column);

    byte[] blob(int column);

    /** Lets go of the engine statement behind the rows, if any. */
    void close();
}
