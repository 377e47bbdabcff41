/*
 * Reading function arguments as registers: in place when the VM passes
 * RegisterArguments (always, for built-ins called by the VM), boxed
 * otherwise; and capturing an argument into state that outlives the call,
 * with its bytes copied since the argument may point into a page.
 */
package turso.vm.func;

import java.util.Arrays;
import turso.api.spi.FunctionArguments;
import turso.vm.Register;
import turso.vm.RegisterArguments;

final class Args {
    private Args() {
    }

    static Register register(FunctionArguments a, int i) {
        if (a instanceof RegisterArguments ra) {
            return ra.register(i);
        }
        return Register.of(a.get(i));
    }

    /** Makes {@code into} an independent copy of argument {@code i}. */
    static void capture(FunctionArguments a, int i, Register into) {
        Register r = register(a, i);
        switch (r.type()) {
            case TEXT -> into.setText(Arrays.copyOfRange(r.bytes(), r.offset(), r.offset() + r.length()));
            case BLOB -> into.setBlob(Arrays.copyOfRange(r.bytes(), r.offset(), r.offset() + r.length()));
            default -> into.copyFrom(r);
        }
    }

    /** Text as SQLite's C code often reads it: up to its first NUL byte. */
    static byte[] untilNul(byte[] t) {
        if (t == null) {
            return null;
        }
        for (int i = 0; i < t.length; i++) {
            if (t[i] == 0) {
                return Arrays.copyOf(t, i);
            }
        }
        return t;
    }
}
