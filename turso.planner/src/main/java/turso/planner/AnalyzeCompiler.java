/*
 * Code generation for ANALYZE (lang_analyze.html): the statistics SQLite
 * keeps in sqlite_stat1, one row per index, (table, index, "N d1 d2 ..."),
 * where N is the number of entries and dK the average number of entries
 * that share the same first K key columns (NULLs counted as equal, as
 * SQLite counts them), and for a table without an index one row with its
 * number of rows; empty ones get none (but a partial index does, as in
 * SQLite 3.54; 3.40 gave it none). sqlite_stat1 is created the first
 * time, as "CREATE TABLE sqlite_stat1(tbl,idx,stat)". The name analyzed is
 * a schema (everything), a table or an index; its old rows are replaced.
 * Tables named sqlite_* are not analyzed. The schema is read again at the
 * end, so that the planner's estimates start from the new figures (Statistics).
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionContext;
import turso.api.spi.FunctionResult;
import turso.api.spi.ScalarFunction;
import turso.parser.ast.QualifiedName;
import turso.parser.ast.Stmt;
import turso.vm.Affinity;
import turso.vm.CompareOp;
import turso.vm.Comparison;
import turso.vm.FunctionCall;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;

final class AnalyzeCompiler {
    private AnalyzeCompiler() {
    }

    static final String STAT1 = "sqlite_stat1";

    /** The stat text from the entry count and the number of distinct values of each key prefix. */
    private static final ScalarFunction STAT = new ScalarFunction() {
        @Override
        public String name() {
            return "stat1";
        }

        @Override
        public int arity() {
            return VARIADIC;
        }

        @Override
        public void invoke(FunctionContext context, FunctionArguments args, FunctionResult result) {
            long rows = args.getLong(0);
            StringBuilder s = new StringBuilder(Long.toString(rows));
            for (int i = 1; i < args.size(); i++) {
                long distinct = args.getLong(i);
                long perValue = distinct == 0 ? 0 : (rows + distinct - 1) / distinct;
                // SQLite's rounding: nearly unique counts as unique
                if (perValue == 2 && rows * 10 <= distinct * 11) {
                    perValue = 1;
                }
                s.append(' ').append(perValue);
            }
            result.setText(s.toString());
        }
    };

    static Program compile(Stmt.Analyze analyze, Schema schema, FunctionRegistry functions) {
        List<Table> tables = new ArrayList<>();
        Index only = null;
        QualifiedName target = analyze.target();
        String name = target == null ? null : target.name().value();
        boolean everything = target == null || target.schema() == null && name.equalsIgnoreCase("main");
        if (target != null && target.schema() != null && !target.schema().is("main")) {
            throw new TursoException(ResultCode.ERROR, "unknown database " + target.schema().value());
        }
        if (everything) {
            for (Table t : schema.tables()) {
                if (!t.name().regionMatches(true, 0, "sqlite_", 0, 7)) {
                    tables.add(t);
                }
            }
        } else if (schema.table(name) != null && "table".equals(schema.kindOf(name))) {
            tables.add(schema.table(name));
        } else if (schema.index(name) != null) {
            only = schema.index(name);
            tables.add(schema.table(only.tableName()));
        } else {
            throw new TursoException(ResultCode.ERROR, "no such table: " + name);
        }
        ProgramBuilder b = new ProgramBuilder();
        b.markWrites();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        b.emit(Op.TRANSACTION, 0, 1, 0);
        Table existing = schema.table(STAT1);
        int statRoot = b.newRegister();
        if (existing == null) {
            b.emit(Op.CREATE_BTREE, 0, statRoot, 0);
            SchemaRows.insert(b, "table", STAT1, STAT1, statRoot, "CREATE TABLE " + STAT1 + "(tbl,idx,stat)");
        } else {
            b.emit(Op.INTEGER, existing.rootPage(), statRoot, 0);
        }
        int stat = b.newCursor();
        b.emit(Op.OPEN_WRITE, stat, statRoot, 0, null, Op.ROOT_IN_REGISTER);
        b.comment(STAT1);
        if (existing != null) {
            removeOld(b, functions, stat, everything ? null : tables.getFirst().name(), only);
        }
        for (Table table : tables) {
            List<Index> indexes = only != null ? List.of(only) : table.indexes();
            if (indexes.isEmpty()) {
                countRows(b, stat, table);
            }
            for (Index index : indexes) {
                analyzeIndex(b, functions, stat, table, index);
            }
        }
        if (existing == null) {
            b.emit(Op.BUMP_SCHEMA_COOKIE, 0, 0, 0);
        }
        // the schema is read again so that the planner sees the new figures, as SQLite loads them
        b.emit(Op.PARSE_SCHEMA, 0, 0, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    /** Deletes the rows of sqlite_stat1 about {@code table} (all rows if null), or only about index {@code only}. */
    private static void removeOld(ProgramBuilder b, FunctionRegistry functions, int stat, String table, Index only) {
        SchemaRows.deleteWhere(b, functions, stat, only != null ? 1 : 0,
                only != null ? only.name() : table, "NOCASE");
    }

    /** A row (table, NULL, number of rows) for a table without indexes, unless it is empty. */
    private static void countRows(ProgramBuilder b, int stat, Table table) {
        int cursor = b.newCursor();
        b.emit(Op.OPEN_READ, cursor, table.rootPage(), 0);
        b.comment(table.name());
        int rows = b.newRegister();
        int one = b.newRegister();
        b.emit(Op.INTEGER, 0, rows, 0);
        b.emit(Op.INTEGER, 1, one, 0);
        int counted = b.newLabel();
        b.emit(Op.REWIND, cursor, counted, 0);
        int top = b.currentAddress();
        b.emit(Op.ADD, rows, one, rows);
        b.emit(Op.NEXT, cursor, top, 0);
        b.resolve(counted);
        int skip = b.newLabel();
        b.emit(Op.IF_NOT, rows, skip, 0);
        int row = b.newRegisters(3);
        SchemaRows.text(b, table.name(), row);
        b.emit(Op.NULL, 0, row + 1, 0);
        b.emit(Op.FUNCTION, rows, 1, row + 2, new FunctionCall(STAT), 0);
        insert(b, stat, row);
        b.resolve(skip);
    }

    /** A row (table, index, stat) from one pass over the index, unless it is empty. */
    private static void analyzeIndex(ProgramBuilder b, FunctionRegistry functions, int stat, Table table, Index index) {
        int k = index.parts().size();
        int cursor = b.newCursor();
        b.emit(Op.OPEN_READ, cursor, index.rootPage(), 0, WithoutRowid.indexKey(table, index, functions), 0);
        b.comment(index.name());
        int counts = b.newRegisters(k + 1);
        int previous = b.newRegisters(k);
        int current = b.newRegisters(k);
        int one = b.newRegister();
        int same = b.newRegister();
        b.emit(Op.INTEGER, 1, one, 0);
        for (int i = 0; i <= k; i++) {
            b.emit(Op.INTEGER, 0, counts + i, 0);
        }
        int scanned = b.newLabel();
        b.emit(Op.REWIND, cursor, scanned, 0);
        int top = b.currentAddress();
        int[] changedAt = new int[k];
        for (int i = 0; i < k; i++) {
            changedAt[i] = b.newLabel();
            b.emit(Op.COLUMN, cursor, i, current + i);
        }
        int counted = b.newLabel();
        b.emit(Op.IF_NOT, counts, changedAt[0], 0);
        for (int i = 0; i < k; i++) {
            b.emit(Op.COMPARE, current + i, previous + i, same, new Comparison(CompareOp.IS, Affinity.NONE,
                    functions.collation(index.parts().get(i).collation())), 0);
            b.emit(Op.IF_NOT, same, changedAt[i], 0);
        }
        b.emit(Op.GOTO, 0, counted, 0);
        for (int i = 0; i < k; i++) {
            b.resolve(changedAt[i]);
            b.emit(Op.ADD, counts + 1 + i, one, counts + 1 + i);
        }
        b.resolve(counted);
        for (int i = 0; i < k; i++) {
            b.emit(Op.COPY, current + i, previous + i, 0);
        }
        b.emit(Op.ADD, counts, one, counts);
        b.emit(Op.NEXT, cursor, top, 0);
        b.resolve(scanned);
        int skip = b.newLabel();
        if (index.where() == null) {
            // a partial index gets its row even when empty, as in SQLite
            b.emit(Op.IF_NOT, counts, skip, 0);
        }
        int row = b.newRegisters(3);
        SchemaRows.text(b, table.name(), row);
        SchemaRows.text(b, WithoutRowid.isPrimaryKey(table, index) ? table.name() : index.name(), row + 1);
        b.emit(Op.FUNCTION, counts, k + 1, row + 2, new FunctionCall(STAT), 0);
        insert(b, stat, row);
        b.resolve(skip);
    }

    private static void insert(ProgramBuilder b, int stat, int row) {
        int record = b.newRegister();
        int rowid = b.newRegister();
        b.emit(Op.MAKE_RECORD, row, 3, record);
        b.emit(Op.NEW_ROWID, stat, rowid, 0);
        b.emit(Op.INSERT, stat, record, rowid);
    }
}
