/*
 * The operand of TYPE_CHECK: a STRICT table's name, its columns' names, and
 * the type each column's values must have (INT, INTEGER, REAL, TEXT or BLOB;
 * null where any value goes: ANY, or the rowid alias, checked as the rowid).
 * Values reach the check after the column's affinity, so that what SQLite
 * converts losslessly ('7' into an INT column) passes.
 */
package turso.vm;

import turso.api.ResultCode;
import turso.api.TursoException;

public record StrictTypes(String table, String[] columns, String[] types) {

    void check(Register[] r, int first) {
        for (int j = 0; j < types.length; j++) {
            String type = types[j];
            Register v = r[first + j];
            if (type == null || v.isNull()) {
                continue;
            }
            boolean ok = switch (type) {
                case "INT", "INTEGER" -> v.type() == turso.api.DataType.INTEGER;
                case "REAL" -> v.type() == turso.api.DataType.REAL;
                case "TEXT" -> v.type() == turso.api.DataType.TEXT;
                default -> v.type() == turso.api.DataType.BLOB;
            };
            if (!ok) {
                String stored = switch (v.type()) {
                    case INTEGER -> "INT";
                    case REAL -> "REAL";
                    case TEXT -> "TEXT";
                    default -> "BLOB";
                };
                throw new TursoException(ResultCode.CONSTRAINT_DATATYPE,
                        "cannot store " + stored + " value in " + type + " column " + table + "." + columns[j]);
            }
        }
    }

    @Override
    public String toString() {
        return table;
    }
}
