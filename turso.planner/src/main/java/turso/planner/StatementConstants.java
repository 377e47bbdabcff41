/*
 * Values that stay the same for a whole run of a statement (bound parameters
 * and plain literals) read once into registers of their own in the program's
 * prologue, instead of on every row of a loop that compares with them. SQLite
 * does the same (constant factoring): INIT jumps to the end of the program,
 * where these loads sit, and they jump back to the start. The prologue runs on
 * each execution, so a parameter rebound between executions is read again.
 * ExprCompiler asks for these registers only where an operand is read and
 * never written (comparison operands), so sharing one register is safe.
 */
package turso.planner;

import java.util.LinkedHashMap;
import java.util.Map;
import turso.parser.ast.Expr;
import turso.vm.Op;
import turso.vm.ProgramBuilder;

final class StatementConstants {
    private final ProgramBuilder b;
    /** Register by parameter number. */
    private final Map<Integer, Integer> parameters = new LinkedHashMap<>();
    /** The register of each literal (and the literal it loads), the same value written the same way sharing one. */
    private final Map<LiteralKey, LiteralSlot> literals = new LinkedHashMap<>();

    private record LiteralKey(Expr.LiteralKind kind, String text) {
    }

    private record LiteralSlot(int register, Expr.Literal literal) {
    }

    StatementConstants(ProgramBuilder b) {
        this.b = b;
    }

    /** Whether code emitted into {@code builder} can use these registers (the statement's own program). */
    boolean serves(ProgramBuilder builder) {
        return builder == b;
    }

    /** The register holding parameter {@code number} for the whole run. */
    int parameter(int number) {
        return parameters.computeIfAbsent(number, n -> b.newRegister());
    }

    /**
     * Whether {@code l}'s value is fixed when the statement is compiled (not
     * CURRENT_TIME and its kin) and coding it cannot fail: a hex integer
     * stays where it is, so that "hex literal too big" is reported in the
     * order SQLite reports errors, not after the rest of the statement.
     */
    static boolean fixed(Expr.Literal l) {
        return switch (l.kind()) {
            case INTEGER -> !(l.text().length() > 1 && (l.text().charAt(1) == 'x' || l.text().charAt(1) == 'X'));
            case FLOAT, STRING, BLOB, NULL -> true;
            case CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP -> false;
        };
    }

    /** The register holding literal {@code l} for the whole run. */
    int literal(Expr.Literal l) {
        return literals.computeIfAbsent(new LiteralKey(l.kind(), l.text()),
                k -> new LiteralSlot(b.newRegister(), l)).register();
    }

    /**
     * Ends the program with the prologue and points INIT (at {@code init})
     * to it; the prologue goes on at {@code start}. Without constants, INIT
     * goes straight to {@code start}.
     */
    void emitPrologue(int init, int start, ExprCompiler exprs) {
        if (parameters.isEmpty() && literals.isEmpty()) {
            b.setJump(init, start);
            return;
        }
        b.setJump(init, b.currentAddress());
        parameters.forEach((number, register) -> b.emit(Op.VARIABLE, number, register, 0));
        literals.values().forEach(slot -> exprs.literalInto(slot.literal(), slot.register()));
        b.emit(Op.GOTO, 0, start, 0);
    }
}
