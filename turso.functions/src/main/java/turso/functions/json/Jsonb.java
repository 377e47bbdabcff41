/*
 * SQLite's binary JSON format (JSONB, 3.45+; jsonb.html): each element is a
 * header byte, whose low four bits are the element type and high four bits
 * the payload size (0-11) or how many bytes of big-endian size follow (12:
 * 1, 13: 2, 14: 4, 15: 8), then the payload. Scalars keep their JSON text
 * (numbers as written, strings without their quotes: TEXT needs no escaping,
 * TEXTJ has JSON escapes, TEXT5 JSON5 escapes, TEXTRAW needs escaping when
 * written); arrays and objects hold their elements, an object alternating
 * labels and values. Sizes are always written in the fewest bytes, as
 * SQLite writes them, so blobs come out byte for byte the same.
 */
package turso.functions.json;

import java.io.ByteArrayOutputStream;

final class Jsonb {

    private Jsonb() {
    }

    static final int NULL = 0;
    static final int TRUE = 1;
    static final int FALSE = 2;
    static final int INT = 3;
    static final int INT5 = 4;
    static final int FLOAT = 5;
    static final int FLOAT5 = 6;
    static final int TEXT = 7;
    static final int TEXTJ = 8;
    static final int TEXT5 = 9;
    static final int TEXTRAW = 10;
    static final int ARRAY = 11;
    static final int OBJECT = 12;

    /** Appends an element's header for a payload of {@code size} bytes. */
    static void header(ByteArrayOutputStream out, int type, int size) {
        if (size <= 11) {
            out.write(size << 4 | type);
        } else if (size <= 0xff) {
            out.write(0xc0 | type);
            out.write(size);
        } else if (size <= 0xffff) {
            out.write(0xd0 | type);
            out.write(size >>> 8);
            out.write(size);
        } else {
            out.write(0xe0 | type);
            out.write(size >>> 24);
            out.write(size >>> 16);
            out.write(size >>> 8);
            out.write(size);
        }
    }

    /**
     * An element written over one of {@code oldSize} bytes, as SQLite edits
     * JSONB in place: when it is 1 to 8 bytes smaller and its header can be
     * widened by exactly that much (to 2, 3, 5 or 9 bytes; never for null,
     * true or false), it is, so the document need not move; else it is
     * returned as it is.
     */
    static byte[] overwrite(byte[] element, int oldSize) {
        int d = oldSize - element.length;
        int type = element[0] & 0x0f;
        if (d < 1 || d > 8 || type <= FALSE) {
            return element;
        }
        int code = (element[0] & 0xff) >>> 4;
        int headerLength = code <= 11 ? 1 : code == 12 ? 2 : code == 13 ? 3 : code == 14 ? 5 : 9;
        int wider = headerLength + d;
        int newCode = switch (wider) {
            case 2 -> 12;
            case 3 -> 13;
            case 5 -> 14;
            case 9 -> 15;
            default -> -1;
        };
        if (newCode < 0) {
            return element;
        }
        int payload = element.length - headerLength;
        byte[] out = new byte[oldSize];
        out[0] = (byte) (newCode << 4 | type);
        for (int i = 1; i < wider; i++) {
            out[i] = (byte) (wider - 1 - i < 4 ? payload >>> (8 * (wider - 1 - i)) : 0);
        }
        System.arraycopy(element, headerLength, out, wider, payload);
        return out;
    }

    /** Appends a whole element. */
    static void element(ByteArrayOutputStream out, int type, byte[] payload) {
        header(out, type, payload.length);
        out.writeBytes(payload);
    }
}
