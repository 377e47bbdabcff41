/*
 * The pseudo-random keys a workload looks up: the same fixed-seed sequence on
 * every engine, cheap enough (xorshift) not to show in the figures.
 */
package turso.bench;

final class Keys {

    private long state = 0x9E3779B97F4A7C15L;

    /** The next key in [1, bound]. */
    long next(long bound) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        return Math.floorMod(state, bound) + 1;
    }
}
