/*
 * For a test class whose statements must run compiled (JitDifferentialTest,
 * JitCoverageDifferentialTest): every program is compiled at its first step
 * (turso.jit on, threshold 0) while the class runs, and the two properties
 * are put back as they were afterwards, so that the other classes in the
 * same JVM keep the run's own setting (default, jit-forced or jit-off).
 */
package turso.tests;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

final class ForcedJit implements BeforeAllCallback, AfterAllCallback {
    private String savedJit;
    private String savedThreshold;

    @Override
    public void beforeAll(ExtensionContext context) {
        savedJit = System.setProperty("turso.jit", "true");
        savedThreshold = System.setProperty("turso.jit.threshold", "0");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        restore("turso.jit", savedJit);
        restore("turso.jit.threshold", savedThreshold);
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
