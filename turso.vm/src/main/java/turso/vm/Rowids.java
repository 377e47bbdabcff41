/*
 * How a value finds rows by rowid, as SQLite's rowid comparisons read it:
 * with numeric affinity, so that '7' and 7.0 find row 7 and 7.5 falls
 * between rows 7 and 8, while text and blobs that are no numbers sort after
 * every rowid. Used by the VM's rowid seeks (SEEK_ROWID, SEEK_GE .. SEEK_LT
 * on a table cursor).
 */
package turso.vm;

import turso.api.DataType;
import turso.btree.SeekOp;

final class Rowids {
    private static final double TWO_63 = 0x1p63;

    private Rowids() {
    }

    /** Where a rowid range starts: nowhere, at the last row, or at a rowid by a seek. */
    sealed interface Bound {
        record None() implements Bound {
        }

        record Last() implements Bound {
        }

        record At(long rowid, SeekOp op) implements Bound {
        }
    }

    /** The rowid {@code v} equals, or null if it equals none (NULL, text that is no integer, 7.5). */
    static Long exact(Register v) {
        Register n = numeric(v);
        return switch (n.type()) {
            case INTEGER -> n.longValue();
            case REAL -> {
                double x = n.doubleValue();
                yield x == Math.rint(x) && x >= -TWO_63 && x < TWO_63 ? (Long) (long) x : null;
            }
            default -> null;
        };
    }

    /** Where a seek {@code op} against {@code v} puts a table cursor. */
    static Bound bound(Register v, SeekOp op) {
        Register n = numeric(v);
        if (n.type() == DataType.NULL) {
            return new Bound.None();
        }
        if (n.type() == DataType.TEXT || n.type() == DataType.BLOB) {
            return op == SeekOp.GE || op == SeekOp.GT ? new Bound.None() : new Bound.Last();
        }
        if (n.type() == DataType.INTEGER) {
            return new Bound.At(n.longValue(), op);
        }
        double x = n.doubleValue();
        if (Double.isNaN(x)) {
            return new Bound.None();
        }
        boolean whole = x == Math.rint(x);
        return switch (op) {
            case GE, GT -> {
                if (x >= TWO_63) {
                    yield new Bound.None();
                }
                if (x < -TWO_63) {
                    yield new Bound.At(Long.MIN_VALUE, SeekOp.GE);
                }
                yield whole && op == SeekOp.GT ? new Bound.At((long) x, SeekOp.GT)
                        : new Bound.At((long) Math.ceil(x), SeekOp.GE);
            }
            default -> {
                if (x >= TWO_63) {
                    yield new Bound.Last();
                }
                if (x < -TWO_63) {
                    yield new Bound.None();
                }
                yield whole && op == SeekOp.LT ? new Bound.At((long) x, SeekOp.LT)
                        : new Bound.At((long) Math.floor(x), SeekOp.LE);
            }
        };
    }

    private static Register numeric(Register v) {
        Register n = new Register();
        n.copyFrom(v);
        Affinity.NUMERIC.apply(n);
        return n;
    }
}
