/*
 * The core functions about values and the connection rather than text or
 * numbers: coalesce, ifnull, iif, nullif, typeof, likelihood, likely,
 * unlikely, sqlite_version, changes, last_insert_rowid, total_changes,
 * match, which backs the MATCH operator and, outside a virtual table that
 * overloads it, only fails as SQLite's does, and load_extension, which fails
 * as SQLite's does when extension loading is disabled: this engine loads no
 * native code.
 */
package turso.vm.func;

import java.util.List;
import turso.api.DataType;
import turso.api.spi.Collation;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionContext;
import turso.api.spi.FunctionResult;
import turso.api.spi.ScalarFunction;
import turso.api.spi.SqlFunction;
import turso.vm.Collated;
import turso.vm.ValueComparator;

final class GeneralFunctions {
    private GeneralFunctions() {
    }

    static List<SqlFunction> all() {
        return List.of(
                Scalar.of("coalesce", SqlFunction.VARIADIC, (c, a, r) -> coalesce(a, r, "coalesce")),
                Scalar.of("ifnull", 2, (c, a, r) -> coalesce(a, r, "ifnull")),
                Scalar.of("iif", 3, (c, a, r) -> r.setArgument(a, Args.register(a, 0).isTrue() ? 1 : 2)),
                new NullIf(null),
                Scalar.of("typeof", 1, (c, a, r) -> r.setText(a.type(0).typeofName())),
                Scalar.of("likelihood", 2, (c, a, r) -> likelihood(a, r)),
                Scalar.of("likely", 1, (c, a, r) -> r.setArgument(a, 0)),
                Scalar.of("unlikely", 1, (c, a, r) -> r.setArgument(a, 0)),
                Scalar.of("sqlite_version", 0, (c, a, r) -> r.setText(CoreLibrary.SQLITE_VERSION)),
                Scalar.volatileOf("changes", 0, (c, a, r) -> r.setLong(c.changes())),
                Scalar.volatileOf("last_insert_rowid", 0, (c, a, r) -> r.setLong(c.lastInsertRowid())),
                Scalar.volatileOf("total_changes", 0, (c, a, r) -> r.setLong(c.totalChanges())),
                Scalar.of("match", 2, (c, a, r) -> r.setError("unable to use function MATCH in the requested context")),
                Scalar.volatileOf("load_extension", 1, (c, a, r) -> r.setError("not authorized")),
                Scalar.volatileOf("load_extension", 2, (c, a, r) -> r.setError("not authorized")));
    }

    /** nullif(x, y), comparing under the call's collation (null: BINARY), as SQLite's (SQLITE_FUNC_NEEDCOLL). */
    record NullIf(Collation collation) implements ScalarFunction, Collated {
        @Override
        public String name() {
            return "nullif";
        }

        @Override
        public int arity() {
            return 2;
        }

        @Override
        public SqlFunction withCollation(Collation c) {
            return new NullIf(c);
        }

        @Override
        public void invoke(FunctionContext context, FunctionArguments a, FunctionResult r) {
            if (ValueComparator.compare(Args.register(a, 0), Args.register(a, 1), collation) != 0) {
                r.setArgument(a, 0);
            }
        }
    }

    private static void coalesce(FunctionArguments a, FunctionResult r, String name) {
        if (a.size() < 2) {
            r.setError("wrong number of arguments to function " + name + "()");
            return;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.isNull(i)) {
                r.setArgument(a, i);
                return;
            }
        }
    }

    private static void likelihood(FunctionArguments a, FunctionResult r) {
        // SQLite accepts only a real literal here (checked when the statement is prepared)
        double p = a.getDouble(1);
        if (a.type(1) != DataType.REAL || p < 0.0 || p > 1.0) {
            r.setError("second argument to likelihood() must be a constant between 0.0 and 1.0");
            return;
        }
        r.setArgument(a, 0);
    }
}
