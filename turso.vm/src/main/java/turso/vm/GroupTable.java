/*
 * A hash aggregate: the groups of a GROUP BY, found by their keys in a hash
 * table as the rows come, each holding its own aggregate states (see
 * GroupSpec), so that a GROUP BY over many rows into few groups keeps one
 * entry per group instead of sorting every row. At the end only the groups
 * are sorted, by their keys in the order the GROUP BY's sorter would give
 * them, so the output is the one SQLite gives. Keys are equal when that
 * order says so (NULLs together, 1 and 1.0 together, text under the key's
 * collation): the hash is computed to agree with it, which the built-in
 * collations allow (the planner sends keys under other collations to the
 * sorter). A group keeps the key values of its first row, as SQLite shows
 * them. Its memory is one entry per group, never more than the sorter's one
 * row per input row.
 */
package turso.vm;

import java.util.ArrayList;
import java.util.List;
import turso.api.spi.Collation;

final class GroupTable {

    /** One group: its keys (copies of its first row's), state, and its place in the hash chain. */
    private static final class Group {
        final Register[] keys;
        final int hash;
        final Object[] states;
        final DistinctSet[] distincts;
        final Register[] saved;
        Group nextInBucket;

        Group(Register[] keys, int hash, Object[] states, int distinctCount, int savedCount) {
            this.keys = keys;
            this.hash = hash;
            this.states = states;
            this.distincts = new DistinctSet[distinctCount];
            this.saved = new Register[savedCount];
            for (int k = 0; k < savedCount; k++) {
                saved[k] = new Register();
            }
        }
    }

    private final GroupSpec spec;
    private final SortOrder order;
    private final Collation[] collations;
    private Group[] buckets = new Group[64];
    private final List<Group> groups = new ArrayList<>();
    /** The group whose state is in the VM's slots and registers, or null. */
    private Group current;
    /** After sort(): the index of the current group in key order. */
    private int position;

    GroupTable(GroupSpec spec) {
        this.spec = spec;
        this.order = spec.keys();
        this.collations = order.collations();
    }

    /**
     * Makes the group of the keys in {@code r[first..]} the current one,
     * adding it if it is new: its states replace the previous group's in
     * {@code aggregates}, {@code distincts} and the saved registers of
     * {@code r}, the previous group's being kept in it.
     */
    void find(Register[] r, int first, Object[] aggregates, DistinctSet[] distincts) {
        int h = hash(r, first);
        Group g = buckets[h & (buckets.length - 1)];
        while (g != null && (g.hash != h || !sameKeys(r, first, g.keys))) {
            g = g.nextInBucket;
        }
        if (g != null && g == current) {
            return;
        }
        if (current != null) {
            save(current, aggregates, distincts);
        }
        if (g == null) {
            g = add(r, first, h);
        }
        load(g, r, aggregates, distincts);
        current = g;
    }

    /**
     * Sorts the groups by their keys and makes the first one current, its
     * keys copied to {@code r[keysTo..]}; false if there is none.
     */
    boolean sort(Register[] r, int keysTo, Object[] aggregates, DistinctSet[] distincts) {
        if (current != null) {
            save(current, aggregates, distincts);
            current = null;
        }
        groups.sort((a, b) -> order.compare(a.keys, b.keys));
        position = -1;
        return next(r, keysTo, aggregates, distincts);
    }

    /** Makes the next group in key order current (keys to {@code r[keysTo..]}); false after the last. */
    boolean next(Register[] r, int keysTo, Object[] aggregates, DistinctSet[] distincts) {
        if (++position >= groups.size()) {
            return false;
        }
        Group g = groups.get(position);
        load(g, r, aggregates, distincts);
        for (int k = 0; k < g.keys.length; k++) {
            r[keysTo + k].copyFrom(g.keys[k]);
        }
        return true;
    }

    private Group add(Register[] r, int first, int h) {
        Register[] keys = new Register[collations.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = new Register();
            keys[k].copyFrom(r[first + k]);
        }
        Object[] states = new Object[spec.functions().length];
        for (int a = 0; a < states.length; a++) {
            states[a] = spec.functions()[a].newState();
        }
        Group g = new Group(keys, h, states, spec.distinctSlots().length, spec.savedRegisters().length);
        if (groups.size() >= buckets.length - (buckets.length >> 2)) {
            grow();
        }
        int b = h & (buckets.length - 1);
        g.nextInBucket = buckets[b];
        buckets[b] = g;
        groups.add(g);
        return g;
    }

    private void grow() {
        Group[] larger = new Group[buckets.length * 2];
        for (Group g : groups) {
            int b = g.hash & (larger.length - 1);
            g.nextInBucket = larger[b];
            larger[b] = g;
        }
        buckets = larger;
    }

    /**
     * Keeps the current group's aggregate states and DISTINCT sets (a DISTINCT
     * makes its set on first use). Its saved registers need no copy: they are
     * the very Register objects load() put in the register file.
     */
    private void save(Group g, Object[] aggregates, DistinctSet[] distincts) {
        int[] slots = spec.aggregateSlots();
        for (int a = 0; a < slots.length; a++) {
            g.states[a] = aggregates[slots[a]];
        }
        int[] distinctSlots = spec.distinctSlots();
        for (int d = 0; d < distinctSlots.length; d++) {
            g.distincts[d] = distincts[distinctSlots[d]];
        }
    }

    /** Puts group {@code g}'s state in the VM: its own Register objects in the register file, its states in the slots. */
    private void load(Group g, Register[] r, Object[] aggregates, DistinctSet[] distincts) {
        int[] savedRegisters = spec.savedRegisters();
        for (int k = 0; k < savedRegisters.length; k++) {
            r[savedRegisters[k]] = g.saved[k];
        }
        int[] slots = spec.aggregateSlots();
        for (int a = 0; a < slots.length; a++) {
            aggregates[slots[a]] = g.states[a];
        }
        int[] distinctSlots = spec.distinctSlots();
        for (int d = 0; d < distinctSlots.length; d++) {
            distincts[distinctSlots[d]] = g.distincts[d];
        }
    }

    /** Whether the keys in {@code r[first..]} equal {@code keys}, as the GROUP BY's sort order compares them. */
    private boolean sameKeys(Register[] r, int first, Register[] keys) {
        for (int k = 0; k < keys.length; k++) {
            Register a = r[first + k];
            Register b = keys[k];
            if (a.type() == turso.api.DataType.INTEGER && b.type() == turso.api.DataType.INTEGER) {
                if (a.longValue() != b.longValue()) {
                    return false;
                }
            } else if (a.isNull() || b.isNull()) {
                if (a.isNull() != b.isNull()) {
                    return false;
                }
            } else if (ValueComparator.compare(a, b, collations[k]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** A hash of the keys in {@code r[first..]} that equal keys (as {@link SortOrder} compares them) share. */
    private int hash(Register[] r, int first) {
        int h = 1;
        for (int k = 0; k < collations.length; k++) {
            h = h * 31 + hash(r[first + k], collations[k]);
        }
        return h ^ (h >>> 16);
    }

    private static int hash(Register v, Collation collation) {
        return switch (v.type()) {
            case NULL -> 0;
            case INTEGER -> mix(v.longValue());
            case REAL -> {
                double d = v.doubleValue();
                // an integral real equals the integer of the same value, so it hashes as that integer
                boolean integral = d >= -9.223372036854775808e18 && d < 9.223372036854775808e18 && d == Math.rint(d);
                yield mix(integral ? (long) d : Double.doubleToLongBits(d));
            }
            case TEXT -> textHash(v.bytes(), v.offset(), v.length(), collation);
            case BLOB -> bytesHash(v.bytes(), v.offset(), v.length());
        };
    }

    private static int mix(long v) {
        long x = v * 0x9E3779B97F4A7C15L;
        return (int) (x ^ (x >>> 32));
    }

    private static int textHash(byte[] b, int off, int len, Collation collation) {
        if (collation == null || collation == BuiltinCollation.BINARY) {
            return bytesHash(b, off, len);
        }
        if (collation == BuiltinCollation.RTRIM) {
            while (len > 0 && b[off + len - 1] == ' ') {
                len--;
            }
            return bytesHash(b, off, len);
        }
        if (collation == BuiltinCollation.NOCASE) {
            int h = 0;
            for (int i = 0; i < len; i++) {
                h = h * 31 + BuiltinCollation.fold(b[off + i]);
            }
            return h;
        }
        // a collation of the application's: equal text may differ in any byte, so all text shares one hash
        return 0x5bd1e995;
    }

    private static int bytesHash(byte[] b, int off, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = h * 31 + b[off + i];
        }
        return h;
    }
}
