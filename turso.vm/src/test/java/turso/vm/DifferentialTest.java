/*
 * The differential harness itself: a wrong value, a wrong type, a missing
 * error and a wrong message must each be reported, through the 3.40 shell
 * and through sqlite-jdbc, so that the other tests cannot pass by accident.
 */
package turso.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DifferentialTest {
    @Test
    void wrongResultsAreReported() {
        try (Oracle oracle = new Oracle()) {
            List<Differential.Case> wrong = List.of(
                    Differential.Case.of("1 + 1", Literals.reg("3")),
                    Differential.Case.of("1 + 1", Literals.reg("2.0")),
                    Differential.Case.of("'a' || 'b'", Literals.reg("'ab '")),
                    Differential.Case.of("0.1 + 0.2", Literals.reg("0.3")),
                    Differential.Case.of("abs(-9223372036854775808)", Literals.reg("1")),
                    Differential.Case.failed("abs(-1)", "integer overflow"),
                    Differential.Case.failed("abs(-9223372036854775808)", "overflow"));
            for (boolean in340 : new boolean[] {true, false}) {
                List<String> failures = Differential.check(oracle, wrong, in340);
                assertEquals(wrong.size(), failures.size(), String.join("\n", failures));
            }
            List<Differential.Case> right = List.of(
                    Differential.Case.of("1 + 1", Literals.reg("2")),
                    Differential.Case.of("0.1 + 0.2", Literals.reg("0.30000000000000004")),
                    Differential.Case.failed("abs(-9223372036854775808)", "integer overflow"));
            assertEquals(List.of(), Differential.check(oracle, right, true));
        }
    }
}
