/*
 * SQL's arithmetic, bitwise, concatenation and logical operators over
 * registers, with SQLite's rules: a NULL operand gives NULL; text and blob
 * operands are read as the number they start with ('12abc' + 1 = 13);
 * integer results that overflow int64 become REAL; integer division
 * truncates; division or remainder by zero gives NULL; % on reals works on
 * their integer parts (read as CAST AS INTEGER reads them); NaN results are NULL. The result register may be one
 * of the operands.
 */
package turso.vm;

import turso.api.DataType;

public final class Arithmetic {
    private Arithmetic() {
    }

    /** The storage class an operand has for arithmetic: NULL, INTEGER or REAL. */
    static DataType operandType(Register r) {
        return switch (r.type()) {
            case NULL -> DataType.NULL;
            case INTEGER -> DataType.INTEGER;
            case REAL -> DataType.REAL;
            case TEXT, BLOB -> NumericText.prefixType(r.bytes(), r.offset(), r.length());
        };
    }

    public static void add(Register a, Register b, Register out) {
        DataType ta = operandType(a);
        DataType tb = operandType(b);
        if (ta == DataType.NULL || tb == DataType.NULL) {
            out.setNull();
        } else if (ta == DataType.INTEGER && tb == DataType.INTEGER) {
            long x = a.toLong();
            long y = b.toLong();
            long r = x + y;
            if (((x ^ r) & (y ^ r)) < 0) {
                out.setDouble((double) x + (double) y);
            } else {
                out.setLong(r);
            }
        } else {
            out.setDouble(a.toDouble() + b.toDouble());
        }
    }

    public static void subtract(Register a, Register b, Register out) {
        DataType ta = operandType(a);
        DataType tb = operandType(b);
        if (ta == DataType.NULL || tb == DataType.NULL) {
            out.setNull();
        } else if (ta == DataType.INTEGER && tb == DataType.INTEGER) {
            long x = a.toLong();
            long y = b.toLong();
            long r = x - y;
            if (((x ^ y) & (x ^ r)) < 0) {
                out.setDouble((double) x - (double) y);
            } else {
                out.setLong(r);
            }
        } else {
            out.setDouble(a.toDouble() - b.toDouble());
        }
    }

    public static void multiply(Register a, Register b, Register out) {
        DataType ta = operandType(a);
        DataType tb = operandType(b);
        if (ta == DataType.NULL || tb == DataType.NULL) {
            out.setNull();
        } else if (ta == DataType.INTEGER && tb == DataType.INTEGER) {
            long x = a.toLong();
            long y = b.toLong();
            long hi = Math.multiplyHigh(x, y);
            long lo = x * y;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                out.setLong(lo);
            } else {
                out.setDouble((double) x * (double) y);
            }
        } else {
            out.setDouble(a.toDouble() * b.toDouble());
        }
    }

    public static void divide(Register a, Register b, Register out) {
        DataType ta = operandType(a);
        DataType tb = operandType(b);
        if (ta == DataType.NULL || tb == DataType.NULL) {
            out.setNull();
        } else if (ta == DataType.INTEGER && tb == DataType.INTEGER) {
            long x = a.toLong();
            long y = b.toLong();
            if (y == 0) {
                out.setNull();
            } else if (x == Long.MIN_VALUE && y == -1) {
                out.setDouble(-(double) Long.MIN_VALUE);
            } else {
                out.setLong(x / y);
            }
        } else {
            double y = b.toDouble();
            if (y == 0.0) {
                out.setNull();
            } else {
                out.setDouble(a.toDouble() / y);
            }
        }
    }

    public static void remainder(Register a, Register b, Register out) {
        DataType ta = operandType(a);
        DataType tb = operandType(b);
        if (ta == DataType.NULL || tb == DataType.NULL) {
            out.setNull();
        } else if (ta == DataType.INTEGER && tb == DataType.INTEGER) {
            long y = b.toLong();
            if (y == 0) {
                out.setNull();
            } else {
                out.setLong(y == -1 ? 0 : a.toLong() % y);
            }
        } else {
            long x = a.toLong();
            long y = b.toLong();
            if (y == 0) {
                out.setNull();
            } else {
                out.setDouble((double) (y == -1 ? 0 : x % y));
            }
        }
    }

    /** Unary minus, which SQLite computes as {@code 0 - x}. */
    public static void negate(Register a, Register out) {
        DataType ta = operandType(a);
        if (ta == DataType.NULL) {
            out.setNull();
        } else if (ta == DataType.INTEGER) {
            long x = a.toLong();
            if (x == Long.MIN_VALUE) {
                out.setDouble(-(double) Long.MIN_VALUE);
            } else {
                out.setLong(-x);
            }
        } else {
            out.setDouble(0.0 - a.toDouble());
        }
    }

    public static void bitAnd(Register a, Register b, Register out) {
        if (a.isNull() || b.isNull()) {
            out.setNull();
        } else {
            out.setLong(a.toLong() & b.toLong());
        }
    }

    public static void bitOr(Register a, Register b, Register out) {
        if (a.isNull() || b.isNull()) {
            out.setNull();
        } else {
            out.setLong(a.toLong() | b.toLong());
        }
    }

    public static void bitNot(Register a, Register out) {
        if (a.isNull()) {
            out.setNull();
        } else {
            out.setLong(~a.toLong());
        }
    }

    public static void shiftLeft(Register a, Register b, Register out) {
        shift(a, b, true, out);
    }

    public static void shiftRight(Register a, Register b, Register out) {
        shift(a, b, false, out);
    }

    private static void shift(Register a, Register b, boolean left, Register out) {
        if (a.isNull() || b.isNull()) {
            out.setNull();
            return;
        }
        long x = a.toLong();
        long n = b.toLong();
        if (n < 0) {
            left = !left;
            n = n > -64 ? -n : 64;
        }
        long r;
        if (n >= 64) {
            r = (x >= 0 || left) ? 0 : -1;
        } else {
            r = left ? x << n : x >> n;
        }
        out.setLong(r);
    }

    /** {@code a || b}: the text forms joined (blob bytes as they are); NULL if either is NULL. */
    public static void concat(Register a, Register b, Register out) {
        if (a.isNull() || b.isNull()) {
            out.setNull();
            return;
        }
        byte[] x = bytesOf(a);
        int xo = offsetOf(a);
        int xl = lengthOf(a);
        byte[] y = bytesOf(b);
        int yo = offsetOf(b);
        int yl = lengthOf(b);
        byte[] r = new byte[xl + yl];
        System.arraycopy(x, xo, r, 0, xl);
        System.arraycopy(y, yo, r, xl, yl);
        out.setText(r, 0, r.length);
    }

    private static byte[] bytesOf(Register r) {
        return r.type() == DataType.TEXT || r.type() == DataType.BLOB ? r.bytes() : r.toTextBytes();
    }

    private static int offsetOf(Register r) {
        return r.type() == DataType.TEXT || r.type() == DataType.BLOB ? r.offset() : 0;
    }

    private static int lengthOf(Register r) {
        return r.type() == DataType.TEXT || r.type() == DataType.BLOB ? r.length() : r.toTextBytes().length;
    }

    /** Three-valued AND: false if either is false, else NULL if either is NULL, else true. */
    public static void and(Register a, Register b, Register out) {
        boolean aFalse = !a.isNull() && !a.isTrue();
        boolean bFalse = !b.isNull() && !b.isTrue();
        if (aFalse || bFalse) {
            out.setLong(0);
        } else if (a.isNull() || b.isNull()) {
            out.setNull();
        } else {
            out.setLong(1);
        }
    }

    /** Three-valued OR: true if either is true, else NULL if either is NULL, else false. */
    public static void or(Register a, Register b, Register out) {
        if (a.isTrue() || b.isTrue()) {
            out.setLong(1);
        } else if (a.isNull() || b.isNull()) {
            out.setNull();
        } else {
            out.setLong(0);
        }
    }

    /** NOT x: NULL stays NULL. */
    public static void not(Register a, Register out) {
        if (a.isNull()) {
            out.setNull();
        } else {
            out.setLong(a.isTrue() ? 0 : 1);
        }
    }
}
