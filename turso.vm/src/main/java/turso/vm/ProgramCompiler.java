/*
 * Turns a Program into JVM bytecode (java.lang.classfile): a hidden class,
 * nestmate of Vm, whose run(Vm) is the program's instructions laid out as
 * straight-line code. Each instruction becomes what the interpreter's case
 * for it does, with its operands as constants, its jumps as branches, the
 * registers it names held in locals and its p4 objects (comparisons,
 * aggregate functions, sort orders) as constants of the class, so that C2
 * compiles one small method per statement with no dispatch and monomorphic
 * calls. It runs on the Vm's own state and calls the Vm's own helpers, so the
 * results, errors and checks (interrupts, the progress handler) are the
 * interpreter's. A program holding an opcode not compiled here is not
 * compiled at all; HALT hands the Vm back to the interpreter, which ends the
 * run as it always does.
 */
package turso.vm;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import turso.api.spi.AggregateFunction;
import turso.api.spi.Collation;
import turso.btree.BTreeCursor;
import turso.btree.KeyInfo;
import turso.btree.Record;
import turso.btree.RecordComparator;
import turso.btree.Storage;

final class ProgramCompiler {
    /** Larger programs stay interpreted: their method would pass HotSpot's 8000-byte limit for compiling it. */
    static final int MAX_INSTRUCTIONS = 400;
    private static final int MAX_CODE_BYTES = 7900;
    /** Locals: this, the Vm, its register array, then register k in slot FIRST_REGISTER + k. */
    private static final int VM = 1;
    private static final int REGISTERS = 2;
    private static final int FIRST_REGISTER = 3;

    private static final ClassDesc CD_VM = desc(Vm.class);
    private static final ClassDesc CD_REGISTER = desc(Register.class);
    private static final ClassDesc CD_REGISTERS = CD_REGISTER.arrayType();
    private static final ClassDesc CD_CURSOR = desc(BTreeCursor.class);
    private static final ClassDesc CD_CURSORS = CD_CURSOR.arrayType();
    private static final ClassDesc CD_KEY_INFO = desc(KeyInfo.class);
    private static final ClassDesc CD_RECORD = desc(Record.class);
    private static final ClassDesc CD_SORTER = desc(Sorter.class);
    private static final ClassDesc CD_SORT_ORDER = desc(SortOrder.class);
    private static final ClassDesc CD_VIRTUAL = desc(VirtualCursors.class);
    private static final ClassDesc CD_AGGREGATE = desc(AggregateFunction.class);
    private static final ClassDesc CD_OPS = desc(CompiledOps.class);
    private static final ClassDesc CD_ARITHMETIC = desc(Arithmetic.class);
    private static final ClassDesc CD_HOST = desc(Vm.Host.class);
    private static final ClassDesc CD_STORAGE = desc(Storage.class);
    private static final ClassDesc CD_ARGUMENTS = desc(RegisterArguments.class);
    private static final ClassDesc CD_RESULT = desc(RegisterResult.class);
    private static final ClassDesc CD_BYTES = ConstantDescs.CD_byte.arrayType();
    private static final MethodTypeDesc REGISTER_OP = MethodTypeDesc.of(CD_void, CD_REGISTER, CD_REGISTER, CD_REGISTER);
    private static final MethodTypeDesc UNARY_OP = MethodTypeDesc.of(CD_void, CD_REGISTER, CD_REGISTER);

    /** The compiled program, or null if it holds an opcode not compiled here or is too large. */
    static CompiledProgram compile(Program program) {
        if (program.op.length > MAX_INSTRUCTIONS || !compilable(program)) {
            return null;
        }
        try {
            MethodHandles.Lookup vmLookup = MethodHandles.privateLookupIn(Vm.class, MethodHandles.lookup());
            ProgramCompiler compiler = new ProgramCompiler(program);
            byte[] bytes = compiler.classBytes(vmLookup);
            if (bytes == null) {
                return null;
            }
            MethodHandles.Lookup hidden = vmLookup.defineHiddenClassWithClassData(bytes, compiler.constants, true,
                    MethodHandles.Lookup.ClassOption.NESTMATE);
            return (CompiledProgram) hidden.findConstructor(hidden.lookupClass(),
                    java.lang.invoke.MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot compile the program", e);
        }
    }

    private static boolean compilable(Program program) {
        for (int i = 0; i < program.op.length; i++) {
            if (!compilable(program.op[i], program.p5[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean compilable(int op, int p5) {
        return switch (op) {
            case Op.INIT, Op.GOTO, Op.HALT, Op.INTEGER, Op.INT64, Op.REAL, Op.STRING8, Op.BLOB, Op.NULL,
                    Op.VARIABLE, Op.COPY, Op.ADD, Op.SUBTRACT, Op.MULTIPLY, Op.DIVIDE, Op.REMAINDER, Op.CONCAT,
                    Op.BIT_AND, Op.BIT_OR, Op.SHIFT_LEFT, Op.SHIFT_RIGHT, Op.AND, Op.OR, Op.NOT, Op.BIT_NOT,
                    Op.NEGATE, Op.COMPARE, Op.IF, Op.IF_NOT, Op.IS_NULL, Op.NOT_NULL, Op.IS_TRUE, Op.FUNCTION,
                    Op.CAST, Op.RESULT_ROW, Op.TRANSACTION, Op.REWIND, Op.NEXT, Op.PREV, Op.LAST,
                    Op.COLUMN, Op.ROWID, Op.MUST_BE_INT, Op.AFFINITY, Op.SORTER_OPEN, Op.SORTER_INSERT,
                    Op.SORTER_SORT, Op.SORTER_COLUMN, Op.SORTER_NEXT, Op.SORTER_BOUND, Op.SORTER_SKIP, Op.IF_POS,
                    Op.DECR_JUMP_ZERO, Op.AGG_RESET, Op.AGG_STEP, Op.AGG_FINAL, Op.NULL_ROW, Op.SEEK_GE, Op.SEEK_GT,
                    Op.SEEK_LE, Op.SEEK_LT, Op.IDX_GE, Op.IDX_GT, Op.IDX_LE, Op.IDX_LT, Op.IDX_ROWID, Op.SEEK_ROWID,
                    Op.ONCE, Op.OPEN_READ, Op.OPEN_WRITE, Op.DISTINCT, Op.DISTINCT_CLEAR, Op.SORTER_FOUND,
                    Op.NOT_EXISTS -> true;
            default -> false;
        };
    }

    private final Program program;
    /** The class data: p4 objects the code loads as constants, by index. */
    private final List<Object> constants = new ArrayList<>();
    private final Map<Object, Integer> constantIndex = new IdentityHashMap<>();
    private Label[] labels;
    private CodeBuilder code;

    private ProgramCompiler(Program program) {
        this.program = program;
    }

    private byte[] classBytes(MethodHandles.Lookup vmLookup) {
        ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofClassLoading(vmLookup))));
        ClassDesc self = ClassDesc.of("turso.vm.CompiledProgram$Statement");
        byte[] bytes = classFile.build(self, c -> {
            c.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC);
            c.withInterfaceSymbols(desc(CompiledProgram.class));
            c.withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC,
                    b -> b.aload(0).invokespecial(CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void).return_());
            c.withMethodBody("run", MethodTypeDesc.of(CD_int, CD_VM), ClassFile.ACC_PUBLIC, this::run);
        });
        int codeBytes = ClassFile.of().parse(bytes).methods().stream()
                .filter(m -> m.methodName().equalsString("run"))
                .mapToInt(m -> m.code().map(a -> ((java.lang.classfile.attribute.CodeAttribute) a).codeLength()).orElse(0))
                .sum();
        return codeBytes > MAX_CODE_BYTES ? null : bytes;
    }

    private void run(CodeBuilder b) {
        code = b;
        int n = program.op.length;
        labels = new Label[n + 1];
        for (int i = 0; i <= n; i++) {
            labels[i] = b.newLabel();
        }
        b.aload(VM).getfield(CD_VM, "registers", CD_REGISTERS).astore(REGISTERS);
        for (int k : usedRegisters().stream().toArray()) {
            b.aload(REGISTERS).loadConstant(k).aaload().astore(FIRST_REGISTER + k);
        }
        List<SwitchCase> entries = new ArrayList<>();
        entries.add(SwitchCase.of(0, labels[0]));
        for (int i = 0; i < n; i++) {
            if (program.op[i] == Op.RESULT_ROW && i + 1 < n) {
                entries.add(SwitchCase.of(i + 1, labels[i + 1]));
            }
        }
        Label interpret = b.newLabel();
        b.aload(VM).getfield(CD_VM, "pc", CD_int).lookupswitch(interpret, entries);
        b.labelBinding(interpret).loadConstant(CompiledProgram.INTERPRET).ireturn();
        for (int i = 0; i < n; i++) {
            b.labelBinding(labels[i]);
            instruction(i);
        }
        b.labelBinding(labels[n]);
        interpretFrom(n);
    }

    /** Every register an instruction names, loaded once into a local at entry. */
    private java.util.BitSet usedRegisters() {
        java.util.BitSet used = new java.util.BitSet();
        for (int i = 0; i < program.op.length; i++) {
            int p1 = program.p1[i];
            int p2 = program.p2[i];
            int p3 = program.p3[i];
            switch (program.op[i]) {
                case Op.INTEGER, Op.INT64, Op.REAL, Op.STRING8, Op.BLOB, Op.VARIABLE, Op.ROWID, Op.IDX_ROWID,
                        Op.AGG_FINAL -> used.set(p2);
                case Op.NULL -> used.set(p2, Math.max(p2, p3) + 1);
                case Op.COPY, Op.NOT, Op.BIT_NOT, Op.NEGATE, Op.IS_TRUE -> {
                    used.set(p1);
                    used.set(p2);
                }
                case Op.ADD, Op.SUBTRACT, Op.MULTIPLY, Op.DIVIDE, Op.REMAINDER, Op.CONCAT, Op.BIT_AND, Op.BIT_OR,
                        Op.SHIFT_LEFT, Op.SHIFT_RIGHT, Op.AND, Op.OR, Op.COMPARE -> {
                    used.set(p1);
                    used.set(p2);
                    used.set(p3);
                }
                case Op.IF, Op.IF_NOT, Op.IS_NULL, Op.NOT_NULL, Op.CAST, Op.MUST_BE_INT, Op.IF_POS,
                        Op.DECR_JUMP_ZERO -> used.set(p1);
                case Op.AFFINITY -> used.set(p1, p1 + p2);
                case Op.FUNCTION, Op.COLUMN, Op.SORTER_COLUMN, Op.SEEK_ROWID, Op.SORTER_FOUND, Op.NOT_EXISTS ->
                        used.set(p3);
                case Op.SORTER_BOUND -> {
                    used.set(p2);
                    if (p3 != 0) {
                        used.set(p3);
                    }
                }
                case Op.OPEN_READ, Op.OPEN_WRITE -> {
                    if ((program.p5[i] & Op.ROOT_IN_REGISTER) != 0) {
                        used.set(p2);
                    }
                }
                default -> {
                }
            }
        }
        return used;
    }

    private void instruction(int i) {
        CodeBuilder b = code;
        int p1 = program.p1[i];
        int p2 = program.p2[i];
        int p3 = program.p3[i];
        Object p4 = program.p4[i];
        switch (program.op[i]) {
            case Op.INIT, Op.GOTO -> {
                if (p2 <= i) {
                    b.aload(VM).invokevirtual(CD_VM, "checkInterrupt", ConstantDescs.MTD_void);
                }
                b.goto_(labels[p2]);
            }
            case Op.HALT -> interpretFrom(i);
            case Op.INTEGER -> register(p2).loadConstant((long) p1).invokevirtual(CD_REGISTER, "setLong",
                    MethodTypeDesc.of(CD_void, CD_long));
            case Op.INT64 -> register(p2).loadConstant((long) (Long) p4).invokevirtual(CD_REGISTER, "setLong",
                    MethodTypeDesc.of(CD_void, CD_long));
            case Op.REAL -> register(p2).loadConstant((double) (Double) p4).invokevirtual(CD_REGISTER, "setDouble",
                    MethodTypeDesc.of(CD_void, ConstantDescs.CD_double));
            case Op.STRING8 -> {
                register(p2);
                constant(p4, CD_BYTES);
                b.invokevirtual(CD_REGISTER, "setText", MethodTypeDesc.of(CD_void, CD_BYTES));
            }
            case Op.BLOB -> {
                register(p2);
                constant(p4, CD_BYTES);
                b.invokevirtual(CD_REGISTER, "setBlob", MethodTypeDesc.of(CD_void, CD_BYTES));
            }
            case Op.NULL -> {
                for (int k = p2; k <= Math.max(p2, p3); k++) {
                    register(k).invokevirtual(CD_REGISTER, "setNull", ConstantDescs.MTD_void);
                }
            }
            case Op.VARIABLE -> {
                register(p2);
                b.aload(VM).getfield(CD_VM, "parameters", CD_REGISTERS).loadConstant(p1 - 1).aaload();
                b.invokevirtual(CD_REGISTER, "copyFrom", MethodTypeDesc.of(CD_void, CD_REGISTER));
            }
            case Op.COPY -> register(p2).aload(FIRST_REGISTER + p1)
                    .invokevirtual(CD_REGISTER, "copyFrom", MethodTypeDesc.of(CD_void, CD_REGISTER));
            case Op.ADD -> arithmetic("add", p1, p2, p3);
            case Op.SUBTRACT -> arithmetic("subtract", p1, p2, p3);
            case Op.MULTIPLY -> arithmetic("multiply", p1, p2, p3);
            case Op.DIVIDE -> arithmetic("divide", p1, p2, p3);
            case Op.REMAINDER -> arithmetic("remainder", p1, p2, p3);
            case Op.CONCAT -> arithmetic("concat", p1, p2, p3);
            case Op.BIT_AND -> arithmetic("bitAnd", p1, p2, p3);
            case Op.BIT_OR -> arithmetic("bitOr", p1, p2, p3);
            case Op.SHIFT_LEFT -> arithmetic("shiftLeft", p1, p2, p3);
            case Op.SHIFT_RIGHT -> arithmetic("shiftRight", p1, p2, p3);
            case Op.AND -> arithmetic("and", p1, p2, p3);
            case Op.OR -> arithmetic("or", p1, p2, p3);
            case Op.NOT -> unary("not", p1, p2);
            case Op.BIT_NOT -> unary("bitNot", p1, p2);
            case Op.NEGATE -> unary("negate", p1, p2);
            case Op.COMPARE -> {
                Comparison c = (Comparison) p4;
                b.aload(VM).getfield(CD_VM, "comparator", desc(ValueComparator.class));
                constant(c.op(), desc(CompareOp.class));
                register(p1);
                register(p2);
                constant(c.affinity(), desc(Affinity.class));
                constant(c.collation(), desc(Collation.class));
                register(p3);
                b.invokevirtual(desc(ValueComparator.class), "compare", MethodTypeDesc.of(CD_void,
                        desc(CompareOp.class), CD_REGISTER, CD_REGISTER, desc(Affinity.class), desc(Collation.class),
                        CD_REGISTER));
            }
            case Op.IF, Op.IF_NOT -> {
                // the jump is taken on NULL when p3 is not 0, else on (not) true
                register(p1).invokevirtual(CD_REGISTER, "isNull", MethodTypeDesc.of(CD_boolean));
                b.ifne(p3 != 0 ? labels[p2] : labels[i + 1]);
                register(p1).invokevirtual(CD_REGISTER, "isTrue", MethodTypeDesc.of(CD_boolean));
                if (program.op[i] == Op.IF) {
                    b.ifne(labels[p2]);
                } else {
                    b.ifeq(labels[p2]);
                }
            }
            case Op.IS_NULL -> register(p1).invokevirtual(CD_REGISTER, "isNull", MethodTypeDesc.of(CD_boolean))
                    .ifne(labels[p2]);
            case Op.NOT_NULL -> register(p1).invokevirtual(CD_REGISTER, "isNull", MethodTypeDesc.of(CD_boolean))
                    .ifeq(labels[p2]);
            case Op.IS_TRUE -> register(p1).loadConstant(p3).aload(FIRST_REGISTER + p2).invokestatic(CD_OPS, "isTrue",
                    MethodTypeDesc.of(CD_void, CD_REGISTER, CD_int, CD_REGISTER));
            case Op.FUNCTION -> {
                b.aload(VM);
                constant(p4, desc(FunctionCall.class));
                b.loadConstant(p1).loadConstant(p2);
                register(p3);
                b.invokevirtual(CD_VM, "call", MethodTypeDesc.of(CD_void, desc(FunctionCall.class), CD_int, CD_int,
                        CD_REGISTER));
            }
            case Op.CAST -> {
                register(p1);
                constant(p4, desc(Affinity.class));
                b.invokestatic(desc(Cast.class), "apply", MethodTypeDesc.of(CD_void, CD_REGISTER, desc(Affinity.class)));
            }
            case Op.MUST_BE_INT -> register(p1).invokestatic(CD_VM, "mustBeInt", MethodTypeDesc.of(CD_void, CD_REGISTER));
            case Op.AFFINITY -> {
                Affinity[] affinities = (Affinity[]) p4;
                for (int k = 0; k < p2; k++) {
                    constant(affinities[k], desc(Affinity.class));
                    register(p1 + k);
                    b.invokevirtual(desc(Affinity.class), "apply", MethodTypeDesc.of(CD_void, CD_REGISTER));
                }
            }
            case Op.RESULT_ROW -> {
                b.aload(VM).loadConstant(p1).putfield(CD_VM, "resultStart", CD_int);
                b.aload(VM).loadConstant(i + 1).putfield(CD_VM, "pc", CD_int);
                b.aload(VM).invokevirtual(CD_VM, "checkInterrupt", ConstantDescs.MTD_void);
                b.loadConstant(CompiledProgram.ROW).ireturn();
            }
            case Op.TRANSACTION -> b.aload(VM).getfield(CD_VM, "host", CD_HOST).loadConstant(p1)
                    .loadConstant(p2 != 0 ? 1 : 0)
                    .invokeinterface(CD_HOST, "beginTransaction", MethodTypeDesc.of(CD_void, CD_int, CD_boolean));
            case Op.OPEN_READ, Op.OPEN_WRITE -> openCursor(i);
            case Op.REWIND -> {
                clearNullRow(p1);
                cursor(p1).invokevirtual(CD_CURSOR, "first", MethodTypeDesc.of(CD_boolean)).ifeq(labels[p2]);
            }
            case Op.LAST -> {
                clearNullRow(p1);
                cursor(p1).invokevirtual(CD_CURSOR, "last", MethodTypeDesc.of(CD_boolean)).ifeq(labels[p2]);
            }
            case Op.NEXT, Op.PREV -> {
                clearNullRow(p1);
                cursor(p1).invokevirtual(CD_CURSOR, program.op[i] == Op.NEXT ? "next" : "prev",
                        MethodTypeDesc.of(CD_boolean)).ifeq(labels[i + 1]);
                b.aload(VM).invokevirtual(CD_VM, "checkInterrupt", ConstantDescs.MTD_void).goto_(labels[p2]);
            }
            case Op.COLUMN -> column(i);
            case Op.ROWID -> rowid(i);
            case Op.IDX_ROWID -> idxRowid(i);
            case Op.NULL_ROW -> b.aload(VM).getfield(CD_VM, "nullRows", ConstantDescs.CD_boolean.arrayType())
                    .loadConstant(p1).iconst_1().bastore();
            case Op.SEEK_ROWID -> seekRowid(i);
            case Op.SEEK_GE, Op.SEEK_GT, Op.SEEK_LE, Op.SEEK_LT -> {
                clearNullRow(p1);
                b.aload(VM).loadConstant(program.op[i]).loadConstant(p1).loadConstant(p3).loadConstant((int) (Integer) p4)
                        .invokevirtual(CD_VM, "seek", MethodTypeDesc.of(CD_boolean, CD_int, CD_int, CD_int, CD_int))
                        .ifeq(labels[p2]);
            }
            case Op.IDX_GE, Op.IDX_GT, Op.IDX_LE, Op.IDX_LT -> {
                cursor(p1).invokevirtual(CD_CURSOR, "key", MethodTypeDesc.of(CD_RECORD));
                b.aload(VM).loadConstant(p3).loadConstant((int) (Integer) p4)
                        .invokevirtual(CD_VM, "key", MethodTypeDesc.of(CD_RECORD, CD_int, CD_int));
                b.aload(VM).getfield(CD_VM, "keyInfos", CD_KEY_INFO.arrayType()).loadConstant(p1).aaload();
                b.invokestatic(desc(RecordComparator.class), "compare",
                        MethodTypeDesc.of(CD_int, CD_RECORD, CD_RECORD, CD_KEY_INFO));
                switch (program.op[i]) {
                    case Op.IDX_GE -> b.ifge(labels[p2]);
                    case Op.IDX_GT -> b.ifgt(labels[p2]);
                    case Op.IDX_LE -> b.ifle(labels[p2]);
                    default -> b.iflt(labels[p2]);
                }
            }
            case Op.AGG_RESET -> {
                b.aload(VM).getfield(CD_VM, "aggregates", CD_Object.arrayType()).loadConstant(p1);
                constant(p4, CD_AGGREGATE);
                b.invokeinterface(CD_AGGREGATE, "newState", MethodTypeDesc.of(CD_Object)).aastore();
            }
            case Op.AGG_STEP -> {
                constant(p4, CD_AGGREGATE);
                aggregateState(p1);
                b.aload(VM).getfield(CD_VM, "arguments", CD_ARGUMENTS).aload(REGISTERS).loadConstant(p2)
                        .loadConstant(p3).invokevirtual(CD_ARGUMENTS, "bind",
                                MethodTypeDesc.of(CD_ARGUMENTS, CD_REGISTERS, CD_int, CD_int));
                b.invokeinterface(CD_AGGREGATE, "step", MethodTypeDesc.of(CD_void, CD_Object,
                        desc(turso.api.spi.FunctionArguments.class)));
            }
            case Op.AGG_FINAL -> {
                b.aload(VM).getfield(CD_VM, "result", CD_RESULT);
                register(p2).invokevirtual(CD_RESULT, "reset", MethodTypeDesc.of(CD_RESULT, CD_REGISTER)).pop();
                constant(p4, CD_AGGREGATE);
                aggregateState(p1);
                b.aload(VM).getfield(CD_VM, "result", CD_RESULT);
                b.invokeinterface(CD_AGGREGATE, "finish", MethodTypeDesc.of(CD_void, CD_Object,
                        desc(turso.api.spi.FunctionResult.class)));
                b.aload(VM).getfield(CD_VM, "result", CD_RESULT).invokevirtual(CD_RESULT, "throwIfError",
                        ConstantDescs.MTD_void);
            }
            case Op.SORTER_OPEN -> {
                b.aload(VM).getfield(CD_VM, "sorters", CD_SORTER.arrayType()).loadConstant(p1);
                b.new_(CD_SORTER).dup();
                constant(p4, CD_SORT_ORDER);
                b.invokespecial(CD_SORTER, ConstantDescs.INIT_NAME, MethodTypeDesc.of(CD_void, CD_SORT_ORDER));
                b.aastore();
            }
            case Op.SORTER_INSERT -> sorter(p1).aload(REGISTERS).loadConstant(p2).loadConstant(p3)
                    .invokevirtual(CD_SORTER, "insert", MethodTypeDesc.of(CD_void, CD_REGISTERS, CD_int, CD_int));
            case Op.SORTER_SKIP -> sorter(p1).aload(REGISTERS).loadConstant(p3)
                    .invokevirtual(CD_SORTER, "cannotEnter", MethodTypeDesc.of(CD_boolean, CD_REGISTERS, CD_int))
                    .ifne(labels[p2]);
            case Op.SORTER_SORT -> sorter(p1).invokevirtual(CD_SORTER, "sort", MethodTypeDesc.of(CD_boolean))
                    .ifeq(labels[p2]);
            case Op.SORTER_COLUMN -> {
                register(p3);
                sorter(p1).loadConstant(p2).invokevirtual(CD_SORTER, "column", MethodTypeDesc.of(CD_REGISTER, CD_int));
                b.invokevirtual(CD_REGISTER, "copyFrom", MethodTypeDesc.of(CD_void, CD_REGISTER));
            }
            case Op.SORTER_NEXT -> {
                sorter(p1).invokevirtual(CD_SORTER, "next", MethodTypeDesc.of(CD_boolean)).ifeq(labels[i + 1]);
                b.aload(VM).invokevirtual(CD_VM, "checkInterrupt", ConstantDescs.MTD_void).goto_(labels[p2]);
            }
            case Op.SORTER_BOUND -> {
                sorter(p1);
                register(p2);
                if (p3 == 0) {
                    b.aconst_null();
                } else {
                    register(p3);
                }
                b.invokestatic(CD_OPS, "sorterBound", MethodTypeDesc.of(CD_void, CD_SORTER, CD_REGISTER, CD_REGISTER));
            }
            case Op.IF_POS -> register(p1).loadConstant(p3)
                    .invokestatic(CD_OPS, "ifPos", MethodTypeDesc.of(CD_boolean, CD_REGISTER, CD_int)).ifne(labels[p2]);
            case Op.DECR_JUMP_ZERO -> register(p1)
                    .invokestatic(CD_OPS, "decrJumpZero", MethodTypeDesc.of(CD_boolean, CD_REGISTER)).ifne(labels[p2]);
            case Op.ONCE -> {
                MethodTypeDesc get = MethodTypeDesc.of(CD_boolean, CD_int);
                ClassDesc bitSet = desc(java.util.BitSet.class);
                b.aload(VM).getfield(CD_VM, "onceDone", bitSet).loadConstant(i).invokevirtual(bitSet, "get", get)
                        .ifne(labels[p2]);
                b.aload(VM).getfield(CD_VM, "onceDone", bitSet).loadConstant(i)
                        .invokevirtual(bitSet, "set", MethodTypeDesc.of(CD_void, CD_int));
            }
            case Op.DISTINCT -> {
                ClassDesc set = desc(DistinctSet.class);
                Label open = b.newLabel();
                b.aload(VM).getfield(CD_VM, "distincts", set.arrayType()).loadConstant(p1).aaload().ifnonnull(open);
                b.aload(VM).getfield(CD_VM, "distincts", set.arrayType()).loadConstant(p1);
                b.new_(set).dup();
                constant(p4, CD_SORT_ORDER);
                b.invokespecial(set, ConstantDescs.INIT_NAME, MethodTypeDesc.of(CD_void, CD_SORT_ORDER)).aastore();
                b.labelBinding(open);
                b.aload(VM).getfield(CD_VM, "distincts", set.arrayType()).loadConstant(p1).aaload();
                b.aload(REGISTERS).loadConstant(p3)
                        .invokevirtual(set, "add", MethodTypeDesc.of(CD_boolean, CD_REGISTERS, CD_int)).ifeq(labels[p2]);
            }
            case Op.DISTINCT_CLEAR -> b.aload(VM).getfield(CD_VM, "distincts", desc(DistinctSet.class).arrayType())
                    .loadConstant(p1).aconst_null().aastore();
            case Op.SORTER_FOUND -> {
                sorter(p1);
                register(p3);
                b.invokevirtual(CD_SORTER, "contains", MethodTypeDesc.of(CD_boolean, CD_REGISTER)).ifne(labels[p2]);
            }
            case Op.NOT_EXISTS -> {
                Label rowKey = b.newLabel();
                branchIfRowKey(p1, rowKey);
                cursor(p1);
                register(p3).invokevirtual(CD_REGISTER, "longValue", MethodTypeDesc.of(CD_long));
                b.getstatic(desc(turso.btree.SeekOp.class), "EQ", desc(turso.btree.SeekOp.class));
                b.invokevirtual(CD_CURSOR, "seek", MethodTypeDesc.of(CD_boolean, CD_long, desc(turso.btree.SeekOp.class)))
                        .ifeq(labels[p2]).goto_(labels[i + 1]);
                b.labelBinding(rowKey);
                b.aload(VM).loadConstant(p1);
                register(p3);
                b.invokevirtual(CD_VM, "seekRowKey", MethodTypeDesc.of(CD_boolean, CD_int, CD_REGISTER)).ifeq(labels[p2]);
            }
            default -> throw new IllegalStateException("opcode " + Op.name(program.op[i]) + " is not compiled");
        }
    }

    /** Hands the Vm back to the interpreter at instruction {@code pc}. */
    private void interpretFrom(int pc) {
        code.aload(VM).loadConstant(pc).putfield(CD_VM, "pc", CD_int);
        code.loadConstant(CompiledProgram.INTERPRET).ireturn();
    }

    private CodeBuilder register(int k) {
        return code.aload(FIRST_REGISTER + k);
    }

    private void arithmetic(String method, int a, int b, int out) {
        register(a);
        register(b);
        register(out);
        code.invokestatic(CD_ARITHMETIC, method, REGISTER_OP);
    }

    private void unary(String method, int a, int out) {
        register(a);
        register(out);
        code.invokestatic(CD_ARITHMETIC, method, UNARY_OP);
    }

    /** Loads {@code value} as a constant of the class (class data), or null. */
    private void constant(Object value, ClassDesc type) {
        if (value == null) {
            code.aconst_null();
            return;
        }
        int index = constantIndex.computeIfAbsent(value, v -> {
            constants.add(v);
            return constants.size() - 1;
        });
        code.ldc(DynamicConstantDesc.ofNamed(ConstantDescs.BSM_CLASS_DATA_AT, ConstantDescs.DEFAULT_NAME, type, index));
    }

    private CodeBuilder cursor(int c) {
        return code.aload(VM).getfield(CD_VM, "cursors", CD_CURSORS).loadConstant(c).aaload();
    }

    private CodeBuilder sorter(int c) {
        return code.aload(VM).getfield(CD_VM, "sorters", CD_SORTER.arrayType()).loadConstant(c).aaload();
    }

    private void aggregateState(int c) {
        code.aload(VM).getfield(CD_VM, "aggregates", CD_Object.arrayType()).loadConstant(c).aaload();
    }

    private void clearNullRow(int c) {
        code.aload(VM).getfield(CD_VM, "nullRows", ConstantDescs.CD_boolean.arrayType()).loadConstant(c).iconst_0()
                .bastore();
    }

    /** Jumps to {@code ifNullRow} when cursor {@code c} stands on a row of NULLs. */
    private void branchIfNullRow(int c, Label ifNullRow) {
        code.aload(VM).getfield(CD_VM, "nullRows", ConstantDescs.CD_boolean.arrayType()).loadConstant(c).baload()
                .ifne(ifNullRow);
    }

    private void branchIfVirtual(int c, Label ifVirtual) {
        code.aload(VM).getfield(CD_VM, "virtualCursors", CD_VIRTUAL).loadConstant(c)
                .invokevirtual(CD_VIRTUAL, "isVirtual", MethodTypeDesc.of(CD_boolean, CD_int)).ifne(ifVirtual);
    }

    private void branchIfRowKey(int c, Label ifRowKey) {
        code.aload(VM).getfield(CD_VM, "rowKeys", CD_int.arrayType().arrayType()).loadConstant(c).aaload()
                .ifnonnull(ifRowKey);
    }

    /** r[out] = the row key record of cursor {@code c}'s entry (WITHOUT ROWID), as ROWID and IDX_ROWID give it. */
    private void setRowKey(int c, int out) {
        register(out).aload(VM);
        cursor(c).invokevirtual(CD_CURSOR, "key", MethodTypeDesc.of(CD_RECORD));
        code.aload(VM).getfield(CD_VM, "rowKeys", CD_int.arrayType().arrayType()).loadConstant(c).aaload();
        code.invokevirtual(CD_VM, "rowKeyOf", MethodTypeDesc.of(CD_BYTES, CD_RECORD, CD_int.arrayType()));
        code.invokevirtual(CD_REGISTER, "setBlob", MethodTypeDesc.of(CD_void, CD_BYTES));
    }

    private void setNull(int out) {
        register(out).invokevirtual(CD_REGISTER, "setNull", ConstantDescs.MTD_void);
    }

    private void column(int i) {
        int c = program.p1[i];
        int out = program.p3[i];
        Label nullRow = code.newLabel();
        Label virtual = code.newLabel();
        branchIfNullRow(c, nullRow);
        branchIfVirtual(c, virtual);
        cursor(c).loadConstant(program.p2[i]);
        register(out);
        constant(program.p4[i], CD_REGISTER);
        code.invokestatic(CD_VM, "column", MethodTypeDesc.of(CD_void, CD_CURSOR, CD_int, CD_REGISTER, CD_REGISTER))
                .goto_(labels[i + 1]);
        code.labelBinding(nullRow);
        setNull(out);
        code.goto_(labels[i + 1]);
        code.labelBinding(virtual);
        code.aload(VM).getfield(CD_VM, "virtualCursors", CD_VIRTUAL).loadConstant(c).loadConstant(program.p2[i]);
        register(out);
        code.invokevirtual(CD_VIRTUAL, "column", MethodTypeDesc.of(CD_void, CD_int, CD_int, CD_REGISTER));
    }

    private void rowid(int i) {
        int c = program.p1[i];
        int out = program.p2[i];
        Label nullRow = code.newLabel();
        Label virtual = code.newLabel();
        Label rowKey = code.newLabel();
        branchIfNullRow(c, nullRow);
        branchIfVirtual(c, virtual);
        branchIfRowKey(c, rowKey);
        register(out);
        cursor(c).invokevirtual(CD_CURSOR, "rowid", MethodTypeDesc.of(CD_long));
        code.invokevirtual(CD_REGISTER, "setLong", MethodTypeDesc.of(CD_void, CD_long)).goto_(labels[i + 1]);
        code.labelBinding(nullRow);
        setNull(out);
        code.goto_(labels[i + 1]);
        code.labelBinding(virtual);
        register(out).aload(VM).getfield(CD_VM, "virtualCursors", CD_VIRTUAL).loadConstant(c)
                .invokevirtual(CD_VIRTUAL, "rowid", MethodTypeDesc.of(CD_long, CD_int))
                .invokevirtual(CD_REGISTER, "setLong", MethodTypeDesc.of(CD_void, CD_long)).goto_(labels[i + 1]);
        code.labelBinding(rowKey);
        setRowKey(c, out);
    }

    private void idxRowid(int i) {
        int c = program.p1[i];
        int out = program.p2[i];
        Label nullRow = code.newLabel();
        Label rowKey = code.newLabel();
        branchIfNullRow(c, nullRow);
        branchIfRowKey(c, rowKey);
        register(out);
        cursor(c).invokevirtual(CD_CURSOR, "key", MethodTypeDesc.of(CD_RECORD));
        code.invokestatic(CD_OPS, "lastField", MethodTypeDesc.of(CD_long, CD_RECORD))
                .invokevirtual(CD_REGISTER, "setLong", MethodTypeDesc.of(CD_void, CD_long)).goto_(labels[i + 1]);
        code.labelBinding(nullRow);
        setNull(out);
        code.goto_(labels[i + 1]);
        code.labelBinding(rowKey);
        setRowKey(c, out);
    }

    private void seekRowid(int i) {
        int c = program.p1[i];
        int key = program.p3[i];
        Label rowKey = code.newLabel();
        Label found = code.newLabel();
        branchIfRowKey(c, rowKey);
        cursor(c);
        register(key);
        code.invokestatic(CD_OPS, "seekRowid", MethodTypeDesc.of(CD_boolean, CD_CURSOR, CD_REGISTER))
                .ifeq(labels[program.p2[i]]).goto_(found);
        code.labelBinding(rowKey);
        code.aload(VM).loadConstant(c);
        register(key);
        code.invokevirtual(CD_VM, "seekRowKey", MethodTypeDesc.of(CD_boolean, CD_int, CD_REGISTER))
                .ifeq(labels[program.p2[i]]);
        code.labelBinding(found);
        clearNullRow(c);
    }

    private void openCursor(int i) {
        int c = program.p1[i];
        boolean write = program.op[i] == Op.OPEN_WRITE;
        Label done = labels[i + 1];
        code.aload(VM).loadConstant(c).invokevirtual(CD_VM, "closeCursor", MethodTypeDesc.of(CD_void, CD_int));
        code.aload(VM).getfield(CD_VM, "host", CD_HOST).loadConstant(program.p3[i]).loadConstant(write ? 1 : 0)
                .invokeinterface(CD_HOST, "storage", MethodTypeDesc.of(CD_STORAGE, CD_int, CD_boolean));
        code.aload(VM).getfield(CD_VM, "cursors", CD_CURSORS);
        code.aload(VM).getfield(CD_VM, "keyInfos", CD_KEY_INFO.arrayType());
        code.aload(VM).getfield(CD_VM, "rowKeys", CD_int.arrayType().arrayType());
        code.loadConstant(c);
        if ((program.p5[i] & Op.ROOT_IN_REGISTER) != 0) {
            register(program.p2[i]).invokevirtual(CD_REGISTER, "longValue", MethodTypeDesc.of(CD_long)).l2i();
        } else {
            code.loadConstant(program.p2[i]);
        }
        constant(program.p4[i], CD_Object);
        code.loadConstant(write ? 1 : 0);
        code.invokestatic(CD_OPS, "openCursor", MethodTypeDesc.of(CD_boolean, CD_STORAGE, CD_CURSORS,
                CD_KEY_INFO.arrayType(), CD_int.arrayType().arrayType(), CD_int, CD_int, CD_Object, CD_boolean));
        code.ifeq(done);
        code.aload(VM).loadConstant(c).invokevirtual(CD_VM, "openEmpty", MethodTypeDesc.of(CD_void, CD_int));
    }

    private static ClassDesc desc(Class<?> type) {
        return type.describeConstable().orElseThrow();
    }
}
