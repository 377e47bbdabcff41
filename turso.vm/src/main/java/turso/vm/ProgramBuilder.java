/*
 * The planner's assembler: appends instructions, hands out registers, and
 * resolves forward jumps through labels (a label is a negative number until
 * its address is known, as in SQLite's code generator).
 */
package turso.vm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;

public final class ProgramBuilder {
    private int[] op = new int[32];
    private int[] p1 = new int[32];
    private int[] p2 = new int[32];
    private int[] p3 = new int[32];
    private Object[] p4 = new Object[32];
    private int[] p5 = new int[32];
    private String[] comments = new String[32];
    private int size;
    private int registers;
    private int cursors;
    private final List<Integer> labelAddresses = new ArrayList<>();
    private final List<String> columnNames = new ArrayList<>();
    /** What EXPLAIN QUERY PLAN shows: one line per loop or temporary B-tree, in program order. */
    private final List<String> queryPlan = new ArrayList<>();
    private final List<String> columnDeclTypes = new ArrayList<>();
    private final List<String> parameterNames = new ArrayList<>();
    /** The numbers given to "?" parameters, by AST node. */
    private final java.util.Map<Object, Integer> anonymousParameters = new java.util.IdentityHashMap<>();
    private boolean readOnly = true;
    private boolean countsChanges;
    private boolean singleRowWrite;

    /** Appends an instruction; returns its address. */
    public int emit(int opcode, int a, int b, int c, Object d, int flags) {
        if (size == op.length) {
            int n = size * 2;
            op = Arrays.copyOf(op, n);
            p1 = Arrays.copyOf(p1, n);
            p2 = Arrays.copyOf(p2, n);
            p3 = Arrays.copyOf(p3, n);
            p4 = Arrays.copyOf(p4, n);
            p5 = Arrays.copyOf(p5, n);
            comments = Arrays.copyOf(comments, n);
        }
        op[size] = opcode;
        p1[size] = a;
        p2[size] = b;
        p3[size] = c;
        p4[size] = d;
        p5[size] = flags;
        return size++;
    }

    public int emit(int opcode, int a, int b, int c) {
        return emit(opcode, a, b, c, null, 0);
    }

    /** Attaches an EXPLAIN comment to the last instruction. */
    public void comment(String text) {
        comments[size - 1] = text;
    }

    /** The address the next instruction will get. */
    public int currentAddress() {
        return size;
    }

    /** A fresh register (registers are numbered from 1; 0 is never used). */
    public int newRegister() {
        return ++registers;
    }

    /** {@code n} consecutive fresh registers; returns the first. */
    public int newRegisters(int n) {
        int first = registers + 1;
        registers += n;
        return first;
    }

    /** A fresh cursor number. */
    public int newCursor() {
        return cursors++;
    }

    /** A label for a jump target not yet emitted: a negative number. */
    public int newLabel() {
        labelAddresses.add(-1);
        return -labelAddresses.size();
    }

    /** The label's target is the next instruction. */
    public void resolve(int label) {
        labelAddresses.set(-label - 1, size);
    }

    /** The opcode of the instruction at {@code addr}. */
    public int opAt(int addr) {
        return op[addr];
    }

    /** Points p2 of the instruction at {@code addr} (a jump) at {@code target}. */
    public void setJump(int addr, int target) {
        p2[addr] = target;
    }

    /** Adds a line to the program's query plan (SQLite's words: "SCAN t", "USE TEMP B-TREE FOR ORDER BY"). */
    public void plan(String detail) {
        queryPlan.add(detail);
    }

    public void addColumn(String name) {
        addColumn(name, null);
    }

    /** A result column with the declared type of the table column it comes from (null for an expression). */
    public void addColumn(String name, String declType) {
        columnNames.add(name);
        columnDeclTypes.add(declType);
    }

    /**
     * The number of the anonymous parameter "?" that AST node {@code node}
     * is: the next number the first time, the same one each time the node is
     * compiled again (a WHERE term is compiled both as a seek key and as a test).
     */
    public int anonymousParameter(Object node) {
        Integer known = anonymousParameters.get(node);
        if (known != null) {
            return known;
        }
        int index = parameterNames.size() + 1;
        setParameter(index, null);
        anonymousParameters.put(node, index);
        return index;
    }

    /** The number of the parameter called {@code name} (":a", "?3"...), or 0 if it has none yet. */
    public int namedParameter(String name) {
        return parameterNames.indexOf(name) + 1;
    }

    /**
     * Registers parameter {@code index} (1-based) with its name, or null for
     * "?". An index keeps the first name it was given, as in SQLite: in
     * ":a, ?1" both are parameter 1, and its name is ":a".
     */
    public void setParameter(int index, String name) {
        while (parameterNames.size() < index) {
            parameterNames.add(null);
        }
        if (name != null && parameterNames.get(index - 1) == null) {
            parameterNames.set(index - 1, name);
        }
    }

    public int parameterCount() {
        return parameterNames.size();
    }

    /** The statement may change the database. */
    /** Whether the program was marked as writing (markWrites, markCountsChanges) so far. */
    public boolean writes() {
        return !readOnly;
    }

    public void markWrites() {
        readOnly = false;
    }

    /** The statement is an INSERT, UPDATE or DELETE: what it changes becomes changes(). */
    public void markCountsChanges() {
        markWrites();
        countsChanges = true;
    }

    /** The statement writes at most one row, every constraint checked first: see {@link Program#singleRowWrite()}. */
    public void markSingleRowWrite() {
        singleRowWrite = true;
    }

    public Program build() {
        for (int i = 0; i < size; i++) {
            if (p2[i] < 0 && isJump(op[i])) {
                int target = labelAddresses.get(-p2[i] - 1);
                if (target < 0) {
                    throw new TursoException(ResultCode.INTERNAL, "unresolved label in program at " + i);
                }
                p2[i] = target;
            }
        }
        return new Program(Arrays.copyOf(op, size), Arrays.copyOf(p1, size), Arrays.copyOf(p2, size),
                Arrays.copyOf(p3, size), Arrays.copyOf(p4, size), Arrays.copyOf(p5, size),
                Arrays.copyOf(comments, size), registers + 1, cursors, columnNames, columnDeclTypes, parameterNames, readOnly,
                countsChanges, singleRowWrite, queryPlan);
    }

    private static boolean isJump(int opcode) {
        return switch (opcode) {
            case Op.INIT, Op.GOTO, Op.IF, Op.IF_NOT, Op.IS_NULL, Op.NOT_NULL, Op.REWIND, Op.NEXT, Op.NOT_EXISTS,
                 Op.SORTER_SORT, Op.SORTER_NEXT, Op.IF_POS, Op.DECR_JUMP_ZERO, Op.DISTINCT, Op.SEEK_GE, Op.SEEK_GT,
                 Op.SEEK_LE, Op.SEEK_LT, Op.IDX_GE, Op.IDX_GT, Op.IDX_LE, Op.IDX_LT, Op.NO_CONFLICT, Op.SEEK_ROWID,
                 Op.PREV, Op.LAST, Op.ONCE, Op.SORTER_FOUND, Op.PROGRAM, Op.FK_IF_ZERO, Op.VFILTER, Op.VNEXT,
                 Op.SORTER_SKIP, Op.GROUP_SORT, Op.GROUP_NEXT -> true;
            default -> false;
        };
    }
}
