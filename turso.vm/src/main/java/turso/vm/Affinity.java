/*
 * Type affinity (datatype3.html §3): the preferred storage class of a column
 * or expression. Decided from a declared type name by SQLite's five rules,
 * applied to values when they are stored and before they are compared, and
 * by CAST (whose conversions are harsher: see Cast). NONE is the "no
 * affinity" of an expression that is not a column; it differs from BLOB only
 * in which affinity a comparison picks.
 */
package turso.vm;

import turso.api.DataType;

public enum Affinity {
    NONE, BLOB, TEXT, NUMERIC, INTEGER, REAL;

    /** The affinity of a column declared with this type name (null or empty: BLOB). */
    public static Affinity ofDeclaredType(String declaredType) {
        if (declaredType == null) {
            return BLOB;
        }
        String t = declaredType.toUpperCase(java.util.Locale.ROOT);
        if (t.contains("INT")) {
            return INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return TEXT;
        }
        if (t.contains("BLOB") || t.isBlank()) {
            return BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return REAL;
        }
        return NUMERIC;
    }

    public boolean isNumeric() {
        return this == NUMERIC || this == INTEGER || this == REAL;
    }

    /**
     * The affinity applied to both operands of a comparison whose operands
     * have affinities {@code left} and {@code right} (datatype3.html §4.2):
     * numeric if either is numeric; TEXT if one is TEXT and the other has none;
     * otherwise no conversion (NONE).
     */
    public static Affinity forComparison(Affinity left, Affinity right) {
        if (left.isNumeric() || right.isNumeric()) {
            return NUMERIC;
        }
        if ((left == TEXT && right == NONE) || (left == NONE && right == TEXT)) {
            return TEXT;
        }
        return NONE;
    }

    /** Applies this affinity to a value being stored in a column. */
    public void apply(Register r) {
        switch (this) {
            case NONE, BLOB -> {
            }
            case TEXT -> {
                if (r.type() == DataType.INTEGER || r.type() == DataType.REAL) {
                    r.toTextInPlace();
                }
            }
            case NUMERIC, INTEGER -> {
                if (r.type() == DataType.TEXT) {
                    if (NumericText.parseWhole(r.bytes(), r.offset(), r.length(), r)
                            && r.type() == DataType.REAL) {
                        realToIntegerIfExact(r);
                    }
                } else if (r.type() == DataType.REAL) {
                    realToIntegerIfExact(r);
                }
            }
            case REAL -> {
                if (r.type() == DataType.TEXT) {
                    NumericText.parseWhole(r.bytes(), r.offset(), r.length(), r);
                }
                if (r.type() == DataType.INTEGER) {
                    r.setDouble((double) r.longValue());
                } else if (r.type() == DataType.REAL && r.doubleValue() == 0.0) {
                    // SQLite stores an integral real of a REAL column as an integer, so -0.0 reads back as 0.0
                    r.setDouble(0.0);
                }
            }
        }
    }

    /** Whether {@link #applyForComparison} may change {@code r}: numeric affinities touch only text, TEXT only numbers. */
    boolean changesForComparison(Register r) {
        if (isNumeric()) {
            return r.type() == DataType.TEXT;
        }
        return this == TEXT && (r.type() == DataType.INTEGER || r.type() == DataType.REAL);
    }

    /**
     * Applies this affinity to an operand before a comparison: numeric
     * affinity reads text that is wholly a number as that number; text
     * affinity renders numbers as text. Blobs and NULLs are never changed.
     */
    public void applyForComparison(Register r) {
        if (isNumeric()) {
            if (r.type() == DataType.TEXT) {
                NumericText.parseWhole(r.bytes(), r.offset(), r.length(), r);
            }
        } else if (this == TEXT) {
            if (r.type() == DataType.INTEGER || r.type() == DataType.REAL) {
                r.toTextInPlace();
            }
        }
    }

    /** SQLite's sqlite3VdbeIntegerAffinity: an integral real strictly inside the int64 range becomes an integer. */
    static void realToIntegerIfExact(Register r) {
        double d = r.doubleValue();
        long l = (long) d;
        if (d == (double) l && l > Long.MIN_VALUE && l < Long.MAX_VALUE) {
            r.setLong(l);
        }
    }
}
