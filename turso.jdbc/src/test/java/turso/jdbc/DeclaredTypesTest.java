/*
 * The declared-type to java.sql.Types mapping against sqlite-jdbc's: a table
 * with one column per declared type, read through sqlite-jdbc's
 * ResultSetMetaData, must map the same through DeclaredTypes.
 */
package turso.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import org.junit.jupiter.api.Test;

class DeclaredTypesTest {

    private static final String[] TYPES = {"INTEGER", "int", "INT", "TINYINT", "SMALLINT", "MEDIUMINT", "BIGINT",
        "INT2", "INT8", "UNSIGNED BIG INT", "TEXT", "VARCHAR(10)", "NVARCHAR(5)", "CHAR(3)", "NCHAR(2)",
        "CHARACTER(4)", "NATIVE CHARACTER(3)", "VARYING CHARACTER(9)", "CLOB", "BLOB", "BINARY", "VARBINARY(4)",
        "REAL", "DOUBLE", "DOUBLE PRECISION", "FLOAT", "NUMERIC", "DECIMAL(10,2)", "BOOLEAN", "BOOL", "DATE",
        "DATETIME", "TIMESTAMP", "TIME", "UUID", "JSON", "STRING", "NUMBER", "LONGVARCHAR", "bigint", "Date"};

    @Test
    void sameAsSqliteJdbc() throws Exception {
        StringBuilder ddl = new StringBuilder("CREATE TABLE t(");
        for (int i = 0; i < TYPES.length; i++) {
            ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(' ').append(TYPES[i]);
        }
        ddl.append(')');
        try (Connection c = Differential.sqlite()) {
            c.createStatement().executeUpdate(ddl.toString());
            ResultSet rs = c.createStatement().executeQuery("SELECT * FROM t");
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 0; i < TYPES.length; i++) {
                String type = TYPES[i];
                assertEquals(md.getColumnType(i + 1), DeclaredTypes.jdbcType(type), type);
                assertEquals(md.getColumnTypeName(i + 1), DeclaredTypes.baseName(type), type);
                assertEquals(md.getPrecision(i + 1), DeclaredTypes.sizeArgument(type, 0), type);
                assertEquals(md.getScale(i + 1), DeclaredTypes.sizeArgument(type, 1), type);
            }
        }
    }
}
