/*
 * ".dbinfo": the database header's fields and the schema's counts, in
 * sqlite3's layout ("%-20s %u"). sqlite3 reads the header through the
 * sqlite_dbpage table; here it is read from the database file itself, so an
 * in-memory database has no header to show, and changes still in a WAL file
 * are not seen.
 */
package turso.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import turso.api.Database;
import turso.api.Statement;

final class DatabaseInfo {

    private static final int HEADER_SIZE = 100;

    /** A 4-byte header field and its offset. */
    private record Field(String label, int offset) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("file change counter:", 24), new Field("database page count:", 28),
            new Field("freelist page count:", 36), new Field("schema cookie:", 40),
            new Field("schema format:", 44), new Field("default cache size:", 48),
            new Field("autovacuum top root:", 52), new Field("incremental vacuum:", 64),
            new Field("text encoding:", 56), new Field("user version:", 60),
            new Field("application id:", 68), new Field("software version:", 96));

    private static final List<Field> COUNTS = List.of(
            new Field("number of tables:", 0), new Field("number of indexes:", 0),
            new Field("number of triggers:", 0), new Field("number of views:", 0),
            new Field("schema size:", 0));

    private static final List<String> COUNT_QUERIES = List.of(
            "SELECT count(*) FROM sqlite_schema WHERE type='table'",
            "SELECT count(*) FROM sqlite_schema WHERE type='index'",
            "SELECT count(*) FROM sqlite_schema WHERE type='trigger'",
            "SELECT count(*) FROM sqlite_schema WHERE type='view'",
            "SELECT total(length(sql)) FROM sqlite_schema");

    private DatabaseInfo() {
    }

    static void print(Shell shell, List<String> args) throws IOException {
        CommandDispatcher.usageUnless(shell, args.size() <= 1, "Usage: .dbinfo ?DB?");
        String file = shell.databasePath();
        byte[] header = new byte[HEADER_SIZE];
        int read = 0;
        if (file != null && !file.equals(Database.MEMORY) && !file.isEmpty() && Files.isRegularFile(Path.of(file))) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                read = in.readNBytes(header, 0, HEADER_SIZE);
            }
        }
        if (read < HEADER_SIZE) {
            shell.err().print("unable to read database header\n");
            throw new Shell.CommandFailed();
        }
        StringBuilder out = new StringBuilder();
        int pageSize = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
        line(out, "database page size:", Long.toString(pageSize == 1 ? 65536 : pageSize));
        line(out, "write format:", Integer.toString(header[18] & 0xff));
        line(out, "read format:", Integer.toString(header[19] & 0xff));
        line(out, "reserved bytes:", Integer.toString(header[20] & 0xff));
        for (Field field : FIELDS) {
            long value = ((header[field.offset()] & 0xffL) << 24) | ((header[field.offset() + 1] & 0xff) << 16)
                    | ((header[field.offset() + 2] & 0xff) << 8) | (header[field.offset() + 3] & 0xff);
            String shown = Long.toString(value);
            if (field.offset() == 56) {
                shown += value == 1 ? " (utf8)" : value == 2 ? " (utf16le)" : value == 3 ? " (utf16be)" : "";
            }
            line(out, field.label(), shown);
        }
        for (int i = 0; i < COUNTS.size(); i++) {
            try (Statement statement = shell.connection().prepare(COUNT_QUERIES.get(i))) {
                statement.step();
                line(out, COUNTS.get(i).label(), Long.toString((long) statement.columnDouble(0)));
            }
        }
        shell.print(out.toString());
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(label).append(" ".repeat(Math.max(0, 20 - label.length()))).append(' ').append(value).append('\n');
    }
}
