/*
 * When a Program is compiled to JVM bytecode (ProgramCompiler). On unless
 * the system property turso.jit is false (measured in session 6: compiled
 * programs are not slower beyond noise on any workload and faster on scans,
 * GROUP BY, joins and top-N). A program is compiled when an execution of it
 * starts (a step() from its first instruction) after turso.jit.threshold
 * executions, or once the program has spent turso.jit.millis interpreted,
 * whichever comes first: a 1M-row scan runs
 * few executions that take long each, a point query many short ones.
 * Compiling a program takes about a millisecond once the class-file API is
 * warm (its first use in a JVM costs 100-250 ms more), so only a program run
 * again after the interpreter spent well over that on it is compiled; a
 * statement run once, as in the shell, never is. The properties are read
 * when the program is made, so a test can turn the JIT on for the programs it
 * prepares (threshold 0: compiled at its first step). A program that cannot
 * be compiled (an opcode the compiler does not know, too large) is
 * remembered as such and always interpreted.
 */
package turso.vm;

final class JitState {
    static final int DEFAULT_THRESHOLD = 100;
    static final int DEFAULT_MILLIS = 20;

    private final boolean enabled = !"false".equalsIgnoreCase(System.getProperty("turso.jit"));
    private final int threshold = Integer.getInteger("turso.jit.threshold", DEFAULT_THRESHOLD);
    private final long budgetNanos = Integer.getInteger("turso.jit.millis", DEFAULT_MILLIS) * 1_000_000L;
    private int executions;
    private long interpretedNanos;
    private boolean tried;
    private CompiledProgram code;

    /** Whether the program is to be timed while it is interpreted (the JIT is on and has not decided yet). */
    boolean watching() {
        return enabled && !tried;
    }

    /**
     * The compiled code of {@code program}, compiling it if it is due and an
     * execution {@code starts}; null while it is interpreted.
     */
    CompiledProgram code(Program program, boolean starts) {
        if (code != null || !enabled || tried || !starts) {
            return code;
        }
        if (executions++ < threshold && interpretedNanos < budgetNanos) {
            return null;
        }
        tried = true;
        code = ProgramCompiler.compile(program);
        return code;
    }

    /** Counts time the program spent interpreted. */
    void interpreted(long nanos) {
        interpretedNanos += nanos;
    }
}
