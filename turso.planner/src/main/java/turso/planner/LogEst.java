/*
 * The planner's arithmetic on estimates, as SQLite keeps them: a count as
 * ten times its binary logarithm ("LogEst", 10 = 2 rows, 33 = 10, 200 =
 * about a million), computed and added the way SQLite rounds them, so that
 * costs built from sqlite_stat1 counts compare equal where SQLite's do and
 * the same plan wins.
 */
package turso.planner;

final class LogEst {
    private LogEst() {
    }

    /** LogEst of the fractions 8/8 .. 15/8: what the three bits after a count's top bit add. */
    private static final int[] FRACTION = {0, 2, 3, 5, 6, 7, 8, 9};

    /** What adding a smaller LogEst adds to the larger, by their difference (0 to 31). */
    private static final int[] SUM = {10, 10, 9, 9, 8, 8, 7, 7, 7, 6, 6, 6, 5, 5, 5, 4, 4, 4, 4,
        3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2};

    /** The LogEst of a count, truncated as SQLite truncates it (1000 is 99, not 100). */
    static int of(long n) {
        if (n < 2) {
            return 0;
        }
        int y = 40;
        long x = n;
        if (x < 8) {
            while (x < 8) {
                y -= 10;
                x <<= 1;
            }
        } else {
            while (x > 255) {
                y += 40;
                x >>>= 4;
            }
            while (x > 15) {
                y += 10;
                x >>>= 1;
            }
        }
        return FRACTION[(int) (x & 7)] + y - 10;
    }

    /** The LogEst of the sum of two counts given as LogEst. */
    static int add(int a, int b) {
        int high = Math.max(a, b);
        int diff = high - Math.min(a, b);
        if (diff > 49) {
            return high;
        }
        if (diff > 31) {
            return high + 1;
        }
        return high + SUM[diff];
    }

    /** The LogEst of the binary logarithm of a count given as LogEst: what a seek among that many rows costs. */
    static int log(int logEst) {
        return logEst <= 10 ? 0 : of(logEst) - 33;
    }
}
