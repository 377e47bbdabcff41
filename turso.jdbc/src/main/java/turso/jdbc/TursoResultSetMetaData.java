/*
 * Column metadata of a TursoResultSet, as sqlite-jdbc reports it: JDBC types
 * and type names from the declared type of the table column (DeclaredTypes),
 * or, for expressions, from the value on the current (or pending first) row. Precision and
 * scale come from the declared type's arguments ("DECIMAL(10,2)").
 *
 * turso.api does not yet tell which table and column a result column comes
 * from (sqlite3_column_table_name / sqlite3_table_column_metadata), so
 * getTableName is "", getColumnName is the label, and nullability is unknown.
 */
package turso.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import turso.api.DataType;
import turso.api.ResultCode;

final class TursoResultSetMetaData implements ResultSetMetaData {

    private final TursoResultSet resultSet;
    private final Rows rows;

    TursoResultSetMetaData(TursoResultSet resultSet) {
        this.resultSet = resultSet;
        this.rows = resultSet.rows();
    }

    private int column(int column) throws SQLException {
        if (column < 1 || column > rows.columnCount()) {
            throw SqlErrors.driver(ResultCode.RANGE, "column " + column + " out of bounds [1," + rows.columnCount() + "]");
        }
        return column - 1;
    }

    /**
     * The storage class on the current row, or on the first one before next() (as sqlite-jdbc,
     * which has stepped the statement by then: jOOQ reads the metadata before the rows), NULL
     * when there is none.
     */
    private DataType valueType(int c) {
        return (resultSet.onRow() || rows.firstRowPending()) && !resultSet.isClosed() ? rows.type(c) : DataType.NULL;
    }

    private String declared(int c) {
        String d = rows.declType(c);
        return d == null || d.isBlank() ? null : d;
    }

    @Override
    public int getColumnCount() {
        return rows.columnCount();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        column(column);
        return columnNullableUnknown;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        String name = getColumnTypeName(column);
        return name.equals("NUMERIC") || name.equals("INTEGER") || name.equals("REAL");
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        column(column);
        return Integer.MAX_VALUE;
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return rows.columnName(column(column));
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return rows.columnName(column(column));
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        String d = declared(column(column));
        return d == null ? 0 : DeclaredTypes.sizeArgument(d, 0);
    }

    @Override
    public int getScale(int column) throws SQLException {
        String d = declared(column(column));
        return d == null ? 0 : DeclaredTypes.sizeArgument(d, 1);
    }

    @Override
    public String getTableName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        int c = column(column);
        String d = declared(c);
        return d != null ? DeclaredTypes.jdbcType(d) : DeclaredTypes.jdbcType(valueType(c));
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        int c = column(column);
        String d = declared(c);
        return d != null ? DeclaredTypes.baseName(d) : DeclaredTypes.typeName(valueType(c));
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        int c = column(column);
        return switch (valueType(c)) {
            case INTEGER -> {
                long v = rows.longValue(c);
                yield v == (int) v ? Integer.class.getName() : Long.class.getName();
            }
            case REAL -> Double.class.getName();
            case TEXT -> String.class.getName();
            case BLOB, NULL -> Object.class.getName();
        };
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlErrors.driver(ResultCode.MISUSE, "not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
