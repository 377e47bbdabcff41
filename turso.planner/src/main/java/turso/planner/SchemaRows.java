/*
 * Writing rows of sqlite_schema (type, name, tbl_name, rootpage, sql), as
 * CREATE TABLE and CREATE INDEX do; the root page comes from a register,
 * where CREATE_BTREE left it.
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
        int cursor = b.newCursor();
        int rowid = b.newRegister();
        int row = b.newRegisters(5);
        int record = b.newRegister();
        b.emit(Op.OPEN_WRITE, cursor, 1, 0);
        b.comment("sqlite_schema");
        b.emit(Op.NEW_ROWID, cursor, rowid, 0);
        text(b, type, row);
        text(b, name, row + 1);
        text(b, tableName, row + 2);
        b.emit(Op.COPY, rootRegister, row + 3, 0);
        if (sql == null) {
            b.emit(Op.NULL, 0, row + 4, 0);
        } else {
            text(b, sql, row + 4);
        }
        b.emit(Op.MAKE_RECORD, row, 5, record);
        b.emit(Op.INSERT, cursor, record, rowid);
    }

    private static void text(ProgramBuilder b, String s, int target) {
        b.emit(Op.STRING8, 0, target, 0, s.getBytes(StandardCharsets.UTF_8), 0);
    }
}
