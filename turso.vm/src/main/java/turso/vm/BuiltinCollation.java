/*
 * SQLite's three built-in collating sequences, compared in place over UTF-8
 * bytes: BINARY (memcmp, then the shorter first), NOCASE (the same with ASCII
 * A-Z folded to lower case; other letters are not folded), RTRIM (BINARY
 * ignoring trailing spaces). The enum constant names are the SQL names.
 */
package turso.vm;

import turso.api.spi.Collation;

public enum BuiltinCollation implements Collation {
    BINARY {
        @Override
        public int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
            return binary(a, aOff, aLen, b, bOff, bLen);
        }
    },
    NOCASE {
        @Override
        public int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
            int n = Math.min(aLen, bLen);
            for (int i = 0; i < n; i++) {
                int x = fold(a[aOff + i]);
                int y = fold(b[bOff + i]);
                if (x != y) {
                    return x - y;
                }
            }
            return aLen - bLen;
        }
    },
    RTRIM {
        @Override
        public int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
            while (aLen > 0 && a[aOff + aLen - 1] == ' ') {
                aLen--;
            }
            while (bLen > 0 && b[bOff + bLen - 1] == ' ') {
                bLen--;
            }
            return binary(a, aOff, aLen, b, bOff, bLen);
        }
    };

    static int binary(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        int c = java.util.Arrays.compareUnsigned(a, aOff, aOff + Math.min(aLen, bLen), b, bOff, bOff + Math.min(aLen, bLen));
        return c != 0 ? c : Integer.compare(aLen, bLen);
    }

    /** ASCII lower-casing of one byte, as unsigned. */
    static int fold(byte c) {
        int x = c & 0xFF;
        return x >= 'A' && x <= 'Z' ? x + 32 : x;
    }
}
