/*
 * The "csv" virtual table module, as SQLite's ext/misc/csv.c (csv.html):
 * CREATE VIRTUAL TABLE temp.t USING csv(filename=FILE | data=TEXT
 * [, header=yes] [, columns=N] [, schema='CREATE TABLE x(...)']). Without a
 * schema the columns are named by the header row, or c0, c1, ... (as many
 * as the first row has fields, or columns=N); every value is TEXT, a row's
 * missing fields are NULL and extra fields are ignored. Read-only; the
 * input is read again by every scan. Always available: found by
 * ServiceLoader like the other modules, no .load needed.
 */
package turso.functions.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import turso.api.spi.VirtualTable;
import turso.api.spi.VirtualTableContext;
import turso.api.spi.VirtualTableModule;

public final class CsvModule implements VirtualTableModule {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public VirtualTable create(VirtualTableContext context, List<String> args) {
        CsvParameters p = CsvParameters.parse(args);
        int columns = p.columns();
        boolean readFirstRow = columns <= 0 || p.header();
        CsvReader reader = readFirstRow ? new CsvReader(input(p), 0) : null;
        String schema = p.schema();
        if (schema == null) {
            StringBuilder sb = new StringBuilder("CREATE TABLE x(");
            if (columns < 0 && !p.header()) {
                columns = countFields(reader);
            }
            if (columns > 0 && !p.header()) {
                for (int i = 0; i < columns; i++) {
                    sb.append(i > 0 ? "," : "").append('c').append(i).append(" TEXT");
                }
            } else {
                int named = 0;
                do {
                    String name = reader.readField();
                    if (columns < 0 || named < columns) {
                        sb.append(named > 0 ? "," : "").append('"')
                                .append(name == null ? "(NULL)" : name.replace("\"", "\"\"")).append("\" TEXT");
                        named++;
                    }
                } while (reader.terminator() == ',');
                if (columns < 0) {
                    columns = named;
                }
                while (named < columns) {
                    sb.append(named > 0 ? "," : "").append('c').append(++named).append(" TEXT");
                }
            }
            schema = sb.append(')').toString();
        } else if (columns < 0) {
            columns = countFields(reader);
        }
        int start = p.header() ? reader.position() : 0;
        return new CsvTable(context.tableName(), schema, columns, p.filename(), p.data(), start);
    }

    private static int countFields(CsvReader reader) {
        int n = 0;
        do {
            reader.readField();
            n++;
        } while (reader.terminator() == ',');
        return n;
    }

    /** The CSV text's bytes: the file's, or data='s in UTF-8. */
    static byte[] input(CsvParameters p) {
        return read(p.filename(), p.data());
    }

    static byte[] read(String filename, String data) {
        if (filename == null) {
            return data.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Files.readAllBytes(Path.of(filename));
        } catch (IOException | RuntimeException e) {
            throw CsvParameters.error("cannot open '" + filename + "' for reading");
        }
    }
}
