package turso.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.btree.Storage;

/**
 * ProgramCompiler on programs built by hand, register work only (no
 * storage): a compiled program gives, row by row, the values and types the
 * interpreter gives (integer overflow to real, NULL arithmetic, three-valued
 * IF, text concatenation), across a reset; it stops with the interpreter's
 * error; LIMIT's counters work as interpreted; a program holding an opcode
 * the compiler does not know is not compiled.
 */
class ProgramCompilerTest {

    private static final Vm.Host HOST = new Vm.Host() {
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
        public boolean isInterrupted() {
            return false;
        }

        @Override
        public Storage storage() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Storage storage(int db, boolean write) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void beginTransaction(int db, boolean write) {
        }

        @Override
        public void rowChanged(long rowid, boolean lastRowid) {
        }

        @Override
        public void triggerRowChanged() {
        }

        @Override
        public void schemaChanged(int db) {
        }

        @Override
        public void transactionControl(int action, int beginKind, String savepoint) {
        }

        @Override
        public List<Object[]> pragma(PragmaCall call) {
            return List.of();
        }

        @Override
        public void attach(String file, String name) {
        }

        @Override
        public void detach(String name) {
        }

        @Override
        public void virtualTableWritten(turso.api.spi.VirtualTable table) {
        }
    };

    /**
     * Rows of (acc, i, 'x' || i, acc / i, NULL + i, i < n, i % 5 IS NULL): acc
     * starts 4 below the largest integer and grows by one a row, so it
     * overflows to a real (SQLite: 9223372036854775807 + 1 is
     * 9.22337203685478e+18); the loop runs while i < n; rows with i % 5 = 0
     * are skipped by an IF_NOT on a comparison, a NULL operand never skips.
     */
    private static Program loop(long start, int n) {
        ProgramBuilder b = new ProgramBuilder();
        int acc = b.newRegister();
        int i = b.newRegister();
        int limit = b.newRegister();
        int one = b.newRegister();
        int five = b.newRegister();
        int x = b.newRegister();
        int nul = b.newRegister();
        int lt = b.newRegister();
        int keep = b.newRegister();
        int out = b.newRegisters(7);
        int body = b.newLabel();
        int skip = b.newLabel();
        int init = b.newLabel();
        b.emit(Op.INIT, 0, init, 0);
        b.resolve(init);
        b.emit(Op.INT64, 0, acc, 0, start, 0);
        b.emit(Op.INTEGER, 0, i, 0);
        b.emit(Op.INTEGER, n, limit, 0);
        b.emit(Op.INTEGER, 1, one, 0);
        b.emit(Op.INTEGER, 5, five, 0);
        b.emit(Op.STRING8, 0, x, 0, "x".getBytes(StandardCharsets.UTF_8), 0);
        b.emit(Op.NULL, 0, nul, 0);
        b.resolve(body);
        b.emit(Op.ADD, acc, one, acc);
        b.emit(Op.ADD, i, one, i);
        b.emit(Op.COMPARE, i, limit, lt, new Comparison(CompareOp.LT, Affinity.NUMERIC, null), 0);
        b.emit(Op.REMAINDER, i, five, keep);
        b.emit(Op.IF_NOT, keep, skip, 0);
        b.emit(Op.COPY, acc, out, 0);
        b.emit(Op.COPY, i, out + 1, 0);
        b.emit(Op.CONCAT, x, i, out + 2);
        b.emit(Op.DIVIDE, acc, i, out + 3);
        b.emit(Op.ADD, nul, i, out + 4);
        b.emit(Op.COPY, lt, out + 5, 0);
        b.emit(Op.IS_TRUE, nul, out + 6, 0);
        b.emit(Op.RESULT_ROW, out, 7, 0);
        b.resolve(skip);
        b.emit(Op.IF, lt, body, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    /** Builds a program with the JIT forced on (compiled at its first step) or off. */
    private static Program withJit(boolean on, Supplier<Program> build) {
        String jit = System.getProperty("turso.jit");
        String threshold = System.getProperty("turso.jit.threshold");
        System.setProperty("turso.jit", Boolean.toString(on));
        System.setProperty("turso.jit.threshold", "0");
        try {
            return build.get();
        } finally {
            restore("turso.jit", jit);
            restore("turso.jit.threshold", threshold);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    private static List<String> rows(Vm vm, int columns) {
        List<String> rows = new ArrayList<>();
        while (vm.step()) {
            StringBuilder row = new StringBuilder();
            for (int k = 0; k < columns; k++) {
                Register r = vm.result(k);
                row.append(r.type()).append(':').append(r.toText()).append(' ');
            }
            rows.add(row.toString());
        }
        return rows;
    }

    @Test
    void compiledLoopGivesTheInterpretersRowsAcrossAReset() {
        Program interpreted = withJit(false, () -> loop(Long.MAX_VALUE - 4, 12));
        Program compiled = withJit(true, () -> loop(Long.MAX_VALUE - 4, 12));
        List<String> expected = rows(new Vm(interpreted, HOST), 7);
        assertEquals(10, expected.size(), "i = 1..12 without 5 and 10");
        assertEquals("REAL:9.22337203685478e+18 ", expected.get(4).substring(0, 26), "overflowed to a real");
        Vm vm = new Vm(compiled, HOST);
        assertEquals(expected, rows(vm, 7));
        assertNotNull(compiled.jit.code(compiled, false), "the program was compiled");
        vm.reset();
        assertTrue(vm.step());
        assertTrue(vm.step());
        vm.reset();
        assertEquals(expected, rows(vm, 7), "after a reset halfway through");
    }

    @Test
    void anErrorInCompiledCodeIsTheInterpretersError() {
        Supplier<Program> build = () -> {
            ProgramBuilder b = new ProgramBuilder();
            int v = b.newRegister();
            b.emit(Op.STRING8, 0, v, 0, "abc".getBytes(StandardCharsets.UTF_8), 0);
            b.emit(Op.MUST_BE_INT, v, 0, 0);
            b.emit(Op.RESULT_ROW, v, 1, 0);
            b.emit(Op.HALT, 0, 0, 0);
            return b.build();
        };
        TursoException interpreted = assertThrows(TursoException.class,
                () -> new Vm(withJit(false, build), HOST).step());
        Program program = withJit(true, build);
        Vm vm = new Vm(program, HOST);
        TursoException compiled = assertThrows(TursoException.class, vm::step);
        assertEquals(ResultCode.MISMATCH, compiled.resultCode());
        assertEquals(interpreted.getMessage(), compiled.getMessage());
        assertTrue(!vm.step(), "halted after the error");
        assertNotNull(program.jit.code(program, false));
    }

    @Test
    void limitAndOffsetCountersRunAsInterpreted() {
        Supplier<Program> build = () -> {
            ProgramBuilder b = new ProgramBuilder();
            int i = b.newRegister();
            int limit = b.newRegister();
            int offset = b.newRegister();
            int one = b.newRegister();
            int top = b.newLabel();
            int next = b.newLabel();
            int end = b.newLabel();
            b.emit(Op.INTEGER, 0, i, 0);
            b.emit(Op.INTEGER, 3, limit, 0);
            b.emit(Op.INTEGER, 2, offset, 0);
            b.emit(Op.INTEGER, 1, one, 0);
            b.resolve(top);
            b.emit(Op.ADD, i, one, i);
            b.emit(Op.IF_POS, offset, next, 1);
            b.emit(Op.RESULT_ROW, i, 1, 0);
            b.emit(Op.DECR_JUMP_ZERO, limit, end, 0);
            b.resolve(next);
            b.emit(Op.GOTO, 0, top, 0);
            b.resolve(end);
            b.emit(Op.HALT, 0, 0, 0);
            return b.build();
        };
        List<String> expected = rows(new Vm(withJit(false, build), HOST), 1);
        assertEquals(List.of("INTEGER:3 ", "INTEGER:4 ", "INTEGER:5 "), expected, "OFFSET 2 LIMIT 3");
        Program program = withJit(true, build);
        assertEquals(expected, rows(new Vm(program, HOST), 1));
        assertNotNull(program.jit.code(program, false));
    }

    @Test
    void aProgramWithAnOpcodeNotCompiledStaysInterpreted() {
        ProgramBuilder b = new ProgramBuilder();
        int r = b.newRegister();
        b.emit(Op.INTEGER, 1, r, 0);
        b.emit(Op.PARSE_SCHEMA, 0, 0, 0);
        b.emit(Op.HALT, 0, 0, 0);
        assertNull(ProgramCompiler.compile(b.build()));
    }
}
