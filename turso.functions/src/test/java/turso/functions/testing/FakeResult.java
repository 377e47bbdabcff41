/* Shared test support: a FunctionResult that records the value, subtype and error a function sets. */
package turso.functions.testing;

import java.nio.charset.StandardCharsets;
import turso.api.ResultCode;
import turso.api.Value;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionResult;

public final class FakeResult implements FunctionResult {

    private Value value = Value.NULL;
    private int subtype;
    private ResultCode errorCode;
    private String errorMessage;

    public Value value() {
        return value;
    }

    public int subtype() {
        return subtype;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public ResultCode errorCode() {
        return errorCode;
    }

    private void set(Value v) {
        value = v;
        subtype = 0;
    }

    @Override
    public void setNull() {
        set(Value.NULL);
    }

    @Override
    public void setLong(long v) {
        set(Value.of(v));
    }

    @Override
    public void setDouble(double v) {
        set(Double.isNaN(v) ? Value.NULL : Value.of(v));
    }

    @Override
    public void setText(String v) {
        set(Value.of(v));
    }

    @Override
    public void setTextUtf8(byte[] v) {
        set(Value.of(new String(v, StandardCharsets.UTF_8)));
    }

    @Override
    public void setBlob(byte[] v) {
        set(Value.of(v));
    }

    @Override
    public void setValue(Value v) {
        set(v);
    }

    @Override
    public void setArgument(FunctionArguments args, int index) {
        value = args.get(index);
        subtype = args.subtype(index);
    }

    @Override
    public void setSubtype(int s) {
        subtype = s;
    }

    @Override
    public void setError(ResultCode code, String message) {
        errorCode = code;
        errorMessage = message;
    }
}
