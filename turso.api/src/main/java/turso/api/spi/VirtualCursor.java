/*
 * A scan over a virtual table (sqlite3_vtab_cursor): filter() starts it with
 * the plan chosen by bestIndex and the constraint values asked for, then the
 * VM reads columns and advances until eof().
 */
package turso.api.spi;

public interface VirtualCursor extends AutoCloseable {

    void filter(int planNumber, String planString, FunctionArguments args);

    boolean eof();

    void next();

    /** Puts column {@code column}'s value of the current row into {@code result}. */
    void column(int column, FunctionResult result);

    long rowid();

    @Override
    default void close() {}
}
