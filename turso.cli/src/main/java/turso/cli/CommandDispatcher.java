/*
 * The dot commands: a command is found from its first word as sqlite3 3.40
 * finds it (any prefix at least as long as the command's shortest accepted
 * abbreviation, tried in sqlite3's order), and run. Settings commands are
 * here; the larger ones have their own classes (SchemaCommands, DumpCommand,
 * ImportCommand, DatabaseCopy, DatabaseInfo, HelpText, ShowCommand). Usage and error
 * messages are sqlite3's, on the stream sqlite3 writes them to.
 */
package turso.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import turso.api.spi.NamedServices;
import turso.api.spi.Vfs;
import turso.cli.output.ModeCommand;
import turso.cli.output.OutputSettings;
import turso.cli.output.ShellValues;

final class CommandDispatcher {

    /** A command's full name and the shortest prefix of it sqlite3 accepts. */
    private record Name(String full, int shortest) {
    }

    private static final List<Name> NAMES = List.of(
            new Name("backup", 3), new Name("bail", 3), new Name("changes", 3), new Name("clone", 2),
            new Name("databases", 2), new Name("dbinfo", 3), new Name("dump", 1), new Name("echo", 1),
            new Name("eqp", 1), new Name("exit", 1), new Name("explain", 1), new Name("headers", 1),
            new Name("help", 1), new Name("import", 1), new Name("indexes", 1), new Name("indices", 1),
            new Name("mode", 1), new Name("nullvalue", 2), new Name("open", 2), new Name("output", 1),
            new Name("once", 1), new Name("parameter", 2), new Name("print", 2), new Name("quit", 1),
            new Name("read", 3), new Name("restore", 3), new Name("save", 3), new Name("schema", 1),
            new Name("separator", 3), new Name("shell", 2), new Name("show", 4), new Name("system", 2),
            new Name("tables", 2), new Name("timer", 2), new Name("vfslist", 4), new Name("width", 1));

    private CommandDispatcher() {
    }

    static Shell.Outcome run(Shell shell, List<String> words) throws IOException {
        if (words.isEmpty()) {
            return Shell.Outcome.OK;
        }
        String given = words.getFirst();
        String command = null;
        for (Name name : NAMES) {
            if (given.length() >= name.shortest() && name.full().startsWith(given)) {
                command = name.full();
                break;
            }
        }
        if (command == null) {
            return unknown(shell, given);
        }
        List<String> args = words.subList(1, words.size());
        try {
            return dispatch(shell, command, args);
        } catch (Shell.CommandFailed e) {
            return Shell.Outcome.ERROR;
        }
    }

    private static Shell.Outcome dispatch(Shell shell, String command, List<String> args) throws IOException {
        OutputSettings settings = shell.settings();
        switch (command) {
            case "backup", "save" -> DatabaseCopy.backup(shell, command, args);
            case "restore" -> DatabaseCopy.restore(shell, args);
            case "clone" -> DatabaseCopy.cloneTo(shell, args);
            case "bail" -> shell.setBail(onOff(shell, args, "Usage: .bail on|off"));
            case "changes" -> shell.setCountChanges(onOff(shell, args, "Usage: .changes on|off"));
            case "echo" -> shell.setEcho(onOff(shell, args, "Usage: .echo on|off"));
            case "timer" -> shell.setTimer(onOff(shell, args, "Usage: .timer on|off"));
            case "headers" -> settings.setHeader(onOff(shell, args, "Usage: .headers on|off"));
            case "databases" -> databases(shell);
            case "dbinfo" -> DatabaseInfo.print(shell, args);
            case "dump" -> DumpCommand.run(shell, args);
            case "eqp" -> eqp(shell, args);
            case "explain" -> explain(shell, args);
            case "exit" -> {
                // as in sqlite3, ".exit 0" is ".quit": the exit code then still tells whether anything failed
                int code = args.isEmpty() ? 0 : (int) ShellValues.integerValue(args.getFirst());
                if (code != 0) {
                    shell.setExitCode(code);
                }
                return Shell.Outcome.EXIT;
            }
            case "quit" -> {
                return Shell.Outcome.EXIT;
            }
            case "help" -> HelpText.print(shell, args);
            case "import" -> ImportCommand.run(shell, args);
            case "indexes", "indices" -> SchemaCommands.indexes(shell, args);
            case "tables" -> SchemaCommands.tables(shell, args);
            case "schema" -> SchemaCommands.schema(shell, args);
            case "mode" -> {
                shell.setExplain(false, shell.autoExplain());
                StringBuilder out = new StringBuilder();
                boolean ok = ModeCommand.run(settings, args, out, shell.err());
                shell.print(out.toString());
                if (!ok) {
                    return Shell.Outcome.ERROR;
                }
            }
            case "nullvalue" -> {
                usageUnless(shell, args.size() == 1, "Usage: .nullvalue STRING");
                settings.setNullValue(args.getFirst());
            }
            case "separator" -> {
                usageUnless(shell, args.size() == 1 || args.size() == 2, "Usage: .separator COL ?ROW?");
                settings.setColumnSeparator(args.get(0));
                if (args.size() == 2) {
                    settings.setRowSeparator(args.get(1));
                }
            }
            case "width" -> settings.setWidths(args);
            case "open" -> open(shell, args);
            case "output", "once" -> output(shell, command, args);
            case "parameter" -> parameter(shell, args);
            case "print" -> shell.print(String.join(" ", args) + "\n");
            case "read" -> {
                return read(shell, args);
            }
            case "shell", "system" -> system(shell, args);
            case "show" -> ShowCommand.run(shell, args);
            case "vfslist" -> vfslist(shell);
            default -> throw new IllegalStateException(command);
        }
        return Shell.Outcome.OK;
    }

    private static Shell.Outcome unknown(Shell shell, String name) {
        shell.err().print("Error: unknown command or invalid arguments:  \"" + name
                + "\". Enter \".help\" for help\n");
        return Shell.Outcome.ERROR;
    }

    /** A command's single on/off argument, or its usage message and an error. */
    private static boolean onOff(Shell shell, List<String> args, String usage) throws IOException {
        usageUnless(shell, args.size() == 1, usage);
        return ShellValues.booleanValue(args.getFirst(), shell.err());
    }

    static void usageUnless(Shell shell, boolean ok, String usage) {
        if (!ok) {
            shell.err().print(usage + "\n");
            throw new Shell.CommandFailed();
        }
    }

    /** One line per database of PRAGMA database_list: name, file ("" in memory), r/o or r/w. */
    private static void databases(Shell shell) throws IOException {
        StringBuilder out = new StringBuilder();
        try (turso.api.Statement statement = shell.connection().prepare("PRAGMA database_list")) {
            while (statement.step()) {
                String file = statement.columnText(2);
                out.append(statement.columnText(1)).append(": ")
                        .append(file == null || file.isEmpty() ? "\"\"" : file)
                        .append(' ').append(shell.readOnly() ? "r/o" : "r/w").append('\n');
            }
        }
        shell.print(out.toString());
    }

    private static void eqp(Shell shell, List<String> args) throws IOException {
        usageUnless(shell, args.size() == 1, "Usage: .eqp off|on|trace|trigger|full");
        String value = args.getFirst();
        shell.setEqp(switch (value) {
            case "full" -> Shell.Eqp.FULL;
            case "trigger" -> Shell.Eqp.TRIGGER;
            case "trace" -> Shell.Eqp.FULL;
            default -> ShellValues.booleanValue(value, shell.err()) ? Shell.Eqp.ON : Shell.Eqp.OFF;
        });
    }

    private static void explain(Shell shell, List<String> args) throws IOException {
        if (args.isEmpty()) {
            shell.setExplain(true, false);
        } else if (args.getFirst().equals("auto")) {
            shell.setExplain(false, true);
        } else {
            boolean on = ShellValues.booleanValue(args.getFirst(), shell.err());
            shell.setExplain(on, false);
        }
    }

    private static void open(Shell shell, List<String> args) throws IOException {
        String file = null;
        boolean fresh = false;
        boolean readOnly = false;
        for (String arg : args) {
            if (arg.equals("--new") || arg.equals("-new")) {
                fresh = true;
            } else if (arg.equals("--readonly") || arg.equals("-readonly")) {
                readOnly = true;
            } else if (arg.startsWith("-")) {
                shell.err().print("unknown option: " + arg + "\n");
                throw new Shell.CommandFailed();
            } else if (file != null) {
                shell.err().print("extra argument: \"" + arg + "\"\n");
                throw new Shell.CommandFailed();
            } else {
                file = arg;
            }
        }
        if (fresh && file != null && !file.equals(":memory:")) {
            Files.deleteIfExists(Path.of(file));
        }
        if (!shell.open(file, readOnly)) {
            // reported, but as in sqlite3 not an error of the script (no exit code, no bail)
            shell.open(null, false);
            shell.setFilename(file);
            return;
        }
        if (file == null) {
            // sqlite3 keeps no name for a database ".open" made without one: ".show" shows it empty
            shell.setFilename("");
        }
    }

    private static void output(Shell shell, String command, List<String> args) throws IOException {
        String file = null;
        boolean bom = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (file == null && arg.startsWith("|")) {
                // a command takes the rest of the line, as sqlite3 joins it
                file = String.join(" ", args.subList(i, args.size()));
                break;
            }
            if (arg.startsWith("-") && file == null) {
                if (arg.equals("--bom") || arg.equals("-bom")) {
                    bom = true;
                } else {
                    shell.print("ERROR: unknown option: \"" + arg + "\".  Usage:\n");
                    HelpText.printEntry(shell, command);
                    throw new Shell.CommandFailed();
                }
            } else if (file == null) {
                file = arg;
            } else {
                shell.print("ERROR: extra parameter: \"" + arg + "\".  Usage:\n");
                HelpText.printEntry(shell, command);
                throw new Shell.CommandFailed();
            }
        }
        if (file == null || file.equals("stdout") || file.equals("off")) {
            shell.resetOutput();
            return;
        }
        shell.redirect(file, command.equals("once"), bom);
    }

    private static void parameter(Shell shell, List<String> args) throws IOException {
        Parameters parameters = shell.parameters();
        String sub = args.isEmpty() ? "" : args.getFirst();
        if (sub.equals("clear") && args.size() == 1) {
            parameters.clear();
        } else if (sub.equals("init") && args.size() == 1) {
            parameters.init();
        } else if (sub.equals("list") && args.size() == 1) {
            shell.print(parameters.list());
        } else if (sub.equals("set") && args.size() == 3) {
            parameters.set(shell.connection(), args.get(1), args.get(2));
        } else if (sub.equals("unset") && args.size() == 2) {
            parameters.unset(args.get(1));
        } else {
            HelpText.printEntry(shell, "parameter");
        }
    }

    private static Shell.Outcome read(Shell shell, List<String> args) throws IOException {
        usageUnless(shell, args.size() == 1, "Usage: .read FILE");
        String name = args.getFirst();
        Path file = Path.of(name);
        if (name.startsWith("|")) {
            Process process = new ProcessBuilder("sh", "-c", name.substring(1)).start();
            process.getOutputStream().close();
            PipeOutput.copy(process.getErrorStream(), shell.err());
            file = Files.createTempFile("turso-read", ".sql");
            try {
                Files.write(file, process.getInputStream().readAllBytes());
                return shell.readFile(file) > 0 ? Shell.Outcome.ERROR : Shell.Outcome.OK;
            } finally {
                Files.deleteIfExists(file);
            }
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            shell.err().print("Error: cannot open \"" + name + "\"\n");
            return Shell.Outcome.ERROR;
        }
        int errors = shell.readFile(file);
        if (shell.exitCode() >= 0) {
            return Shell.Outcome.EXIT;
        }
        return errors > 0 ? Shell.Outcome.ERROR : Shell.Outcome.OK;
    }

    private static void system(Shell shell, List<String> args) throws IOException {
        usageUnless(shell, !args.isEmpty(), "Usage: .system COMMAND");
        StringBuilder command = new StringBuilder();
        for (String arg : args) {
            if (!command.isEmpty()) {
                command.append(' ');
            }
            command.append(arg.indexOf(' ') < 0 ? arg : "\"" + arg + "\"");
        }
        shell.flush();
        Process process = new ProcessBuilder("sh", "-c", command.toString()).start();
        process.getOutputStream().close();
        Thread copyErr = PipeOutput.copy(process.getErrorStream(), shell.err());
        process.getInputStream().transferTo(shell.stdout());
        try {
            int status = process.waitFor();
            copyErr.join();
            shell.stdout().flush();
            if (status != 0) {
                shell.err().print("System command returns " + (status << 8) + "\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every VFS found, the one the main database is on marked active (PRAGMA vfs), the unavailable ones with why. */
    private static void vfslist(Shell shell) throws IOException {
        StringBuilder out = new StringBuilder();
        List<Vfs> all = NamedServices.load(Vfs.class, "VFS").all();
        String active;
        try (turso.api.Statement statement = shell.connection().prepare("PRAGMA vfs")) {
            active = statement.step() ? statement.columnText(0) : "";
        }
        for (int i = 0; i < all.size(); i++) {
            Vfs vfs = all.get(i);
            out.append("vfs.zName      = \"").append(vfs.name()).append("\"\n");
            if (vfs.name().equalsIgnoreCase(active)) {
                out.append("vfs.active     = yes\n");
            }
            if (!vfs.isAvailable()) {
                out.append("vfs.available  = no (").append(vfs.unavailableReason()).append(")\n");
            }
            if (i < all.size() - 1) {
                out.append("-----------------------------------\n");
            }
        }
        shell.print(out.toString());
    }
}
