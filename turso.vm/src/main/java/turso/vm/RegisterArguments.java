/*
 * FunctionArguments over a run of VM registers: a function reads its
 * arguments in place, with sqlite3_value_* conversions, and nothing is boxed.
 * One instance is rebound for every call.
 */
package turso.vm;

import turso.api.DataType;
import turso.api.Value;
import turso.api.spi.FunctionArguments;

public final class RegisterArguments implements FunctionArguments {
    private Register[] registers;
    private int base;
    private int count;

    public RegisterArguments() {
        this(new Register[0], 0, 0);
    }

    public RegisterArguments(Register... registers) {
        this(registers, 0, registers.length);
    }

    public RegisterArguments(Register[] registers, int base, int count) {
        bind(registers, base, count);
    }

    /** Points these arguments at registers {@code [base, base+count)}. */
    public RegisterArguments bind(Register[] registers, int base, int count) {
        this.registers = registers;
        this.base = base;
        this.count = count;
        return this;
    }

    /** The register holding argument {@code index}. */
    public Register register(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("argument " + index + " of " + count);
        }
        return registers[base + index];
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public DataType type(int index) {
        return register(index).type();
    }

    @Override
    public DataType numericType(int index) {
        return register(index).numericType();
    }

    @Override
    public long getLong(int index) {
        return register(index).toLong();
    }

    @Override
    public double getDouble(int index) {
        return register(index).toDouble();
    }

    @Override
    public String getText(int index) {
        return register(index).toText();
    }

    @Override
    public byte[] getTextUtf8(int index) {
        return register(index).toTextBytes();
    }

    @Override
    public byte[] getBlob(int index) {
        return register(index).toTextBytes();
    }

    @Override
    public int byteLength(int index) {
        return register(index).byteLength();
    }

    @Override
    public int subtype(int index) {
        return register(index).subtype();
    }

    @Override
    public Value get(int index) {
        return register(index).toValue();
    }
}
