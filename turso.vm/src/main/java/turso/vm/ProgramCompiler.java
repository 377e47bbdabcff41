/*
 * Turns a Program into JVM bytecode (java.lang.classfile): a hidden class,
 * nestmate of Vm, whose run(Vm) is the program's instructions laid out as
 * straight-line code. Each instruction becomes what the interpreter's case
 * for it does, with its operands as constants, its jumps as branches, the
 * registers it names held in locals and its p4 objects (comparisons,
 * aggregate functions, sort orders) as constants of the class, so that C2
 * compiles one small method per statement with no dispatch and monomorphic
 * calls. It runs on the Vm's own state and, for every instruction whose
 * interpreter case is a helper method, calls that very method (an opcode's
 * semantics are written once, in Vm, and a change to them reaches both), so
 * the results, errors and checks (interrupts, the progress handler) are the
 * interpreter's. A hash aggregate swaps a group's own Register objects into
 * the register file, so the locals holding those registers are loaded again
 * after each GROUP_FIND, GROUP_SORT and GROUP_NEXT. A program holding an
 * opcode not compiled here is not compiled at all; HALT hands the Vm back to
 * the interpreter, which ends the run as it always does.
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
    private static final ClassDesc CD_SORTER = desc(Sorter.class);
    private static final ClassDesc CD_SORT_ORDER = desc(SortOrder.class);
    private static final ClassDesc CD_AGGREGATE = desc(AggregateFunction.class);
    private static final ClassDesc CD_ARITHMETIC = desc(Arithmetic.class);
    private static final ClassDesc CD_HOST = desc(Vm.Host.class);
    private static final ClassDesc CD_ARGUMENTS = desc(RegisterArguments.class);
    private static final ClassDesc CD_BYTES = ConstantDescs.CD_byte.arrayType();
    private static final MethodTypeDesc REGISTER_OP = MethodTypeDesc.of(CD_void, CD_REGISTER, CD_REGISTER, CD_REGISTER);
    private static final MethodTypeDesc UNARY_OP = MethodTypeDesc.of(CD_void, CD_REGISTER, CD_REGISTER);
    /** A Vm helper taking a cursor (or instruction) number and telling whether to jump. */
    private static final MethodTypeDesc CURSOR_TEST = MethodTypeDesc.of(CD_boolean, CD_int);
    private static final ClassDesc CD_GROUP_TABLE = desc(GroupTable.class);

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
                    Op.ONCE, Op.OPEN_READ, Op.OPEN_WRITE, Op.OPEN_EPHEMERAL, Op.DISTINCT, Op.DISTINCT_CLEAR,
                    Op.SORTER_FOUND, Op.NOT_EXISTS, Op.NO_CONFLICT, Op.MAKE_RECORD, Op.NEW_ROWID, Op.INSERT,
                    Op.IDX_INSERT, Op.IDX_DELETE, Op.DELETE, Op.TYPE_CHECK, Op.GROUP_OPEN, Op.GROUP_FIND,
                    Op.GROUP_SORT, Op.GROUP_NEXT -> true;
            default -> false;
        };
    }

    private final Program program;
    /** The class data: p4 objects the code loads as constants, by index. */
    private final List<Object> constants = new ArrayList<>();
    private final Map<Object, Integer> constantIndex = new IdentityHashMap<>();
    private Label[] labels;
    private CodeBuilder code;
    /** The registers hash aggregates swap per group (GroupSpec.savedRegisters) that the code holds in locals. */
    private final java.util.BitSet groupRegisters = new java.util.BitSet();

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
        java.util.BitSet used = usedRegisters();
        for (int i = 0; i < n; i++) {
            if (program.op[i] == Op.GROUP_OPEN) {
                for (int k : ((GroupSpec) program.p4[i]).savedRegisters()) {
                    groupRegisters.set(k);
                }
            }
        }
        groupRegisters.and(used);
        for (int k : used.stream().toArray()) {
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
                case Op.FUNCTION, Op.COLUMN, Op.SORTER_COLUMN, Op.SEEK_ROWID, Op.SORTER_FOUND, Op.NOT_EXISTS,
                        Op.MAKE_RECORD -> used.set(p3);
                case Op.NEW_ROWID, Op.INSERT -> {
                    used.set(p2);
                    used.set(p3);
                }
                case Op.IDX_INSERT -> used.set(p2);
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
            case Op.NULL -> vm("setNull", MethodTypeDesc.of(CD_void, CD_int, CD_int), p2, p3);
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
                b.aload(VM);
                constant(p4, desc(Comparison.class));
                register(p1);
                register(p2);
                register(p3);
                b.invokevirtual(CD_VM, "compare", MethodTypeDesc.of(CD_void, desc(Comparison.class), CD_REGISTER,
                        CD_REGISTER, CD_REGISTER));
            }
            case Op.IF, Op.IF_NOT -> register(p1).loadConstant(p3 != 0 ? 1 : 0)
                    .loadConstant(program.op[i] == Op.IF ? 1 : 0)
                    .invokestatic(CD_VM, "jumpIf", MethodTypeDesc.of(CD_boolean, CD_REGISTER, CD_boolean, CD_boolean))
                    .ifne(labels[p2]);
            case Op.IS_NULL -> register(p1).invokevirtual(CD_REGISTER, "isNull", MethodTypeDesc.of(CD_boolean))
                    .ifne(labels[p2]);
            case Op.NOT_NULL -> register(p1).invokevirtual(CD_REGISTER, "isNull", MethodTypeDesc.of(CD_boolean))
                    .ifeq(labels[p2]);
            case Op.IS_TRUE -> register(p1).loadConstant(p3).aload(FIRST_REGISTER + p2).invokestatic(CD_VM, "isTrue",
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
                b.aload(VM);
                constant(p4, desc(Affinity.class).arrayType());
                b.loadConstant(p1).loadConstant(p2).invokevirtual(CD_VM, "applyAffinities",
                        MethodTypeDesc.of(CD_void, desc(Affinity.class).arrayType(), CD_int, CD_int));
            }
            case Op.TYPE_CHECK -> {
                constant(p4, desc(StrictTypes.class));
                b.aload(REGISTERS).loadConstant(p1).invokevirtual(desc(StrictTypes.class), "check",
                        MethodTypeDesc.of(CD_void, CD_REGISTERS, CD_int));
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
            case Op.OPEN_READ, Op.OPEN_WRITE -> {
                b.aload(VM).loadConstant(p1).loadConstant(p3);
                if ((program.p5[i] & Op.ROOT_IN_REGISTER) != 0) {
                    register(p2).invokevirtual(CD_REGISTER, "longValue", MethodTypeDesc.of(CD_long)).l2i();
                } else {
                    b.loadConstant(p2);
                }
                constant(p4, CD_Object);
                b.loadConstant(program.op[i] == Op.OPEN_WRITE ? 1 : 0).invokevirtual(CD_VM, "openCursor",
                        MethodTypeDesc.of(CD_void, CD_int, CD_int, CD_int, CD_Object, CD_boolean));
            }
            case Op.OPEN_EPHEMERAL -> {
                b.aload(VM).loadConstant(p1);
                constant(p4, CD_Object);
                b.invokevirtual(CD_VM, "openEphemeral", MethodTypeDesc.of(CD_void, CD_int, CD_Object));
            }
            case Op.REWIND -> jumpIfNot(vm("rewind", CURSOR_TEST, p1), p2);
            case Op.LAST -> jumpIfNot(vm("last", CURSOR_TEST, p1), p2);
            case Op.NEXT -> jumpIf(vm("next", CURSOR_TEST, p1), p2);
            case Op.PREV -> jumpIf(vm("prev", CURSOR_TEST, p1), p2);
            case Op.COLUMN -> {
                b.aload(VM).loadConstant(p1).loadConstant(p2);
                register(p3);
                constant(p4, CD_REGISTER);
                b.invokevirtual(CD_VM, "column", MethodTypeDesc.of(CD_void, CD_int, CD_int, CD_REGISTER, CD_REGISTER));
            }
            case Op.ROWID -> cursorToRegister("rowid", p1, p2);
            case Op.IDX_ROWID -> cursorToRegister("indexRowid", p1, p2);
            case Op.NULL_ROW -> b.aload(VM).getfield(CD_VM, "nullRows", ConstantDescs.CD_boolean.arrayType())
                    .loadConstant(p1).iconst_1().bastore();
            case Op.SEEK_ROWID -> jumpIfNot(cursorAndRegister("seekRowid", CD_boolean, p1, p3), p2);
            case Op.NOT_EXISTS -> jumpIf(cursorAndRegister("notExists", CD_boolean, p1, p3), p2);
            case Op.SEEK_GE, Op.SEEK_GT, Op.SEEK_LE, Op.SEEK_LT -> {
                b.aload(VM).getfield(CD_VM, "nullRows", ConstantDescs.CD_boolean.arrayType()).loadConstant(p1)
                        .iconst_0().bastore();
                jumpIfNot(vm("seek", MethodTypeDesc.of(CD_boolean, CD_int, CD_int, CD_int, CD_int), program.op[i], p1,
                        p3, (Integer) p4), p2);
            }
            case Op.IDX_GE, Op.IDX_GT, Op.IDX_LE, Op.IDX_LT -> jumpIf(vm("indexCompare",
                    MethodTypeDesc.of(CD_boolean, CD_int, CD_int, CD_int, CD_int), program.op[i], p1, p3, (Integer) p4),
                    p2);
            case Op.NO_CONFLICT -> jumpIf(vm("noConflict", MethodTypeDesc.of(CD_boolean, CD_int, CD_int, CD_int), p1, p3,
                    (Integer) p4), p2);
            case Op.MAKE_RECORD -> {
                register(p3).aload(VM).aload(REGISTERS).loadConstant(p1).loadConstant(p2)
                        .invokevirtual(CD_VM, "makeRecord", MethodTypeDesc.of(CD_BYTES, CD_REGISTERS, CD_int, CD_int))
                        .invokevirtual(CD_REGISTER, "setBlob", MethodTypeDesc.of(CD_void, CD_BYTES));
            }
            case Op.NEW_ROWID -> {
                b.aload(VM).loadConstant(p1);
                register(p2);
                register(p3);
                b.loadConstant(program.p5[i] == 1 ? 1 : 0).invokevirtual(CD_VM, "newRowid",
                        MethodTypeDesc.of(CD_void, CD_int, CD_REGISTER, CD_REGISTER, CD_boolean));
            }
            case Op.INSERT -> {
                b.aload(VM).loadConstant(p1);
                register(p2);
                register(p3);
                b.loadConstant(program.p5[i]).invokevirtual(CD_VM, "insert",
                        MethodTypeDesc.of(CD_void, CD_int, CD_REGISTER, CD_REGISTER, CD_int));
            }
            case Op.IDX_INSERT -> {
                b.aload(VM).loadConstant(p1);
                register(p2);
                b.invokevirtual(CD_VM, "indexInsert", MethodTypeDesc.of(CD_void, CD_int, CD_REGISTER));
            }
            case Op.IDX_DELETE -> vm("indexDelete", MethodTypeDesc.of(CD_void, CD_int, CD_int, CD_int), p1, p2, p3);
            case Op.DELETE -> vm("delete", MethodTypeDesc.of(CD_void, CD_int, CD_int), p1, program.p5[i]);
            case Op.AGG_RESET -> {
                b.aload(VM);
                constant(p4, CD_Object);
                b.loadConstant(p1).invokevirtual(CD_VM, "aggregateReset", MethodTypeDesc.of(CD_void, CD_Object, CD_int));
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
                b.aload(VM);
                constant(p4, CD_Object);
                b.loadConstant(p1);
                register(p2);
                b.invokevirtual(CD_VM, "aggregateFinal", MethodTypeDesc.of(CD_void, CD_Object, CD_int, CD_REGISTER));
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
            case Op.SORTER_NEXT -> jumpIf(vm("sorterNext", CURSOR_TEST, p1), p2);
            case Op.SORTER_BOUND -> {
                b.aload(VM).loadConstant(p1);
                register(p2);
                if (p3 == 0) {
                    b.aconst_null();
                } else {
                    register(p3);
                }
                b.invokevirtual(CD_VM, "sorterBound", MethodTypeDesc.of(CD_void, CD_int, CD_REGISTER, CD_REGISTER));
            }
            case Op.SORTER_FOUND -> {
                sorter(p1);
                register(p3);
                b.invokevirtual(CD_SORTER, "contains", MethodTypeDesc.of(CD_boolean, CD_REGISTER)).ifne(labels[p2]);
            }
            case Op.IF_POS -> register(p1).loadConstant(p3)
                    .invokestatic(CD_VM, "ifPositive", MethodTypeDesc.of(CD_boolean, CD_REGISTER, CD_int))
                    .ifne(labels[p2]);
            case Op.DECR_JUMP_ZERO -> register(p1)
                    .invokestatic(CD_VM, "decrementToZero", MethodTypeDesc.of(CD_boolean, CD_REGISTER))
                    .ifne(labels[p2]);
            case Op.ONCE -> jumpIf(vm("once", CURSOR_TEST, i), p2);
            case Op.DISTINCT -> {
                b.aload(VM).loadConstant(p1);
                constant(p4, CD_SORT_ORDER);
                b.loadConstant(p3).invokevirtual(CD_VM, "distinct", MethodTypeDesc.of(CD_boolean, CD_int, CD_SORT_ORDER,
                        CD_int)).ifeq(labels[p2]);
            }
            case Op.DISTINCT_CLEAR -> b.aload(VM).getfield(CD_VM, "distincts", desc(DistinctSet.class).arrayType())
                    .loadConstant(p1).aconst_null().aastore();
            case Op.GROUP_OPEN -> {
                b.aload(VM).getfield(CD_VM, "aggregates", CD_Object.arrayType()).loadConstant(p1);
                b.new_(CD_GROUP_TABLE).dup();
                constant(p4, desc(GroupSpec.class));
                b.invokespecial(CD_GROUP_TABLE, ConstantDescs.INIT_NAME, MethodTypeDesc.of(CD_void, desc(GroupSpec.class)));
                b.aastore();
            }
            case Op.GROUP_FIND -> {
                aggregateState(p1);
                b.checkcast(CD_GROUP_TABLE).aload(REGISTERS).loadConstant(p2);
                b.aload(VM).getfield(CD_VM, "aggregates", CD_Object.arrayType());
                b.aload(VM).getfield(CD_VM, "distincts", desc(DistinctSet.class).arrayType());
                b.invokevirtual(CD_GROUP_TABLE, "find", MethodTypeDesc.of(CD_void, CD_REGISTERS, CD_int,
                        CD_Object.arrayType(), desc(DistinctSet.class).arrayType()));
                reloadGroupRegisters();
            }
            case Op.GROUP_SORT -> {
                vm("groupSort", MethodTypeDesc.of(CD_boolean, CD_int, CD_int), p1, p3);
                reloadGroupRegisters();
                b.ifeq(labels[p2]);
            }
            case Op.GROUP_NEXT -> {
                vm("groupNext", MethodTypeDesc.of(CD_boolean, CD_int, CD_int), p1, p3);
                reloadGroupRegisters();
                b.ifne(labels[p2]);
            }
            default -> throw new IllegalStateException("opcode " + Op.name(program.op[i]) + " is not compiled");
        }
    }

    /** Calls the Vm's method {@code name} on int arguments: the interpreter's own helper for the instruction. */
    private CodeBuilder vm(String name, MethodTypeDesc type, int... arguments) {
        code.aload(VM);
        for (int a : arguments) {
            code.loadConstant(a);
        }
        return code.invokevirtual(CD_VM, name, type);
    }

    /** Calls the Vm's method {@code name}(cursor, register) of {@code result} type. */
    private CodeBuilder cursorAndRegister(String name, ClassDesc result, int c, int r) {
        code.aload(VM).loadConstant(c);
        register(r);
        return code.invokevirtual(CD_VM, name, MethodTypeDesc.of(result, CD_int, CD_REGISTER));
    }

    private void cursorToRegister(String name, int c, int out) {
        cursorAndRegister(name, CD_void, c, out);
    }

    /** Jumps to instruction {@code target} when the boolean on the stack is true. */
    private void jumpIf(CodeBuilder b, int target) {
        b.ifne(labels[target]);
    }

    private void jumpIfNot(CodeBuilder b, int target) {
        b.ifeq(labels[target]);
    }

    /**
     * After a hash aggregate changed its current group, the register file
     * holds that group's own Register objects in the registers it saves
     * (GroupSpec.savedRegisters): the locals caching them are loaded again.
     */
    private void reloadGroupRegisters() {
        for (int k = groupRegisters.nextSetBit(0); k >= 0; k = groupRegisters.nextSetBit(k + 1)) {
            code.aload(REGISTERS).loadConstant(k).aaload().astore(FIRST_REGISTER + k);
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

    private CodeBuilder sorter(int c) {
        return code.aload(VM).getfield(CD_VM, "sorters", CD_SORTER.arrayType()).loadConstant(c).aaload();
    }

    private void aggregateState(int c) {
        code.aload(VM).getfield(CD_VM, "aggregates", CD_Object.arrayType()).loadConstant(c).aaload();
    }

    private static ClassDesc desc(Class<?> type) {
        return type.describeConstable().orElseThrow();
    }
}
