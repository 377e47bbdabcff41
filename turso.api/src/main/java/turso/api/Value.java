/*
 * One SQL value, boxed: for the convenience accessors of the API and for
 * functions that want a whole value. Hot paths (the VM, typed column
 * accessors, function arguments) never build these.
 */
package turso.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

public sealed interface Value {

    DataType type();

    record Null() implements Value {
        @Override
        public DataType type() {
            return DataType.NULL;
        }
    }

    record Int(long value) implements Value {
        @Override
        public DataType type() {
            return DataType.INTEGER;
        }
    }

    record Real(double value) implements Value {
        @Override
        public DataType type() {
            return DataType.REAL;
        }
    }

    record Text(String value) implements Value {
        public Text {
            java.util.Objects.requireNonNull(value);
        }

        @Override
        public DataType type() {
            return DataType.TEXT;
        }

        public byte[] utf8() {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A blob; the array is not copied, so a caller must not change it after handing it over. */
    record Blob(byte[] value) implements Value {
        public Blob {
            java.util.Objects.requireNonNull(value);
        }

        @Override
        public DataType type() {
            return DataType.BLOB;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Blob b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Blob[x'" + HexFormat.of().formatHex(value) + "']";
        }
    }

    Null NULL = new Null();

    static Value of(long v) {
        return new Int(v);
    }

    static Value of(double v) {
        return new Real(v);
    }

    static Value of(String v) {
        return v == null ? NULL : new Text(v);
    }

    static Value of(byte[] v) {
        return v == null ? NULL : new Blob(v);
    }
}
