/*
 * ".backup"/".save", ".restore" and ".clone": whole-database copies made
 * through SQL (the CREATE statements of sqlite_schema, then every row), so
 * they work for any VFS and for in-memory databases. ".backup FILE" and
 * ".save FILE" replace FILE with a copy of the current database; ".restore
 * FILE" replaces the current database's content with FILE's; ".clone FILE"
 * copies into a file that must not exist yet, naming each object as it goes
 * ("t... done"), as sqlite3 does. The copy is logical: the same schema and
 * rows, not the same pages.
 */
package turso.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import turso.api.Connection;
import turso.api.Database;
import turso.api.OpenOptions;
import turso.api.Statement;
import turso.api.TursoException;

final class DatabaseCopy {

    private record SchemaObject(String type, String name, String sql) {
    }

    private DatabaseCopy() {
    }

    /** ".backup ?DB? FILE" and ".save ?DB? FILE". */
    static void backup(Shell shell, String command, List<String> args) throws IOException {
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-")) {
                shell.err().print("unknown option: " + arg + "\n");
                throw new Shell.CommandFailed();
            }
            names.add(arg);
        }
        if (names.isEmpty()) {
            shell.err().print("missing FILENAME argument on .backup\n");
            throw new Shell.CommandFailed();
        }
        if (names.size() > 2) {
            shell.err().print("Usage: .backup ?DB? ?OPTIONS? FILENAME\n");
            throw new Shell.CommandFailed();
        }
        checkMain(shell, names.size() == 2 ? names.getFirst() : "main");
        Path target = Path.of(names.getLast());
        if (target.toAbsolutePath().normalize().equals(Path.of(shell.databasePath()).toAbsolutePath().normalize())) {
            shell.err().print("Error: cannot back up the database onto itself\n");
            throw new Shell.CommandFailed();
        }
        deleteDatabase(target);
        try (Database database = Database.open(target.toString()); Connection to = database.connect()) {
            copy(shell.connection(), to, null, true);
        } catch (TursoException e) {
            shell.err().print("Error: " + e.getMessage() + "\n");
            throw new Shell.CommandFailed();
        }
    }

    /** ".restore ?DB? FILE". */
    static void restore(Shell shell, List<String> args) throws IOException {
        CommandDispatcher.usageUnless(shell, args.size() == 1 || args.size() == 2, "Usage: .restore ?DB? FILE");
        checkMain(shell, args.size() == 2 ? args.getFirst() : "main");
        String file = args.getLast();
        Connection to = shell.connection();
        if (!file.equals(Database.MEMORY) && !Files.exists(Path.of(file))) {
            try {
                Files.createFile(Path.of(file));
            } catch (IOException e) {
                shell.err().print("Error: cannot open \"" + file + "\"\n");
                throw new Shell.CommandFailed();
            }
            try {
                dropAll(to);
            } catch (TursoException e) {
                shell.err().print("Error: " + e.getMessage() + "\n");
                throw new Shell.CommandFailed();
            }
            return;
        }
        Database database;
        Connection from;
        try {
            database = Database.open(file, OpenOptions.defaults().withReadOnly(true));
            from = database.connect();
        } catch (TursoException e) {
            shell.err().print("Error: cannot open \"" + file + "\"\n");
            throw new Shell.CommandFailed();
        }
        try (database; from) {
            dropAll(to);
            copy(from, to, null, true);
        } catch (TursoException e) {
            shell.err().print("Error: " + e.getMessage() + "\n");
            throw new Shell.CommandFailed();
        }
    }

    /** Empties the database: a restore from a file that does not exist leaves nothing, as in sqlite3. */
    private static void dropAll(Connection to) {
        List<SchemaObject> existing = schema(to);
        for (SchemaObject object : existing.reversed()) {
            if (object.type().equals("table") && !object.name().startsWith("sqlite_")) {
                to.execute("DROP TABLE " + quoted(object.name()));
            } else if (object.type().equals("view")) {
                to.execute("DROP VIEW " + quoted(object.name()));
            }
        }
    }

    /** ".clone NEWDB". */
    static void cloneTo(Shell shell, List<String> args) throws IOException {
        CommandDispatcher.usageUnless(shell, args.size() == 1, "Usage: .clone FILENAME");
        Path target = Path.of(args.getFirst());
        if (Files.exists(target)) {
            shell.err().print("File \"" + args.getFirst() + "\" already exists.\n");
            return;
        }
        StringBuilder progress = new StringBuilder();
        try (Database database = Database.open(target.toString()); Connection to = database.connect()) {
            copy(shell.connection(), to, progress, false);
        } catch (TursoException e) {
            shell.print(progress.toString());
            shell.err().print("Error: " + e.getMessage() + "\n");
            throw new Shell.CommandFailed();
        }
        shell.print(progress.toString());
    }

    private static void checkMain(Shell shell, String database) {
        if (!database.equals("main")) {
            shell.err().print("Error: unknown database " + database + "\n");
            throw new Shell.CommandFailed();
        }
    }

    /**
     * Copies every object of {@code from} into {@code to}, in one
     * transaction; tables first, with their rows, and their rowids when
     * {@code keepRowids} (a backup copies pages, so rowids survive it; sqlite3's
     * .clone inserts the columns only).
     */
    private static void copy(Connection from, Connection to, StringBuilder progress, boolean keepRowids) {
        List<SchemaObject> objects = schema(from);
        to.execute("BEGIN");
        try {
            for (SchemaObject object : objects) {
                if (!object.type().equals("table") || object.name().startsWith("sqlite_")) {
                    continue;
                }
                to.execute(object.sql());
                copyRows(from, to, object.name(), keepRowids);
                done(progress, object.name());
            }
            for (SchemaObject object : objects) {
                if (object.name().equals("sqlite_sequence")) {
                    to.execute("DELETE FROM sqlite_sequence");
                    copyRows(from, to, object.name(), false);
                    done(progress, object.name());
                }
            }
            for (SchemaObject object : objects) {
                if (!object.type().equals("table") && object.sql() != null) {
                    to.execute(object.sql());
                    done(progress, object.name());
                }
            }
            to.execute("COMMIT");
        } catch (TursoException e) {
            if (!to.autoCommit()) {
                to.execute("ROLLBACK");
            }
            throw e;
        }
    }

    private static void done(StringBuilder progress, String name) {
        if (progress != null) {
            progress.append(name).append("... done\n");
        }
    }

    private static void copyRows(Connection from, Connection to, String table, boolean keepRowids) {
        List<String> names = new ArrayList<>();
        String rowid = keepRowids ? DumpCommand.rowidName(from, quoted(table), names) : null;
        String select = "SELECT * FROM " + quoted(table);
        String target = quoted(table);
        if (rowid != null) {
            List<String> columns = names.stream().map(DatabaseCopy::quoted).toList();
            select = "SELECT " + rowid + "," + String.join(",", columns) + " FROM " + quoted(table);
            target += "(" + rowid + "," + String.join(",", columns) + ")";
        }
        try (Statement read = from.prepare(select)) {
            int columns = read.columnCount();
            try (Statement write = to.prepare("INSERT INTO " + target + " VALUES(?" + ",?".repeat(columns - 1) + ")")) {
                while (read.step()) {
                    for (int i = 0; i < columns; i++) {
                        write.bindValue(i + 1, read.columnValue(i));
                    }
                    while (write.step()) {
                        // an INSERT returns no rows
                    }
                    write.reset();
                }
            }
        }
    }

    private static List<SchemaObject> schema(Connection connection) {
        List<SchemaObject> objects = new ArrayList<>();
        try (Statement statement = connection.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY rowid")) {
            while (statement.step()) {
                objects.add(new SchemaObject(statement.columnText(0), statement.columnText(1), statement.columnText(2)));
            }
        }
        return objects;
    }

    private static void deleteDatabase(Path file) throws IOException {
        Files.deleteIfExists(file);
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
    }

    static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
