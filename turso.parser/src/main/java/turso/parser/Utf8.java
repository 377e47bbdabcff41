/* Char offsets (Java strings) to byte offsets (SQLite reports positions in UTF-8 bytes). */
package turso.parser;

final class Utf8 {
    private Utf8() {
    }

    static int byteOffset(String s, int charOffset) {
        int bytes = 0;
        int end = Math.min(charOffset, s.length());
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
