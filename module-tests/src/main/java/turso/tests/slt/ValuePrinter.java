/*
 * Prints one result value as the reference harness does for the column's
 * declared letter: NULL whatever the letter; I as sqlite3_column_int (64-bit
 * conversion, then the low 32 bits); R as sqlite3_column_double through
 * "%.3f"; T as sqlite3_column_text, cut at the first NUL byte (the harness
 * copies it as a C string), "(empty)" when nothing is left and '@' for every
 * byte outside 0x20..0x7E.
 */
package turso.tests.slt;

import java.nio.charset.StandardCharsets;
import turso.api.Value;

final class ValuePrinter {

    private ValuePrinter() {
    }

    static String print(Value value, char type) {
        if (value instanceof Value.Null) {
            return "NULL";
        }
        return switch (type) {
            case 'I' -> Integer.toString((int) asInt64(value));
            case 'R' -> SqlitePrintf.fixed(asDouble(value), 3);
            case 'T' -> printText(asText(value));
            default -> throw new IllegalArgumentException("unknown column type letter: " + type);
        };
    }

    static long asInt64(Value value) {
        return switch (value) {
            case Value.Null n -> 0;
            case Value.Int i -> i.value();
            case Value.Real r -> SqliteNumbers.doubleToInt64(r.value());
            case Value.Text t -> SqliteNumbers.textToInt64(t.utf8());
            case Value.Blob b -> SqliteNumbers.textToInt64(b.value());
        };
    }

    static double asDouble(Value value) {
        return switch (value) {
            case Value.Null n -> 0.0;
            case Value.Int i -> (double) i.value();
            case Value.Real r -> r.value();
            case Value.Text t -> SqliteNumbers.textToDouble(t.utf8());
            case Value.Blob b -> SqliteNumbers.textToDouble(b.value());
        };
    }

    static byte[] asText(Value value) {
        return switch (value) {
            case Value.Null n -> new byte[0];
            case Value.Int i -> Long.toString(i.value()).getBytes(StandardCharsets.US_ASCII);
            case Value.Real r -> SqlitePrintf.realAsText(r.value()).getBytes(StandardCharsets.US_ASCII);
            case Value.Text t -> t.utf8();
            case Value.Blob b -> b.value();
        };
    }

    private static String printText(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            if (b == 0) {
                break;
            }
            out.append(b >= 0x20 && b <= 0x7E ? (char) b : '@');
        }
        return out.isEmpty() ? "(empty)" : out.toString();
    }
}
