/*
 * SQL literals as the tests write them, turned into registers: NULL, integers
 * (with a leading minus), reals, 'text' with '' escapes, and x'hex' blobs.
 * The same text goes into the SQL sent to SQLite, so both sides start from
 * the same values.
 */
package turso.vm;

import java.util.HexFormat;
import java.util.List;

public final class Literals {
    private Literals() {
    }

    /** Values of every storage class with the edges that matter to conversions and arithmetic. */
    public static final List<String> POOL = List.of(
            "NULL", "0", "1", "-1", "2", "3", "-7", "10", "255", "4611686018427387904",
            "9223372036854775807", "-9223372036854775808", "9007199254740993",
            "0.0", "1.0", "1.5", "-2.5", "0.1", "3.75", "1e308", "-1e308", "1e-300", "123456789012345.0",
            "9223372036854775807.0", "1e19", "-1e19",
            "''", "'abc'", "'ABC'", "'12abc'", "' 12 '", "'1e3'", "'0x10'", "'-'", "'1.5'", "'-0'",
            "'9223372036854775808'", "'-9223372036854775809'", "'  -12.5e-1xyz'", "'é'", "'a '", "'.5'", "'5.'",
            "x''", "x'00'", "x'3132'", "x'41'", "x'ff00'");

    /**
     * The same value as {@link #reg}, but text and blobs as a slice in the middle
     * of a larger array with other bytes around it, as values read from a page are.
     */
    public static Register sliced(String literal) {
        Register r = reg(literal);
        if (r.type() == turso.api.DataType.TEXT || r.type() == turso.api.DataType.BLOB) {
            byte[] padded = new byte[r.length() + 7];
            java.util.Arrays.fill(padded, (byte) '7');
            System.arraycopy(r.bytes(), r.offset(), padded, 3, r.length());
            if (r.type() == turso.api.DataType.TEXT) {
                r.setText(padded, 3, r.length());
            } else {
                r.setBlob(padded, 3, r.length());
            }
        }
        return r;
    }

    public static Register reg(String literal) {
        Register r = new Register();
        String s = literal.trim();
        if (s.equalsIgnoreCase("NULL")) {
            r.setNull();
        } else if (s.startsWith("'")) {
            r.setText(s.substring(1, s.length() - 1).replace("''", "'"));
        } else if (s.startsWith("x'") || s.startsWith("X'")) {
            r.setBlob(HexFormat.of().parseHex(s.substring(2, s.length() - 1)));
        } else if (s.matches("-?[0-9]+")) {
            r.setLong(Long.parseLong(s));
        } else {
            r.setDouble(Double.parseDouble(s));
        }
        return r;
    }
}
