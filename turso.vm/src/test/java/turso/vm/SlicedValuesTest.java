/*
 * Values read from pages are slices of a larger array: every conversion,
 * comparison, operator and function must give the same result on a slice as
 * on a value of its own (which the differential tests check against SQLite).
 */
package turso.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.spi.ScalarFunction;
import turso.vm.func.CoreLibrary;

class SlicedValuesTest {
    private static final FunctionRegistry REGISTRY = new FunctionRegistry(List.of(new CoreLibrary()));

    private static String show(Register r) {
        return Oracle.describe(r);
    }

    @Test
    void conversionsOnSlices() {
        for (String v : Literals.POOL) {
            Register full = Literals.reg(v);
            Register slice = Literals.sliced(v);
            assertEquals(full.toLong(), slice.toLong(), v);
            assertEquals(Double.doubleToLongBits(full.toDouble()), Double.doubleToLongBits(slice.toDouble()), v);
            assertEquals(full.toText(), slice.toText(), v);
            assertEquals(full.numericType(), slice.numericType(), v);
            assertEquals(full.byteLength(), slice.byteLength(), v);
            assertEquals(full.isTrue(), slice.isTrue(), v);
            assertEquals(full.toValue(), slice.toValue(), v);
            for (Affinity a : Affinity.values()) {
                Register x = Literals.reg(v);
                Register y = Literals.sliced(v);
                a.apply(x);
                a.apply(y);
                assertTrue(Oracle.same(x, y), v + " " + a + ": " + show(x) + " vs " + show(y));
                x = Literals.reg(v);
                y = Literals.sliced(v);
                Cast.apply(x, a);
                Cast.apply(y, a);
                assertTrue(Oracle.same(x, y), "CAST " + v + " " + a + ": " + show(x) + " vs " + show(y));
            }
        }
    }

    @Test
    void operatorsAndComparisonsOnSlices() {
        ValueComparator comparator = new ValueComparator();
        for (String a : Literals.POOL) {
            for (String b : Literals.POOL) {
                Register out1 = new Register();
                Register out2 = new Register();
                Arithmetic.add(Literals.reg(a), Literals.reg(b), out1);
                Arithmetic.add(Literals.sliced(a), Literals.sliced(b), out2);
                assertTrue(Oracle.same(out1, out2), a + " + " + b);
                Arithmetic.concat(Literals.reg(a), Literals.reg(b), out1);
                Arithmetic.concat(Literals.sliced(a), Literals.sliced(b), out2);
                assertTrue(Oracle.same(out1, out2), a + " || " + b);
                for (BuiltinCollation c : BuiltinCollation.values()) {
                    assertEquals(ValueComparator.compare(Literals.reg(a), Literals.reg(b), c),
                            ValueComparator.compare(Literals.sliced(a), Literals.sliced(b), c), a + " vs " + b);
                }
                assertEquals(comparator.compare(CompareOp.LT, Literals.reg(a), Literals.reg(b), Affinity.NUMERIC, null),
                        comparator.compare(CompareOp.LT, Literals.sliced(a), Literals.sliced(b), Affinity.NUMERIC, null));
                assertEquals(comparator.compare(CompareOp.EQ, Literals.reg(a), Literals.reg(b), Affinity.TEXT, null),
                        comparator.compare(CompareOp.EQ, Literals.sliced(a), Literals.sliced(b), Affinity.TEXT, null));
            }
        }
    }

    @Test
    void functionsOnSlices() {
        List<String> failures = new ArrayList<>();
        List<String[]> calls = new ArrayList<>();
        for (String v : Literals.POOL) {
            for (String f : List.of("length", "upper", "lower", "hex", "quote", "trim", "unicode", "typeof", "abs", "round", "octet_length")) {
                calls.add(new String[] {f, v});
            }
            calls.add(new String[] {"substr", v, "2", "3"});
            calls.add(new String[] {"instr", v, "'1'"});
            calls.add(new String[] {"replace", v, "'1'", "'one'"});
            calls.add(new String[] {"like", "'%1%'", v});
            calls.add(new String[] {"glob", "'*1*'", v});
            calls.add(new String[] {"printf", "'[%s|%d|%.3f]'", v, v, v});
            calls.add(new String[] {"trim", v, "' a'"});
            calls.add(new String[] {"max", v, "'b'"});
        }
        for (String[] call : calls) {
            Register[] full = new Register[call.length - 1];
            Register[] slice = new Register[call.length - 1];
            for (int i = 1; i < call.length; i++) {
                full[i - 1] = Literals.reg(call[i]);
                slice[i - 1] = Literals.sliced(call[i]);
            }
            ScalarFunction f = (ScalarFunction) REGISTRY.resolve(call[0], full.length);
            RegisterResult r1 = new RegisterResult();
            RegisterResult r2 = new RegisterResult();
            f.invoke(null, new RegisterArguments(full), r1);
            f.invoke(null, new RegisterArguments(slice), r2);
            if (!Oracle.same(r1.register(), r2.register()) || r1.hasError() != r2.hasError()) {
                failures.add(String.join(", ", call) + ": " + show(r1.register()) + " vs " + show(r2.register()));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
