/*
 * FunctionResult writing into a VM register. An error is recorded rather
 * than thrown, as sqlite3_result_error does; the VM checks it after the call
 * (or calls throwIfError) and fails the statement with SQLite's message.
 */
package turso.vm;

import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.Value;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionResult;

public final class RegisterResult implements FunctionResult {
    private Register target;
    private ResultCode errorCode;
    private String errorMessage;

    public RegisterResult() {
        this(new Register());
    }

    public RegisterResult(Register target) {
        reset(target);
    }

    /** Points this result at {@code target} (set to NULL) and clears any error. */
    public RegisterResult reset(Register target) {
        this.target = target;
        target.setNull();
        errorCode = null;
        errorMessage = null;
        return this;
    }

    public Register register() {
        return target;
    }

    public boolean hasError() {
        return errorCode != null;
    }

    public ResultCode errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public void throwIfError() {
        if (errorCode != null) {
            throw new TursoException(errorCode, errorMessage);
        }
    }

    @Override
    public void setNull() {
        target.setNull();
    }

    @Override
    public void setLong(long value) {
        target.setLong(value);
    }

    @Override
    public void setDouble(double value) {
        target.setDouble(value);
    }

    @Override
    public void setText(String value) {
        if (value == null) {
            target.setNull();
        } else {
            target.setText(value);
        }
    }

    @Override
    public void setTextUtf8(byte[] value) {
        if (value == null) {
            target.setNull();
        } else {
            target.setText(value);
        }
    }

    @Override
    public void setBlob(byte[] value) {
        if (value == null) {
            target.setNull();
        } else {
            target.setBlob(value);
        }
    }

    @Override
    public void setValue(Value value) {
        target.set(value == null ? Value.NULL : value);
    }

    @Override
    public void setArgument(FunctionArguments args, int index) {
        if (args instanceof RegisterArguments ra) {
            target.copyFrom(ra.register(index));
        } else {
            target.set(args.get(index));
            target.setSubtype(args.subtype(index));
        }
    }

    @Override
    public void setSubtype(int subtype) {
        target.setSubtype(subtype);
    }

    @Override
    public void setError(ResultCode code, String message) {
        errorCode = code;
        errorMessage = message;
    }
}
