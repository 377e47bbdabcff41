/*
 * How the columns of an index key compare: one collation and one sort order
 * per column, as SQLite's KeyInfo. Columns beyond those described compare
 * with BINARY ascending (e.g. the rowid appended to every index key).
 */
package turso.btree;

import java.util.Arrays;
import turso.api.spi.Collation;

public record KeyInfo(Collation[] collations, boolean[] descending) {

    /** The BINARY collation: memcmp of the UTF-8 bytes, shorter first on a tie. */
    public static final Collation BINARY = new Collation() {
        @Override
        public String name() {
            return "BINARY";
        }

        @Override
        public int compare(byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength) {
            int c = Arrays.compareUnsigned(a, aOffset, aOffset + aLength, b, bOffset, bOffset + bLength);
            return Integer.signum(c);
        }
    };

    /** BINARY ascending on every column. */
    public static final KeyInfo DEFAULT = new KeyInfo(new Collation[0], new boolean[0]);

    public KeyInfo {
        collations = collations.clone();
        descending = descending.clone();
    }

    /** {@code n} columns, all BINARY, with the given orders. */
    public static KeyInfo of(boolean... descending) {
        Collation[] c = new Collation[descending.length];
        Arrays.fill(c, BINARY);
        return new KeyInfo(c, descending);
    }

    Collation collation(int col) {
        return col < collations.length && collations[col] != null ? collations[col] : BINARY;
    }

    boolean isDescending(int col) {
        return col < descending.length && descending[col];
    }
}
