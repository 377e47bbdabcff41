/* The comparison operators of SQL, each a test on the sign of a three-way comparison. */
package turso.vm;

public enum CompareOp {
    EQ, NE, LT, LE, GT, GE, IS, IS_NOT;

    public boolean test(int cmp) {
        return switch (this) {
            case EQ, IS -> cmp == 0;
            case NE, IS_NOT -> cmp != 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
        };
    }
}
