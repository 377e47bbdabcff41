/* A column of a table in a query: the cursor on the table and the column's index (-1 for the rowid). */
package turso.planner;

record ColumnKey(int cursor, int column) {
    static final int ROWID = -1;
}
