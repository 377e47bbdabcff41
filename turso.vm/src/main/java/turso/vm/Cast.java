/*
 * CAST(x AS type): the affinity of the type name picks the conversion, which
 * unlike affinity on store always happens (CAST('12abc' AS INTEGER) is 12).
 * NULL stays NULL whatever the type.
 */
package turso.vm;

import turso.api.DataType;

public final class Cast {
    private Cast() {
    }

    /** Converts {@code r} in place as CAST(r AS typeName) does. */
    public static void apply(Register r, String typeName) {
        apply(r, Affinity.ofDeclaredType(typeName));
    }

    public static void apply(Register r, Affinity affinity) {
        if (r.isNull()) {
            return;
        }
        switch (affinity) {
            case NONE, BLOB -> r.toBlobInPlace();
            case TEXT -> r.toTextInPlace();
            case NUMERIC -> {
                if (r.type() == DataType.TEXT || r.type() == DataType.BLOB) {
                    NumericText.castNumeric(r.bytes(), r.offset(), r.length(), r);
                }
            }
            case INTEGER -> r.setLong(r.toLong());
            case REAL -> r.setDouble(r.toDouble());
        }
    }
}
