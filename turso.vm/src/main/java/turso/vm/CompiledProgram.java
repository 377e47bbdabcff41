/*
 * A Program turned into JVM bytecode by ProgramCompiler: one hidden class per
 * program, whose run() does what Vm.run() does for the same instructions,
 * on the same Vm state (registers, cursors, pc). It runs until a result row,
 * or hands the Vm back to the interpreter at the instruction in Vm.pc (HALT,
 * or a pc it has no entry for), which then carries on exactly as if it had
 * interpreted everything.
 */
package turso.vm;

interface CompiledProgram {
    /** run() stopped at a result row; Vm.pc is the instruction after it. */
    int ROW = 1;
    /** run() stopped before the instruction in Vm.pc: the interpreter goes on from there. */
    int INTERPRET = -1;

    /** Runs from Vm.pc: {@link #ROW} or {@link #INTERPRET}. */
    int run(Vm vm);
}
