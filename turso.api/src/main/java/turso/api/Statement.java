/*
 * A prepared statement: bind parameters (1-based, as in SQLite), step
 * through rows, read columns (0-based) by type without boxing, reset and run
 * again. Reading a column converts as sqlite3_column_* converts.
 */
package turso.api;

public interface Statement extends AutoCloseable {

    /** The SQL text of this statement. */
    String sql();

    /** The text after this statement when it was prepared from several. */
    String tail();

    /** Whether the statement leaves the database unchanged (sqlite3_stmt_readonly). */
    boolean isReadOnly();

    int parameterCount();

    /** The index of the parameter named {@code name} (with its prefix: ":a", "@a", "$a", "?1"), or 0. */
    int parameterIndex(String name);

    /** The name of parameter {@code index}, or null for a nameless "?". */
    String parameterName(int index);

    void bindNull(int index);

    void bindLong(int index, long value);

    void bindDouble(int index, double value);

    void bindText(int index, String value);

    void bindBlob(int index, byte[] value);

    void bindValue(int index, Value value);

    void clearBindings();

    /**
     * Runs to the next row.
     *
     * @return true if a row is available, false when the statement is done
     */
    boolean step();

    /** Makes the statement ready to run again from the start; bindings are kept. */
    void reset();

    int columnCount();

    String columnName(int column);

    /** The declared type of the column of a table this result column comes from, or null. */
    String columnDeclType(int column);

    DataType columnType(int column);

    long columnLong(int column);

    double columnDouble(int column);

    /** The value as text, or null for NULL. */
    String columnText(int column);

    /** The value as bytes (text as UTF-8), or null for NULL. */
    byte[] columnBlob(int column);

    Value columnValue(int column);

    @Override
    void close();
}
