/*
 * Random calls of every core scalar function with random arguments (every
 * storage class, edge numbers, odd text), and printf with random formats:
 * nothing may throw, and results and errors must agree with SQLite 3.40.
 */
package turso.vm.func;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import turso.api.spi.ScalarFunction;
import turso.api.spi.SqlFunction;
import turso.vm.Differential;
import turso.vm.Literals;
import turso.vm.Oracle;

class FunctionFuzzTest {
    private static Oracle oracle;

    @BeforeAll
    static void open() {
        oracle = new Oracle();
    }

    @AfterAll
    static void close() {
        oracle.close();
    }

    /**
     * Functions whose result is random, or that 3.40 lacks (checked against sqlite-jdbc elsewhere), and
     * load_extension, which the 3.40 CLI has enabled (it tries to open the file).
     */
    private static final Set<String> SKIPPED = Set.of("random", "randomblob", "changes", "last_insert_rowid",
            "total_changes", "unhex", "concat", "concat_ws", "octet_length", "string_agg", "load_extension", "sqlite_source_id",
            "sqlite_compileoption_used", "sqlite_compileoption_get");

    private static final List<String> EXTRA = List.of("'%'", "'_'", "'%a%'", "'[a-c]*'", "'*'", "'x'", "'日本'",
            "'%5.2f'", "'%s-%d'", "'%q'", "-2147483649", "2147483648", "4294967296", "'  '", "x'c3'", "x'e697a5'");

    private static String randomArg(SplittableRandom random) {
        List<String> pool = random.nextInt(4) == 0 ? EXTRA : Literals.POOL;
        return pool.get(random.nextInt(pool.size()));
    }

    @Test
    void randomCallsOfEveryScalarFunction() {
        SplittableRandom random = new SplittableRandom(2026);
        List<Differential.Case> cases = new ArrayList<>();
        int perFunction = Boolean.getBoolean("turso.long") ? 2000 : 60;
        for (SqlFunction f : Calls.REGISTRY.all()) {
            if (!(f instanceof ScalarFunction) || SKIPPED.contains(f.name())) {
                continue;
            }
            for (int i = 0; i < perFunction; i++) {
                int n = f.arity() == SqlFunction.VARIADIC ? random.nextInt(1, 5) : f.arity();
                if ((f.name().equals("max") || f.name().equals("min")) && n < 2) {
                    n = 2;
                }
                String[] args = new String[n];
                for (int k = 0; k < n; k++) {
                    args[k] = randomArg(random);
                }
                if (f.name().equals("zeroblob") && Literals.reg(args[0]).toLong() > 1_000_000) {
                    continue;
                }
                if ((f.name().equals("like") || f.name().equals("glob"))
                        && java.util.Arrays.stream(args).anyMatch(x -> x.startsWith("x'"))) {
                    // the 3.40 shell here is built with SQLITE_LIKE_DOESNT_MATCH_BLOBS (see ScalarFunctionsTest)
                    continue;
                }
                cases.add(Calls.scalar(f.name(), args));
            }
        }
        List<String> failures = Differential.check(oracle, cases, true);
        assertTrue(failures.isEmpty(), Differential.report(failures));
    }

    @Test
    void randomPrintfFormats() {
        SplittableRandom random = new SplittableRandom(99);
        String alphabet = "%%%%%-+ #!0,123456789.*ldiuxXopcszqQwfeEgGn%abc ";
        List<Differential.Case> cases = new ArrayList<>();
        int count = Boolean.getBoolean("turso.long") ? 20000 : 600;
        for (int i = 0; i < count; i++) {
            StringBuilder f = new StringBuilder();
            int len = random.nextInt(1, 10);
            for (int k = 0; k < len; k++) {
                f.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            // widths and precisions stay small so that the output does too
            String format = f.toString().replaceAll("[0-9]{3,}", "9");
            String[] args = new String[1 + random.nextInt(0, 4)];
            args[0] = "'" + format + "'";
            for (int k = 1; k < args.length; k++) {
                String a = randomArg(random);
                args[k] = Literals.reg(a).toLong() > 1000 && format.contains("*") ? "7" : a;
            }
            cases.add(Calls.scalar("printf", args));
        }
        List<String> failures = Differential.check(oracle, cases, true);
        assertTrue(failures.isEmpty(), Differential.report(failures));
    }
}
