/* Where a function puts its result (sqlite3_result_*); the last call wins. */
package turso.api.spi;

import turso.api.ResultCode;
import turso.api.Value;

public interface FunctionResult {

    void setNull();

    void setLong(long value);

    void setDouble(double value);

    void setText(String value);

    /** Text given as UTF-8 bytes; the array is not copied, so it must not be changed afterwards. */
    void setTextUtf8(byte[] value);

    /** The array is not copied, so it must not be changed afterwards. */
    void setBlob(byte[] value);

    void setValue(Value value);

    /** The result is argument {@code index} unchanged (no conversion, subtype kept). */
    void setArgument(FunctionArguments args, int index);

    void setSubtype(int subtype);

    /** Fails the statement with SQLITE_ERROR and this message. */
    default void setError(String message) {
        setError(ResultCode.ERROR, message);
    }

    void setError(ResultCode code, String message);
}
