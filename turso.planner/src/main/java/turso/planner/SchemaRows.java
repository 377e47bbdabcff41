/*
 * Writing rows of sqlite_schema (type, name, tbl_name, rootpage, sql), as
 * CREATE TABLE and CREATE INDEX do (the root page comes from a register,
 * where CREATE_BTREE left it), and rewriting one in place, as ALTER TABLE
 * does. Each database has its own sqlite_schema (page 1 of its file): db
 * says which (0 main, 1 temp, 2.. attached).
 */
package turso.planner;

import java.nio.charset.StandardCharsets;
import turso.vm.Op;
import turso.vm.ProgramBuilder;

final class SchemaRows {
    private SchemaRows() {
    }

    /** Appends a row to sqlite_schema; {@code sql} null stores NULL (an autoindex). */
    static void insert(ProgramBuilder b, String type, String name, String tableName, int rootRegister, String sql) {
        insert(b, 0, type, name, tableName, rootRegister, sql);
    }

    /** Appends a row to database {@code db}'s sqlite_schema. */
    static void insert(ProgramBuilder b, int db, String type, String name, String tableName, int rootRegister,
            String sql) {
        int cursor = b.newCursor();
        int rowid = b.newRegister();
        int row = b.newRegisters(5);
        int record = b.newRegister();
        b.emit(Op.OPEN_WRITE, cursor, 1, db);
        b.comment("sqlite_schema");
        b.emit(Op.NEW_ROWID, cursor, rowid, 0);
        text(b, type, row);
        text(b, name, row + 1);
        text(b, tableName, row + 2);
        b.emit(Op.COPY, rootRegister, row + 3, 0);
        writeRow(b, cursor, row, sql, record, rowid);
    }

    /**
     * Rewrites the row of database {@code db}'s sqlite_schema for the
     * object of type {@code type} called {@code name} (ASCII case ignored;
     * a trigger may share its name with a table), keeping its root page: its
     * name, tbl_name and sql ({@code sql} null keeps NULL, for an autoindex).
     * Inside a write transaction.
     */
    static void update(ProgramBuilder b, turso.vm.FunctionRegistry functions, int db, String type, String name,
            String newName, String tableName, String sql) {
        int cursor = b.newCursor();
        int wanted = b.newRegister();
        int stored = b.newRegister();
        int same = b.newRegister();
        int rowid = b.newRegister();
        int row = b.newRegisters(5);
        int record = b.newRegister();
        int done = b.newLabel();
        int found = b.newLabel();
        b.emit(Op.OPEN_WRITE, cursor, 1, db);
        b.comment("sqlite_schema");
        text(b, name, wanted);
        int wantedType = b.newRegister();
        text(b, type, wantedType);
        b.emit(Op.REWIND, cursor, done, 0);
        int loop = b.currentAddress();
        int next = b.newLabel();
        b.emit(Op.COLUMN, cursor, 0, stored);
        b.emit(Op.COMPARE, stored, wantedType, same, new turso.vm.Comparison(turso.vm.CompareOp.EQ,
                turso.vm.Affinity.NONE, functions.collation("BINARY")), 0);
        b.emit(Op.IF_NOT, same, next, 1);
        b.emit(Op.COLUMN, cursor, 1, stored);
        b.emit(Op.COMPARE, stored, wanted, same, new turso.vm.Comparison(turso.vm.CompareOp.EQ,
                turso.vm.Affinity.NONE, functions.collation("NOCASE")), 0);
        b.emit(Op.IF, same, found, 0);
        b.resolve(next);
        b.emit(Op.NEXT, cursor, loop, 0);
        b.emit(Op.GOTO, 0, done, 0);
        b.resolve(found);
        b.emit(Op.ROWID, cursor, rowid, 0);
        b.emit(Op.COLUMN, cursor, 0, row);
        text(b, newName, row + 1);
        text(b, tableName, row + 2);
        b.emit(Op.COLUMN, cursor, 3, row + 3);
        writeRow(b, cursor, row, sql, record, rowid);
        b.resolve(done);
    }

    /** Completes a schema row in registers {@code row} with its sql (NULL for none) and writes it at {@code rowid}. */
    private static void writeRow(ProgramBuilder b, int cursor, int row, String sql, int record, int rowid) {
        if (sql == null) {
            b.emit(Op.NULL, 0, row + 4, 0);
        } else {
            text(b, sql, row + 4);
        }
        b.emit(Op.MAKE_RECORD, row, 5, record);
        b.emit(Op.INSERT, cursor, record, rowid);
    }

    /** r[target] = the text {@code s}. */
    static void text(ProgramBuilder b, String s, int target) {
        b.emit(Op.STRING8, 0, target, 0, s.getBytes(StandardCharsets.UTF_8), 0);
    }

    /**
     * Deletes the rows of the table open for writing on {@code cursor}
     * whose column {@code column} equals {@code value} under
     * {@code collation} (every row when {@code value} is null).
     */
    static void deleteWhere(ProgramBuilder b, turso.vm.FunctionRegistry functions, int cursor, int column,
            String value, String collation) {
        int done = b.newLabel();
        b.emit(Op.REWIND, cursor, done, 0);
        int top = b.currentAddress();
        int next = b.newLabel();
        if (value != null) {
            int found = b.newRegister();
            int wanted = b.newRegister();
            int same = b.newRegister();
            b.emit(Op.COLUMN, cursor, column, found);
            b.emit(Op.STRING8, 0, wanted, 0, value.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0);
            b.emit(Op.COMPARE, found, wanted, same, new turso.vm.Comparison(turso.vm.CompareOp.EQ,
                    turso.vm.Affinity.NONE, functions.collation(collation)), 0);
            b.emit(Op.IF_NOT, same, next, 1);
        }
        b.emit(Op.DELETE, cursor, 0, 0);
        b.resolve(next);
        b.emit(Op.NEXT, cursor, top, 0);
        b.resolve(done);
    }
}
