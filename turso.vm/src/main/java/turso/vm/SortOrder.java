/*
 * The operand of SORTER_OPEN: how the first keyCount values of a sorter row
 * order it, per key: the collating sequence, descending or not, and where
 * NULLs go (by default first when ascending and last when descending, since
 * NULL is the smallest value).
 */
package turso.vm;

import java.util.Arrays;
import turso.api.spi.Collation;

public record SortOrder(Collation[] collations, boolean[] descending, boolean[] nullsFirst) {

    public SortOrder {
        collations = collations.clone();
        descending = descending.clone();
        nullsFirst = nullsFirst.clone();
    }

    public int keyCount() {
        return collations.length;
    }

    int compare(Register[] a, Register[] b) {
        return compare(a, 0, b);
    }

    /** Compares the row {@code a[from..]} (registers of the VM, say) with the sorter row {@code b}. */
    int compare(Register[] a, int from, Register[] b) {
        for (int k = 0; k < collations.length; k++) {
            boolean aNull = a[from + k].isNull();
            boolean bNull = b[k].isNull();
            int c;
            if (aNull || bNull) {
                if (aNull == bNull) {
                    continue;
                }
                c = aNull == nullsFirst[k] ? -1 : 1;
            } else {
                c = ValueComparator.compare(a[from + k], b[k], collations[k]);
                if (descending[k]) {
                    c = -c;
                }
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SortOrder s && Arrays.equals(collations, s.collations)
                && Arrays.equals(descending, s.descending) && Arrays.equals(nullsFirst, s.nullsFirst);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(descending) * 31 + Arrays.hashCode(nullsFirst);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("k(").append(collations.length);
        for (int k = 0; k < collations.length; k++) {
            s.append(',').append(descending[k] ? "-" : "").append(collations[k].name());
        }
        return s.append(')').toString();
    }
}
