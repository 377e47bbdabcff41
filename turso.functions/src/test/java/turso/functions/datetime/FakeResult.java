/* Test double of FunctionResult: keeps the last result set, boxed, or the error. */
package turso.functions.datetime;

import java.nio.charset.StandardCharsets;
import turso.api.ResultCode;
import turso.api.Value;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionResult;

final class FakeResult implements FunctionResult {

    Value value;
    String error;

    @Override
    public void setNull() {
        value = Value.NULL;
    }

    @Override
    public void setLong(long v) {
        value = Value.of(v);
    }

    @Override
    public void setDouble(double v) {
        value = Value.of(v);
    }

    @Override
    public void setText(String v) {
        value = Value.of(v);
    }

    @Override
    public void setTextUtf8(byte[] v) {
        value = Value.of(new String(v, StandardCharsets.UTF_8));
    }

    @Override
    public void setBlob(byte[] v) {
        value = Value.of(v);
    }

    @Override
    public void setValue(Value v) {
        value = v;
    }

    @Override
    public void setArgument(FunctionArguments args, int index) {
        value = args.get(index);
    }

    @Override
    public void setSubtype(int subtype) {
    }

    @Override
    public void setError(ResultCode code, String message) {
        error = message;
    }
}
