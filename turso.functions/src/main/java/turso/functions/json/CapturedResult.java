/*
 * A FunctionResult that keeps what a JSON function set, so a jsonb_ form can
 * turn the JSON text it produced into JSONB before handing it on.
 */
package turso.functions.json;

import turso.api.ResultCode;
import turso.api.Value;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionResult;

final class CapturedResult implements FunctionResult {

    private Value value = new Value.Null();
    private int subtype;
    private ResultCode errorCode;
    private String errorMessage;

    /** Passes the result on: JSON text (with the JSON subtype) becomes JSONB, anything else as it is. */
    void deliverAsJsonb(FunctionResult result) {
        if (errorCode != null) {
            result.setError(errorCode, errorMessage);
        } else if (subtype == JsonWriter.JSON_SUBTYPE && value instanceof Value.Text t) {
            result.setBlob(JsonbWriter.fromText(t.value()));
        } else {
            result.setValue(value);
        }
    }

    @Override
    public void setNull() {
        value = new Value.Null();
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
        value = v == null ? new Value.Null() : Value.of(v);
    }

    @Override
    public void setTextUtf8(byte[] v) {
        value = v == null ? new Value.Null() : Value.of(new String(v, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void setBlob(byte[] v) {
        value = v == null ? new Value.Null() : Value.of(v);
    }

    @Override
    public void setValue(Value v) {
        value = v;
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
