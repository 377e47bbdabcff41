/*
 * java.sql.Types for result columns, as sqlite-jdbc reports them: from the
 * declared type of the table column (its name up to any "(", upper-cased,
 * looked up whole: "VARCHAR(10)" is VARCHAR, "TIME" and unknown names are
 * NUMERIC), or, for expressions, from the storage class of the value.
 */
package turso.jdbc;

import java.sql.Types;
import java.util.Locale;
import java.util.Map;
import turso.api.DataType;

final class DeclaredTypes {

    private static final Map<String, Integer> BY_NAME = Map.ofEntries(
            Map.entry("BOOLEAN", Types.BOOLEAN),
            Map.entry("TINYINT", Types.TINYINT),
            Map.entry("SMALLINT", Types.SMALLINT),
            Map.entry("INT2", Types.SMALLINT),
            Map.entry("BIGINT", Types.BIGINT),
            Map.entry("INT8", Types.BIGINT),
            Map.entry("UNSIGNED BIG INT", Types.BIGINT),
            Map.entry("DATE", Types.DATE),
            Map.entry("DATETIME", Types.TIMESTAMP),
            Map.entry("TIMESTAMP", Types.TIMESTAMP),
            Map.entry("INT", Types.INTEGER),
            Map.entry("INTEGER", Types.INTEGER),
            Map.entry("MEDIUMINT", Types.INTEGER),
            Map.entry("DECIMAL", Types.DECIMAL),
            Map.entry("DOUBLE", Types.DOUBLE),
            Map.entry("DOUBLE PRECISION", Types.DOUBLE),
            Map.entry("NUMERIC", Types.NUMERIC),
            Map.entry("REAL", Types.REAL),
            Map.entry("FLOAT", Types.FLOAT),
            Map.entry("CHAR", Types.CHAR),
            Map.entry("CHARACTER", Types.CHAR),
            Map.entry("NCHAR", Types.CHAR),
            Map.entry("NATIVE CHARACTER", Types.CHAR),
            Map.entry("CLOB", Types.CLOB),
            Map.entry("VARCHAR", Types.VARCHAR),
            Map.entry("VARYING CHARACTER", Types.VARCHAR),
            Map.entry("NVARCHAR", Types.VARCHAR),
            Map.entry("TEXT", Types.VARCHAR),
            Map.entry("BINARY", Types.BINARY),
            Map.entry("BLOB", Types.BLOB));

    private DeclaredTypes() {
    }

    /** The declared type's name without its size: "VARCHAR(10)" -> "VARCHAR". */
    static String baseName(String declared) {
        int paren = declared.indexOf('(');
        String name = paren < 0 ? declared : declared.substring(0, paren);
        return name.trim().toUpperCase(Locale.ROOT);
    }

    static int jdbcType(String declared) {
        return BY_NAME.getOrDefault(baseName(declared), Types.NUMERIC);
    }

    /** The type of an expression's value (no declared type). */
    static int jdbcType(DataType type) {
        return switch (type) {
            case INTEGER -> Types.INTEGER;
            case REAL -> Types.FLOAT;
            case TEXT -> Types.VARCHAR;
            case BLOB -> Types.BLOB;
            case NULL -> Types.NUMERIC;
        };
    }

    static String typeName(DataType type) {
        return switch (type) {
            case INTEGER -> "INTEGER";
            case REAL -> "FLOAT";
            case TEXT -> "TEXT";
            case BLOB -> "BLOB";
            case NULL -> "NUMERIC";
        };
    }

    /** The n-th number in the declared type's parentheses ("DECIMAL(10,2)": 0 -> 10, 1 -> 2), or 0. */
    static int sizeArgument(String declared, int n) {
        int open = declared.indexOf('(');
        int close = declared.lastIndexOf(')');
        if (open < 0 || close < open) {
            return 0;
        }
        String[] parts = declared.substring(open + 1, close).split(",");
        if (n >= parts.length) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[n].trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
