/* Shared test support: FunctionArguments over boxed values and subtypes, converting as SQLite does. */
package turso.functions.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import turso.api.DataType;
import turso.api.Value;
import turso.api.spi.FunctionArguments;

public record FakeArguments(List<Value> values, int[] subtypes) implements FunctionArguments {

    public static FakeArguments of(Value... values) {
        return new FakeArguments(List.of(values), new int[values.length]);
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public DataType type(int index) {
        return values.get(index).type();
    }

    @Override
    public DataType numericType(int index) {
        return SqliteConversions.numericType(values.get(index));
    }

    @Override
    public long getLong(int index) {
        return SqliteConversions.toLong(SqliteConversions.numeric(values.get(index)));
    }

    @Override
    public double getDouble(int index) {
        return SqliteConversions.toDouble(values.get(index));
    }

    @Override
    public String getText(int index) {
        return SqliteConversions.text(values.get(index));
    }

    @Override
    public byte[] getTextUtf8(int index) {
        String s = getText(index);
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] getBlob(int index) {
        Value v = values.get(index);
        return switch (v) {
            case Value.Null n -> null;
            case Value.Blob b -> b.value();
            default -> getTextUtf8(index);
        };
    }

    @Override
    public int byteLength(int index) {
        byte[] b = getBlob(index);
        return b == null ? 0 : b.length;
    }

    @Override
    public int subtype(int index) {
        return subtypes[index];
    }

    @Override
    public Value get(int index) {
        return values.get(index);
    }
}
