/*
 * One csv virtual table: its declared columns and a forward-only full scan
 * that reads the input again from the first data row (after the header, if
 * any). Rowids count rows from 1. Constraints are all left to the VM, at
 * the extension's fixed cost of a million. Writes fail as SQLite's do for a
 * module without xUpdate.
 */
package turso.functions.csv;

import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionResult;
import turso.api.spi.IndexPlan;
import turso.api.spi.IndexQuery;
import turso.api.spi.VirtualCursor;
import turso.api.spi.VirtualTable;

record CsvTable(String name, String declaration, int columns, String filename, String data, int start)
        implements VirtualTable {

    @Override
    public IndexPlan bestIndex(IndexQuery query) {
        return IndexPlan.fullScan(query, 1_000_000, 25);
    }

    @Override
    public long insert(Long rowid, FunctionArguments values) {
        throw readOnly();
    }

    @Override
    public void update(long oldRowid, long newRowid, FunctionArguments values) {
        throw readOnly();
    }

    @Override
    public void delete(long rowid) {
        throw readOnly();
    }

    /** SQLite's error for a module without xUpdate. */
    private TursoException readOnly() {
        return new TursoException(ResultCode.ERROR, "table " + name + " may not be modified");
    }

    @Override
    public VirtualCursor open() {
        return new Cursor(CsvModule.read(filename, data));
    }

    private final class Cursor implements VirtualCursor {
        private final byte[] input;
        private final String[] values = new String[columns];
        private CsvReader reader;
        private long rowid;

        Cursor(byte[] input) {
            this.input = input;
        }

        @Override
        public void filter(int planNumber, String planString, FunctionArguments args) {
            reader = new CsvReader(input, Math.min(start, input.length));
            rowid = 0;
            next();
        }

        @Override
        public boolean eof() {
            return rowid < 0;
        }

        @Override
        public void next() {
            int i = 0;
            String field;
            do {
                field = reader.readField();
                if (field == null) {
                    break;
                }
                if (i < columns) {
                    values[i++] = field;
                }
            } while (reader.terminator() == ',');
            if (field == null && i == 0) {
                rowid = -1;
                return;
            }
            rowid++;
            while (i < columns) {
                values[i++] = null;
            }
        }

        @Override
        public void column(int column, FunctionResult result) {
            String v = column >= 0 && column < columns ? values[column] : null;
            if (v == null) {
                result.setNull();
            } else {
                result.setText(v);
            }
        }

        @Override
        public long rowid() {
            return rowid;
        }
    }
}
