/*
 * Comparison of SQL values as SQLite orders them: NULL first, then numbers
 * (integers and reals compared exactly, even beyond 2^53), then text (by a
 * collating sequence), then blobs (memcmp). The instance form adds what a
 * comparison operator does on top: affinity applied to copies of the
 * operands, and NULL's three-valued logic; it owns two scratch registers so
 * that comparing allocates nothing, and is therefore not thread-safe (one
 * per executing program).
 */
package turso.vm;

import turso.api.DataType;
import turso.api.spi.Collation;

public final class ValueComparator {
    private final Register left = new Register();
    private final Register right = new Register();

    private static int rank(DataType t) {
        return switch (t) {
            case NULL -> 0;
            case INTEGER, REAL -> 1;
            case TEXT -> 2;
            case BLOB -> 3;
        };
    }

    /** Total order for sorting, indexes, min/max and DISTINCT; {@code collation} null means BINARY. */
    public static int compare(Register a, Register b, Collation collation) {
        DataType ta = a.type();
        DataType tb = b.type();
        if (ta == tb) {
            if (ta == DataType.INTEGER) {
                return Long.compare(a.longValue(), b.longValue());
            }
            if (ta == DataType.REAL) {
                return Double.compare(a.doubleValue() + 0.0, b.doubleValue() + 0.0);
            }
        }
        int ra = rank(ta);
        int rb = rank(tb);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        switch (ra) {
            case 0:
                return 0;
            case 1:
                if (ta == DataType.INTEGER) {
                    return tb == DataType.INTEGER
                            ? Long.compare(a.longValue(), b.longValue())
                            : compareLongDouble(a.longValue(), b.doubleValue());
                }
                return tb == DataType.INTEGER
                        ? -compareLongDouble(b.longValue(), a.doubleValue())
                        : Double.compare(a.doubleValue() + 0.0, b.doubleValue() + 0.0);
            case 2:
                if (collation != null && collation != BuiltinCollation.BINARY) {
                    return collation.compare(a.bytes(), a.offset(), a.length(), b.bytes(), b.offset(), b.length());
                }
                return BuiltinCollation.binary(a.bytes(), a.offset(), a.length(), b.bytes(), b.offset(), b.length());
            default:
                return BuiltinCollation.binary(a.bytes(), a.offset(), a.length(), b.bytes(), b.offset(), b.length());
        }
    }

    /** Exact comparison of an integer with a real. */
    public static int compareLongDouble(long i, double r) {
        if (r < -9.223372036854775808e18) {
            return 1;
        }
        if (r >= 9.223372036854775808e18) {
            return -1;
        }
        long t = (long) r;
        if (i != t) {
            return Long.compare(i, t);
        }
        double frac = r - (double) t;
        return frac > 0 ? -1 : frac < 0 ? 1 : 0;
    }

    /**
     * Evaluates {@code a op b} into {@code out}: 1, 0, or NULL when an operand
     * is NULL (except for IS and IS NOT, which are never NULL). Affinity
     * {@code affinity} (see {@link Affinity#forComparison}) is applied to copies.
     */
    public void compare(CompareOp op, Register a, Register b, Affinity affinity, Collation collation, Register out) {
        int c = compare(op, a, b, affinity, collation);
        if (c == NULL_RESULT) {
            out.setNull();
        } else {
            out.setLong(c);
        }
    }

    /** Marker returned by {@link #compare(CompareOp, Register, Register, Affinity, Collation)} for NULL. */
    public static final int NULL_RESULT = -1;

    /** {@code a op b} as 1, 0 or {@link #NULL_RESULT}. */
    public int compare(CompareOp op, Register a, Register b, Affinity affinity, Collation collation) {
        boolean aNull = a.isNull();
        boolean bNull = b.isNull();
        if (aNull || bNull) {
            return switch (op) {
                case IS -> aNull && bNull ? 1 : 0;
                case IS_NOT -> aNull && bNull ? 0 : 1;
                default -> NULL_RESULT;
            };
        }
        Register x = a;
        Register y = b;
        if (affinity != null && affinity != Affinity.NONE && affinity != Affinity.BLOB) {
            if (affinity.changesForComparison(a)) {
                left.copyFrom(a);
                affinity.applyForComparison(left);
                x = left;
            }
            if (affinity.changesForComparison(b)) {
                right.copyFrom(b);
                affinity.applyForComparison(right);
                y = right;
            }
        }
        return op.test(compare(x, y, collation)) ? 1 : 0;
    }
}
