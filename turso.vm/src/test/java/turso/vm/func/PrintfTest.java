/*
 * printf()/format() against SQLite 3.40 (the shell): every conversion with
 * flags, widths and precisions, over integers, reals, text, blobs and NULLs.
 */
package turso.vm.func;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import turso.vm.Differential;
import turso.vm.Oracle;

class PrintfTest {
    private static Oracle oracle;

    @BeforeAll
    static void open() {
        oracle = new Oracle();
    }

    @AfterAll
    static void close() {
        oracle.close();
    }

    private static void verify(List<Differential.Case> cases) {
        List<String> failures = Differential.check(oracle, cases, true);
        assertTrue(failures.isEmpty(), Differential.report(failures));
    }

    @Test
    void conversionsWithFlagsWidthsAndPrecisions() {
        List<Differential.Case> cases = new ArrayList<>();
        List<String> args = List.of("0", "1", "-1", "42", "-42", "255", "1234567", "9223372036854775807",
                "-9223372036854775808", "3.14159", "-2.5", "0.5", "1e-5", "1e20", "123456.789", "'12abc'", "'text'",
                "'é日'", "''", "NULL", "x'41'", "'it''s'", "'a\"b'");
        List<String> specs = List.of("%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%,d", "%.3d", "%u", "%x", "%X",
                "%#x", "%o", "%#o", "%p", "%c", "%3c", "%.3c", "%s", "%5s", "%-5s|", "%.2s", "%!.2s", "%q", "%Q", "%w",
                "%z", "%f", "%.2f", "%10.3f", "%-10.1f|", "%010.2f", "%+.1f", "%e", "%.3e", "%E", "%g", "%G", "%.3g",
                "%#g", "%!g", "%10g", "%%", "%n", "%lld", "%ld", "%y", "abc%", "%.0f", "%#.0f", "%.0e", "%!.15g", "%!.20e",
                "%5.1s|", "%-8q|", "%.1q");
        for (String spec : specs) {
            for (String a : args) {
                cases.add(Calls.scalar("printf", "'" + spec.replace("'", "''") + "'", a));
            }
        }
        cases.add(Calls.scalar("printf", "'%*d|%-*d|%.*f'", "5", "42", "-4", "7", "2", "3.14159"));
        cases.add(Calls.scalar("printf", "'%s %s %d'", "'only'"));
        cases.add(Calls.scalar("printf", "NULL", "1"));
        cases.add(Calls.scalar("printf"));
        cases.add(Calls.scalar("format", "'%d-%s'", "7", "'x'"));
        cases.add(Calls.scalar("printf", "'no conversions'"));
        verify(cases);
    }

    @Test
    void realsInEveryNotation() {
        List<Differential.Case> cases = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        List<String> values = new ArrayList<>(List.of("0.0", "1.0", "0.1", "0.5", "1.5", "2.5", "2.675", "1e100", "1e-100",
                "123456789012345678.0", "9.999999", "99.995", "0.000123456", "1e15", "1e16", "1e300"));
        for (int i = 0; i < 150; i++) {
            values.add(Double.toString((random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(-8, 18))));
        }
        for (String v : values) {
            for (String spec : List.of("%f", "%.1f", "%.3f", "%.10f", "%e", "%.10e", "%g", "%.10g", "%.15g", "%!.15g", "%.0f", "%.16g")) {
                cases.add(Calls.scalar("printf", "'" + spec + "'", v));
            }
        }
        verify(cases);
    }
}
