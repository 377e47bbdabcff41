/*
 * One VM register: a mutable SQL value reused row after row, so that a scan
 * boxes nothing. It holds a storage class tag and, depending on it, a long, a
 * double, or UTF-8 text / blob bytes as a slice of an array (so values read
 * from a page need no copy). Text becomes a String only when someone asks.
 * The conversions between storage classes follow SQLite's: see NumericText for
 * text to number, RealFormat for real to text.
 */
package turso.vm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import turso.api.DataType;
import turso.api.Value;

public final class Register {
    private static final byte[] EMPTY = new byte[0];

    private DataType type = DataType.NULL;
    private long longValue;
    private double doubleValue;
    private byte[] bytes = EMPTY;
    private int offset;
    private int length;
    /** The decoded text of a TEXT value, or the rendering of a number, once asked for. */
    private String string;
    /** The text form of a number once asked for as bytes. */
    private byte[] numberText;
    private int subtype;

    public Register() {
    }

    public static Register of(Value value) {
        Register r = new Register();
        r.set(value);
        return r;
    }

    public DataType type() {
        return type;
    }

    public boolean isNull() {
        return type == DataType.NULL;
    }

    public int subtype() {
        return subtype;
    }

    public void setSubtype(int subtype) {
        this.subtype = subtype;
    }

    // ---- setters ----

    private void reset(DataType t) {
        type = t;
        // a reference field is stored only when it changes: a scan sets the same registers on every row, and a
        // store costs the collector's write barrier even when it writes null over null
        if (string != null) {
            string = null;
        }
        if (numberText != null) {
            numberText = null;
        }
        subtype = 0;
    }

    public void setNull() {
        reset(DataType.NULL);
        bytes = EMPTY;
        offset = 0;
        length = 0;
    }

    public void setLong(long v) {
        reset(DataType.INTEGER);
        longValue = v;
    }

    /** A NaN becomes NULL, as SQLite never stores a NaN. */
    public void setDouble(double v) {
        if (Double.isNaN(v)) {
            setNull();
            return;
        }
        reset(DataType.REAL);
        doubleValue = v;
    }

    public void setBoolean(boolean v) {
        setLong(v ? 1 : 0);
    }

    /** Text as UTF-8 bytes {@code [off, off+len)} of {@code b}; the array is shared, not copied. */
    public void setText(byte[] b, int off, int len) {
        reset(DataType.TEXT);
        bytes = b;
        offset = off;
        length = len;
    }

    public void setText(byte[] utf8) {
        setText(utf8, 0, utf8.length);
    }

    public void setText(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        setText(b, 0, b.length);
        string = s;
    }

    /** A blob of bytes {@code [off, off+len)} of {@code b}; the array is shared, not copied. */
    public void setBlob(byte[] b, int off, int len) {
        reset(DataType.BLOB);
        bytes = b;
        offset = off;
        length = len;
    }

    public void setBlob(byte[] b) {
        setBlob(b, 0, b.length);
    }

    /** Makes this register a copy of {@code other} (bytes shared, which are never mutated in place). */
    public void copyFrom(Register other) {
        if (other == this) {
            return;
        }
        type = other.type;
        longValue = other.longValue;
        doubleValue = other.doubleValue;
        if (bytes != other.bytes) {
            bytes = other.bytes;
        }
        offset = other.offset;
        length = other.length;
        if (string != other.string) {
            string = other.string;
        }
        if (numberText != other.numberText) {
            numberText = other.numberText;
        }
        subtype = other.subtype;
    }

    public void set(Value value) {
        switch (value) {
            case Value.Null n -> setNull();
            case Value.Int i -> setLong(i.value());
            case Value.Real d -> setDouble(d.value());
            case Value.Text t -> setText(t.value());
            case Value.Blob b -> setBlob(b.value());
        }
    }

    // ---- raw access for the same storage class ----

    /** The bytes array of a TEXT or BLOB value; valid from {@link #offset()} for {@link #length()} bytes. */
    public byte[] bytes() {
        return bytes;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    // ---- conversions (sqlite3_value_* semantics) ----

    /** The value as an integer: reals truncate (saturating), text and blobs read a leading integer. */
    public long toLong() {
        return switch (type) {
            case INTEGER -> longValue;
            case REAL -> realToLong(doubleValue);
            case TEXT, BLOB -> NumericText.parseLong(bytes, offset, length);
            case NULL -> 0;
        };
    }

    /** The value as a real: text and blobs read their longest leading number. */
    public double toDouble() {
        return switch (type) {
            case INTEGER -> (double) longValue;
            case REAL -> doubleValue;
            case TEXT, BLOB -> NumericText.parseDouble(bytes, offset, length);
            case NULL -> 0.0;
        };
    }

    /** SQLite's conversion of a real to an integer: truncation, saturating at the int64 range. */
    static long realToLong(double d) {
        return (long) d;
    }

    /** The value's text as a String; numbers are rendered as SQLite renders them; null for NULL. */
    public String toText() {
        if (string != null) {
            return string;
        }
        string = switch (type) {
            case INTEGER -> Long.toString(longValue);
            case REAL -> RealFormat.render(doubleValue);
            case TEXT, BLOB -> Utf8.decode(bytes, offset, length);
            case NULL -> null;
        };
        return string;
    }

    /**
     * The value as UTF-8 bytes in an array of its own length (copied if the
     * value is a slice); null for NULL. The caller must not change it.
     */
    public byte[] toTextBytes() {
        switch (type) {
            case NULL:
                return null;
            case INTEGER:
            case REAL:
                if (numberText == null) {
                    numberText = toText().getBytes(StandardCharsets.ISO_8859_1);
                }
                return numberText;
            default:
                if (offset != 0 || length != bytes.length) {
                    bytes = Arrays.copyOfRange(bytes, offset, offset + length);
                    offset = 0;
                }
                return bytes;
        }
    }

    /** The number of bytes of the value as text or blob (sqlite3_value_bytes). */
    public int byteLength() {
        return switch (type) {
            case NULL -> 0;
            case INTEGER, REAL -> toTextBytes().length;
            case TEXT, BLOB -> length;
        };
    }

    /** The truth value (sqlite3VdbeBooleanValue): NULL has none, numbers are true when not zero. */
    public boolean isTrue() {
        return switch (type) {
            case NULL -> false;
            case INTEGER -> longValue != 0;
            default -> toDouble() != 0.0;
        };
    }

    /** The value boxed. */
    public Value toValue() {
        return switch (type) {
            case NULL -> Value.NULL;
            case INTEGER -> Value.of(longValue);
            case REAL -> Value.of(doubleValue);
            case TEXT -> Value.of(toText());
            case BLOB -> Value.of(Arrays.copyOfRange(bytes, offset, offset + length));
        };
    }

    /** The raw integer of an INTEGER register. */
    public long longValue() {
        return longValue;
    }

    /** The raw real of a REAL register. */
    public double doubleValue() {
        return doubleValue;
    }

    // ---- in-place conversions ----

    /**
     * The type this value would have after numeric affinity
     * (sqlite3_value_numeric_type): text that is wholly a number counts as
     * that number. The register itself is not changed.
     */
    public DataType numericType() {
        if (type != DataType.TEXT) {
            return type;
        }
        return NumericText.classify(bytes, offset, length);
    }

    /**
     * Converts this register to a number the way arithmetic reads its
     * operands: text and blobs become the number their leading characters
     * spell (an integer when they spell one that fits, else a real; 0 when
     * there is none).
     */
    public void toNumeric() {
        if (type == DataType.TEXT || type == DataType.BLOB) {
            NumericText.parsePrefix(bytes, offset, length, this);
        }
    }

    /** Changes this value to TEXT (numbers rendered, blobs reinterpreted); NULL stays NULL. */
    public void toTextInPlace() {
        switch (type) {
            case INTEGER, REAL -> {
                String s = toText();
                byte[] b = toTextBytes();
                setText(b, 0, b.length);
                string = s;
            }
            case BLOB -> setText(bytes, offset, length);
            default -> {
            }
        }
    }

    /** Changes this value to BLOB (text and numbers as their UTF-8 bytes); NULL stays NULL. */
    public void toBlobInPlace() {
        switch (type) {
            case INTEGER, REAL -> {
                byte[] b = toTextBytes();
                setBlob(b, 0, b.length);
            }
            case TEXT -> setBlob(bytes, offset, length);
            default -> {
            }
        }
    }

    @Override
    public String toString() {
        return switch (type) {
            case NULL -> "NULL";
            case BLOB -> "x'" + java.util.HexFormat.of().formatHex(bytes, offset, offset + length) + "'";
            case TEXT -> "'" + toText() + "'";
            default -> toText();
        };
    }
}
