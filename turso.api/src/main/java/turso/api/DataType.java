/*
 * SQLite's five fundamental datatypes (storage classes), numbered as the C API
 * numbers them (SQLITE_INTEGER = 1 ... SQLITE_NULL = 5).
 */
package turso.api;

public enum DataType {
    INTEGER(1, "integer"),
    REAL(2, "real"),
    TEXT(3, "text"),
    BLOB(4, "blob"),
    NULL(5, "null");

    private static final DataType[] BY_CODE = {null, INTEGER, REAL, TEXT, BLOB, NULL};

    private final int code;
    private final String typeofName;

    DataType(int code, String typeofName) {
        this.code = code;
        this.typeofName = typeofName;
    }

    /** The number sqlite3_column_type returns for this type. */
    public int code() {
        return code;
    }

    /** What SQL's typeof() returns for a value of this type. */
    public String typeofName() {
        return typeofName;
    }

    public static DataType ofCode(int code) {
        if (code < 1 || code > 5) {
            throw new IllegalArgumentException("not an SQLite datatype code: " + code);
        }
        return BY_CODE[code];
    }
}
