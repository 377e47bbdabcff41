/*
 * Arithmetic, bitwise, concatenation and logical operators against SQLite:
 * every pair of values from Literals.POOL through every operator, storage
 * class and value compared exactly.
 */
package turso.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArithmeticTest {
    private static Oracle oracle;

    @BeforeAll
    static void open() {
        oracle = new Oracle();
    }

    @AfterAll
    static void close() {
        oracle.close();
    }

    interface Binary {
        void apply(Register a, Register b, Register out);
    }

    interface Unary {
        void apply(Register a, Register out);
    }

    private static void checkBinary(String op, Binary f, List<String> failures) {
        for (String a : Literals.POOL) {
            for (String b : Literals.POOL) {
                String expr = "(" + a + ") " + op + " (" + b + ")";
                Register expected = oracle.eval(expr);
                Register out = new Register();
                f.apply(Literals.reg(a), Literals.reg(b), out);
                if (!Oracle.same(expected, out)) {
                    failures.add(expr + ": expected " + Oracle.describe(expected) + ", got " + Oracle.describe(out));
                }
            }
        }
    }

    /** SQLite 3.54 renders reals with up to 17 digits; concatenation is checked against 3.40's 15. */
    private static void checkConcatAgainst340(List<String> failures) {
        Assumptions.assumeTrue(Oracle.shellAvailable(), "sqlite3 3.40 shell not installed");
        List<String> exprs = new ArrayList<>();
        List<String> mine = new ArrayList<>();
        for (String a : Literals.POOL) {
            for (String b : Literals.POOL) {
                exprs.add("(" + a + ") || (" + b + ")");
                Register out = new Register();
                Arithmetic.concat(Literals.reg(a), Literals.reg(b), out);
                mine.add(Oracle.shellForm(out));
            }
        }
        List<String> expected = Oracle.shellEval(exprs);
        for (int i = 0; i < exprs.size(); i++) {
            if (!expected.get(i).equals(mine.get(i))) {
                failures.add(exprs.get(i) + ": expected " + expected.get(i) + ", got " + mine.get(i));
            }
        }
    }

    @Test
    void binaryOperatorsOverThePool() {
        List<String> failures = new ArrayList<>();
        checkBinary("+", Arithmetic::add, failures);
        checkBinary("-", Arithmetic::subtract, failures);
        checkBinary("*", Arithmetic::multiply, failures);
        checkBinary("/", Arithmetic::divide, failures);
        checkBinary("%", Arithmetic::remainder, failures);
        checkBinary("&", Arithmetic::bitAnd, failures);
        checkBinary("|", Arithmetic::bitOr, failures);
        checkBinary("<<", Arithmetic::shiftLeft, failures);
        checkBinary(">>", Arithmetic::shiftRight, failures);
        checkConcatAgainst340(failures);
        checkBinary("AND", Arithmetic::and, failures);
        checkBinary("OR", Arithmetic::or, failures);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    }

    @Test
    void unaryOperatorsOverThePool() {
        List<String> failures = new ArrayList<>();
        List<Object[]> ops = List.of(
                new Object[] {"-", (Unary) Arithmetic::negate},
                new Object[] {"~", (Unary) Arithmetic::bitNot},
                new Object[] {"NOT ", (Unary) Arithmetic::not});
        for (Object[] op : ops) {
            for (String a : Literals.POOL) {
                String expr = op[0] + "(" + a + ")";
                // through a column, so that SQLite cannot fold a negative literal
                Register expected = oracle.query("SELECT typeof(" + op[0] + "v), " + op[0] + "v FROM (SELECT " + a + " AS v UNION ALL SELECT NULL LIMIT 1)");
                Register out = new Register();
                ((Unary) op[1]).apply(Literals.reg(a), out);
                if (!Oracle.same(expected, out)) {
                    failures.add(expr + ": expected " + Oracle.describe(expected) + ", got " + Oracle.describe(out));
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    @Test
    void shiftsBeyondTheWordAndNegativeCounts() {
        List<String> failures = new ArrayList<>();
        for (String a : List.of("1", "-1", "5", "-9223372036854775808", "9223372036854775807")) {
            for (int n : new int[] {-100, -64, -63, -1, 0, 1, 62, 63, 64, 65, 1000}) {
                for (String op : List.of("<<", ">>")) {
                    String expr = "(" + a + ") " + op + " (" + n + ")";
                    Register out = new Register();
                    Register x = Literals.reg(a);
                    Register y = Literals.reg(Integer.toString(n));
                    if (op.equals("<<")) {
                        Arithmetic.shiftLeft(x, y, out);
                    } else {
                        Arithmetic.shiftRight(x, y, out);
                    }
                    Register expected = oracle.eval(expr);
                    if (!Oracle.same(expected, out)) {
                        failures.add(expr + ": expected " + Oracle.describe(expected) + ", got " + Oracle.describe(out));
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void randomOperandsNearTheEdges() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        List<String> failures = new ArrayList<>();
        int count = Boolean.getBoolean("turso.long") ? 20000 : 1500;
        String[] ops = {"+", "-", "*", "/", "%"};
        Binary[] fs = {Arithmetic::add, Arithmetic::subtract, Arithmetic::multiply, Arithmetic::divide, Arithmetic::remainder};
        for (int i = 0; i < count; i++) {
            String a = randomOperand(random);
            String b = randomOperand(random);
            int k = random.nextInt(ops.length);
            String expr = "(" + a + ") " + ops[k] + " (" + b + ")";
            Register out = new Register();
            fs[k].apply(Literals.reg(a), Literals.reg(b), out);
            Register expected = oracle.eval(expr);
            if (!Oracle.same(expected, out)) {
                failures.add(expr + ": expected " + Oracle.describe(expected) + ", got " + Oracle.describe(out));
            }
        }
        assertTrue(failures.isEmpty(), Differential.report(failures));
    }

    private static String randomOperand(java.util.SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> Long.toString(Long.MAX_VALUE - random.nextInt(1000));
            case 1 -> Long.toString(Long.MIN_VALUE + random.nextInt(1000));
            case 2 -> Long.toString(random.nextLong() >> random.nextInt(64));
            case 3 -> Long.toString(random.nextInt(-100, 100));
            default -> {
                double d = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-10, 25));
                yield Double.toString(d).replace("E", "e");
            }
        };
    }

    @Test
    void theEdgeCasesOfIssue5() {
        Register out = new Register();
        Arithmetic.add(Literals.reg("9223372036854775807"), Literals.reg("1"), out);
        assertTrue(Oracle.same(oracle.eval("9223372036854775807 + 1"), out));
        assertEquals("9.22337203685478e+18", out.toText());
        Arithmetic.multiply(Literals.reg("1e308"), Literals.reg("10"), out);
        assertTrue(Oracle.same(oracle.eval("1e308*10"), out));
        Arithmetic.add(Literals.reg("'12abc'"), Literals.reg("1"), out);
        assertTrue(Oracle.same(oracle.eval("'12abc' + 1"), out));
        assertEquals(13, out.longValue());
        Register blob = Literals.reg("x'00'");
        Register empty = Literals.reg("''");
        assertEquals(oracle.eval("x'00' = ''").longValue(),
                new ValueComparator().compare(CompareOp.EQ, blob, empty, Affinity.NONE, null));
        if (Oracle.shellAvailable()) {
            // minus zero is a real that 3.40 writes as 0.0
            assertEquals(Oracle.shellEval(List.of("CAST(-0.0 AS TEXT)", "-0.0 || ''", "typeof(-0.0)")),
                    List.of("text|" + java.util.HexFormat.of().withUpperCase().formatHex(RealFormat.render(-0.0).getBytes()),
                            "text|302E30", "text|7265616C"));
        }
    }
}
