/*
 * A value as sqlite3_column_text hands it to sqlite3's shell: a C string, so
 * text with an embedded NUL (and a blob) ends at the first NUL byte, and a
 * REAL as sqlite3 3.40 turns it into text ("%!.15g").
 */
package turso.cli.output;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import turso.api.DataType;

final class Values {

    private static final int TEXT_PRECISION = 15;

    private Values() {
    }

    /** The value's text, or null for NULL. */
    static byte[] text(RowSource rows, int column) {
        DataType type = rows.type(column);
        return switch (type) {
            case NULL -> null;
            case REAL -> RealFormat.generic(rows.real(column), TEXT_PRECISION).getBytes(StandardCharsets.US_ASCII);
            case INTEGER, TEXT, BLOB -> cString(rows.bytes(column));
        };
    }

    static byte[] cString(byte[] bytes) {
        if (bytes == null) {
            return new byte[0];
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return Arrays.copyOf(bytes, i);
            }
        }
        return bytes;
    }
}
