/*
 * The operand of GROUP_OPEN: what a hash aggregate keeps per group. The
 * group keys compare as the sorter of a GROUP BY would order them (keys);
 * each group has its own state of every aggregate function (functions, in
 * the VM's aggregate slots aggregateSlots), its own DISTINCT sets (in the
 * VM's slots distinctSlots) and its own copy of the registers the per-row
 * code keeps across rows (savedRegisters: the bare columns' holders, and
 * whether they were taken or the min/max they follow). GROUP_FIND swaps
 * these in when a row's group is not the current one.
 */
package turso.vm;

import java.util.Arrays;
import turso.api.spi.AggregateFunction;

public record GroupSpec(SortOrder keys, int[] aggregateSlots, AggregateFunction<?>[] functions, int[] distinctSlots,
        int[] savedRegisters) {

    public GroupSpec {
        if (aggregateSlots.length != functions.length) {
            throw new IllegalArgumentException("one aggregate slot per function");
        }
        aggregateSlots = aggregateSlots.clone();
        functions = functions.clone();
        distinctSlots = distinctSlots.clone();
        savedRegisters = savedRegisters.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupSpec g && keys.equals(g.keys) && Arrays.equals(aggregateSlots, g.aggregateSlots)
                && Arrays.equals(functions, g.functions) && Arrays.equals(distinctSlots, g.distinctSlots)
                && Arrays.equals(savedRegisters, g.savedRegisters);
    }

    @Override
    public int hashCode() {
        return keys.hashCode() * 31 + Arrays.hashCode(aggregateSlots);
    }

    /** As EXPLAIN shows it: the key order and the number of aggregates. */
    @Override
    public String toString() {
        return "groups " + keys + " aggregates " + functions.length;
    }
}
