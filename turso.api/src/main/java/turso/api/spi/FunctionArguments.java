/*
 * The arguments of a function call, read in place from the VM's registers:
 * nothing is boxed per call. Accessors convert as sqlite3_value_* convert
 * (text to number by SQLite's rules, numbers to their text form).
 */
package turso.api.spi;

import turso.api.DataType;
import turso.api.Value;

public interface FunctionArguments {

    int size();

    DataType type(int index);

    default boolean isNull(int index) {
        return type(index) == DataType.NULL;
    }

    /** The type the value would have after numeric affinity (sqlite3_value_numeric_type). */
    DataType numericType(int index);

    long getLong(int index);

    double getDouble(int index);

    /** The value as a String (null for NULL). */
    String getText(int index);

    /** The value as UTF-8 text bytes (null for NULL); the caller must not change the array. */
    byte[] getTextUtf8(int index);

    /** The value as bytes (null for NULL); the caller must not change the array. */
    byte[] getBlob(int index);

    /** The size in bytes of the value as text or blob (sqlite3_value_bytes). */
    int byteLength(int index);

    /** The subtype a function gave this value (0 for none); JSON uses it. */
    int subtype(int index);

    /** The value boxed, for code that is not on a hot path. */
    Value get(int index);
}
