/*
 * Calls the core library's functions the way the VM will: resolved by name
 * and arity through FunctionRegistry, arguments in registers, the result in
 * a register, errors reported through the result.
 */
package turso.vm.func;

import java.util.ArrayList;
import java.util.List;
import turso.api.TursoException;
import turso.api.spi.AggregateFunction;
import turso.api.spi.FunctionContext;
import turso.api.spi.ScalarFunction;
import turso.api.spi.SqlFunction;
import turso.vm.Differential;
import turso.vm.FunctionRegistry;
import turso.vm.Literals;
import turso.vm.Register;
import turso.vm.RegisterArguments;
import turso.vm.RegisterResult;

final class Calls {
    private Calls() {
    }

    static final FunctionRegistry REGISTRY = new FunctionRegistry(List.of(new CoreLibrary()));

    static final FunctionContext CONTEXT = new FunctionContext() {
        @Override
        public long lastInsertRowid() {
            return 0;
        }

        @Override
        public long changes() {
            return 0;
        }

        @Override
        public long totalChanges() {
            return 0;
        }

        @Override
        public long statementTimeMillis() {
            return 0;
        }

        @Override
        public Object auxData(int argument) {
            return null;
        }

        @Override
        public void setAuxData(int argument, Object data) {
        }
    };

    /** {@code name(args...)} with literal arguments, as a differential case. */
    static Differential.Case scalar(String name, String... args) {
        String expr = name + "(" + String.join(", ", args) + ")";
        Register[] regs = new Register[args.length];
        for (int i = 0; i < args.length; i++) {
            regs[i] = Literals.reg(args[i]);
        }
        SqlFunction f;
        try {
            f = REGISTRY.resolve(name, args.length);
        } catch (TursoException e) {
            return Differential.Case.failed(expr, e.getMessage());
        }
        RegisterResult result = new RegisterResult();
        ((ScalarFunction) f).invoke(CONTEXT, new RegisterArguments(regs), result);
        if (result.hasError()) {
            return Differential.Case.failed(expr, result.errorMessage());
        }
        return Differential.Case.of(expr, result.register());
    }

    /** An aggregate over rows of one or two literal columns, as {@code SELECT f(a[, b]) FROM (VALUES ...)}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Differential.Case aggregate(String name, int arity, List<String[]> rows) {
        StringBuilder values = new StringBuilder();
        for (String[] row : rows) {
            values.append(values.isEmpty() ? "" : ", ").append("(").append(String.join(", ", row)).append(")");
        }
        String cols = arity == 0 ? "*" : arity == 1 ? "column1" : "column1, column2";
        String expr = "(SELECT " + name + "(" + cols + ") FROM (VALUES " + values + ") WHERE column1 IS NOT 'skip')";
        AggregateFunction f = (AggregateFunction) REGISTRY.resolve(name, arity);
        Object state = f.newState();
        for (String[] row : rows) {
            if (row[0].equals("'skip'")) {
                continue;
            }
            Register[] regs = new Register[arity];
            for (int i = 0; i < arity; i++) {
                regs[i] = Literals.reg(row[i]);
            }
            f.step(state, new RegisterArguments(regs));
        }
        RegisterResult result = new RegisterResult();
        f.finish(state, result);
        if (result.hasError()) {
            return Differential.Case.failed(expr, result.errorMessage());
        }
        return Differential.Case.of(expr, result.register());
    }

    static List<String[]> rows(String... values) {
        List<String[]> rows = new ArrayList<>();
        for (String v : values) {
            rows.add(new String[] {v});
        }
        return rows;
    }
}
