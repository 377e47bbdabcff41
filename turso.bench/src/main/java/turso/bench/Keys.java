/*
 * The pseudo-random keys a workload looks up: the same fixed-seed sequence on
 * every engine, cheap enough (xorshift) not to show in the figures. The
 * threads of the mixed workload each take their own seed.
 */
package turso.bench;

final class Keys {

    private long state;

    Keys() {
        this(0);
    }

    Keys(int seed) {
        state = 0x9E3779B97F4A7C15L + seed * 0x632BE59BD9B4E019L;
    }

    /** The next key in [1, bound]. */
    long next(long bound) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        return Math.floorMod(state, bound) + 1;
    }
}
