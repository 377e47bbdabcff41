/*
 * A compiled statement: the instructions (struct-of-arrays, so that the
 * interpreter reads plain int arrays), how many registers it needs, its
 * result columns and its bind parameters. Immutable apart from per-call-site
 * function state; made by ProgramBuilder, run by Vm.
 */
package turso.vm;

import java.util.ArrayList;
import java.util.List;

public final class Program {
    final int[] op;
    final int[] p1;
    final int[] p2;
    final int[] p3;
    final Object[] p4;
    final int[] p5;
    private final List<String> queryPlan;
    final String[] comments;
    final int registerCount;
    final int cursorCount;
    private final List<String> columnNames;
    private final List<String> columnDeclTypes;
    private final List<String> parameterNames;
    private final boolean readOnly;
    private final boolean countsChanges;
    private final boolean singleRowWrite;
    /** When this program runs as JVM bytecode rather than interpreted. */
    final JitState jit = new JitState();

    Program(int[] op, int[] p1, int[] p2, int[] p3, Object[] p4, int[] p5, String[] comments, int registerCount,
            int cursorCount, List<String> columnNames, List<String> columnDeclTypes, List<String> parameterNames,
            boolean readOnly, boolean countsChanges, boolean singleRowWrite, List<String> queryPlan) {
        this.op = op;
        this.p1 = p1;
        this.p2 = p2;
        this.p3 = p3;
        this.p4 = p4;
        this.p5 = p5;
        this.comments = comments;
        this.registerCount = registerCount;
        this.cursorCount = cursorCount;
        this.columnNames = List.copyOf(columnNames);
        this.columnDeclTypes = java.util.Collections.unmodifiableList(new ArrayList<>(columnDeclTypes));
        this.parameterNames = java.util.Collections.unmodifiableList(new ArrayList<>(parameterNames));
        this.readOnly = readOnly;
        this.countsChanges = countsChanges;
        this.singleRowWrite = singleRowWrite;
        this.queryPlan = List.copyOf(queryPlan);
    }

    /** The lines of EXPLAIN QUERY PLAN, in program order. */
    public List<String> queryPlan() {
        return queryPlan;
    }

    public List<String> columnNames() {
        return columnNames;
    }

    /** Declared types of the result columns (sqlite3_column_decltype); null where a column is not a table column. */
    public List<String> columnDeclTypes() {
        return columnDeclTypes;
    }

    /** Parameter names by index - 1; null for a nameless "?". */
    public List<String> parameterNames() {
        return parameterNames;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Whether this is an INSERT, UPDATE or DELETE, whose row count becomes changes(). */
    public boolean countsChanges() {
        return countsChanges;
    }

    /**
     * Whether this statement writes at most one row and checks every
     * constraint before its first write (SQLite's statements without
     * isMultiWrite, which need no statement journal): when it fails, either
     * nothing was written or the failure is not a constraint's.
     */
    public boolean singleRowWrite() {
        return singleRowWrite;
    }

    /** One line of EXPLAIN output. */
    public record Instruction(int addr, String opcode, int p1, int p2, int p3, String p4, int p5, String comment) {}

    /** The program as EXPLAIN lists it. */
    public List<Instruction> explain() {
        List<Instruction> rows = new ArrayList<>(op.length);
        for (int i = 0; i < op.length; i++) {
            rows.add(new Instruction(i, Op.name(op[i]), p1[i], p2[i], p3[i], p4Text(p4[i]), p5[i],
                    comments[i] == null ? "" : comments[i]));
        }
        return rows;
    }

    /** An index's KeyInfo as SQLite shows it: k(fields, then per field "-" if descending and a collation other than BINARY). */
    private static String keyInfoText(turso.btree.KeyInfo k) {
        StringBuilder s = new StringBuilder("k(").append(k.collations().length + 1);
        for (int i = 0; i < k.collations().length; i++) {
            String name = k.collations()[i] == null ? "BINARY" : k.collations()[i].name();
            s.append(',').append(k.descending()[i] ? "-" : "").append(name.equalsIgnoreCase("BINARY") ? "" : name);
        }
        return s.append(",)").toString();
    }

    private static String p4Text(Object p4) {
        return switch (p4) {
            case null -> "";
            case byte[] blob -> "x'" + java.util.HexFormat.of().formatHex(blob) + "'";
            case Object[] array -> java.util.Arrays.toString(array);
            case turso.api.spi.SqlFunction f -> f.name() + "(" + f.arity() + ")";
            case turso.btree.KeyInfo k -> keyInfoText(k);
            case Program query -> "program";
            case turso.api.spi.VirtualTable t -> "vtab";
            case Runnable r -> "";
            default -> p4.toString();
        };
    }
}
