/*
 * Runs a piece of SQL the way sqlite3's shell_exec does: each statement
 * prepared in turn from the text (the tail of one is the start of the next),
 * ".parameter" values bound, the ".eqp" plan shown first, rows printed in the
 * output mode (turso.cli.output), EXPLAIN results in sqlite3's explain
 * layouts, and the first error reported on stderr in sqlite3's words:
 * "Error: in prepare, ..." for an SQL argument, "Parse error near line N: ..."
 * / "Runtime error near line N: ..." in a script (no line number when typed
 * at the prompt), with the statement and a caret under a parse error.
 * ".changes" and ".timer" lines follow a piece that succeeded. While CREATE
 * INDEX or VACUUM runs, a progress line is drawn on stderr when it is a
 * terminal (StatementProgress).
 */
package turso.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import turso.api.Connection;
import turso.api.ResultCode;
import turso.api.Statement;
import turso.api.TursoException;
import turso.cli.output.ResultPrinter;
import turso.cli.output.StatementRowSource;
import turso.parser.SqlScript;

final class SqlRunner {

    /** Where the SQL came from, which decides how its errors are worded. */
    enum Context { ARGUMENT, SCRIPT, INTERACTIVE }

    private static final Pattern EXPLAIN_QUERY_PLAN = Pattern.compile("(?is)\\s*EXPLAIN\\s+QUERY\\s+PLAN\\b.*");
    private static final Pattern EXPLAIN = Pattern.compile("(?is)\\s*EXPLAIN\\b.*");

    private final Shell shell;
    private Boolean stderrTerminal;

    SqlRunner(Shell shell) {
        this.shell = shell;
    }

    /**
     * Runs every statement of {@code sql}, stopping at the first error.
     *
     * @param startLine the input line the text starts on (for error messages)
     * @return false if a statement failed (already reported)
     */
    boolean run(String sql, int startLine, Context context) throws IOException {
        boolean timed = shell.timer() && context != Context.ARGUMENT;
        long startNanos = System.nanoTime();
        long startCpu = timed ? cpuTime() : 0;
        long startUser = timed ? userTime() : 0;
        boolean ok = runStatements(sql, startLine, context);
        shell.statementDone();
        if (ok && context != Context.ARGUMENT && shell.countChanges()) {
            Connection connection = shell.connection();
            shell.print("changes: " + connection.changes() + "   total_changes: " + connection.totalChanges() + "\n");
        }
        if (timed) {
            double real = (System.nanoTime() - startNanos) / 1e9;
            double user = (userTime() - startUser) / 1e9;
            double system = Math.max(0, (cpuTime() - startCpu) / 1e9 - user);
            shell.print(String.format(Locale.ROOT, "Run Time: real %.3f user %f sys %f\n", real, user, system));
        }
        shell.flush();
        return ok;
    }

    private boolean runStatements(String sql, int startLine, Context context) throws IOException {
        Connection connection = shell.connection();
        String rest = sql;
        while (true) {
            List<SqlScript.Piece> pieces = SqlScript.split(rest);
            if (pieces.isEmpty()) {
                return true;
            }
            String unskipped = rest;
            rest = rest.substring(pieces.getFirst().start());
            Statement statement;
            try {
                statement = connection.prepare(rest);
            } catch (TursoException e) {
                reportPrepareError(e, unskipped, pieces.getFirst().start(), startLine, context);
                shell.setLastError(e.resultCode().primaryCode());
                return false;
            }
            try (statement) {
                String tail = statement.tail();
                try {
                    shell.parameters().bind(statement);
                    if (shell.eqp() != Shell.Eqp.OFF && !EXPLAIN.matcher(statement.sql()).matches()) {
                        showPlan(connection, statement.sql());
                    }
                    try (StatementProgress progress = StatementProgress.start(connection, statement.sql(),
                            shell.err(), stderrIsTerminal())) {
                        printResult(statement);
                    }
                } catch (TursoException e) {
                    String message = e.getMessage() + codeSuffix(e);
                    shell.err().print(switch (context) {
                        case ARGUMENT -> "Error: stepping, " + message + "\n";
                        case SCRIPT -> "Runtime error near line " + startLine + ": " + message + "\n";
                        case INTERACTIVE -> "Runtime error: " + message + "\n";
                    });
                    shell.setLastError(e.resultCode().primaryCode());
                    return false;
                }
                rest = tail;
            }
        }
    }

    /** Whether standard error is a terminal (progress lines are drawn there), asked once. */
    private boolean stderrIsTerminal() {
        if (stderrTerminal == null) {
            stderrTerminal = ImportProgress.stderrIsTerminal(shell.err());
        }
        return stderrTerminal;
    }

    private void printResult(Statement statement) throws IOException {
        String text = statement.sql();
        if (EXPLAIN_QUERY_PLAN.matcher(text).matches()) {
            QueryPlan.print(new StatementRowSource(statement), shell);
        } else if (EXPLAIN.matcher(text).matches() && (shell.explainOn() || shell.autoExplain())) {
            ExplainPrinter.print(statement, shell);
        } else if (shell.explainOn()) {
            ExplainPrinter.printPlain(statement, shell);
        } else {
            ResultPrinter.print(new StatementRowSource(statement), shell.settings(), shell.out());
        }
    }

    /** ".eqp on": the statement's EXPLAIN QUERY PLAN tree before its rows; a statement the engine cannot explain shows none. */
    private void showPlan(Connection connection, String sql) throws IOException {
        try (Statement plan = connection.prepare("EXPLAIN QUERY PLAN " + sql)) {
            shell.parameters().bind(plan);
            QueryPlan.print(new StatementRowSource(plan), shell);
        } catch (TursoException e) {
            return;
        }
        if (shell.eqp().compareTo(Shell.Eqp.FULL) >= 0) {
            try (Statement program = connection.prepare("EXPLAIN " + sql)) {
                shell.parameters().bind(program);
                ExplainPrinter.print(program, shell);
            } catch (TursoException e) {
                // no bytecode listing for this statement
            }
        }
    }

    /**
     * Reports a prepare error; the context lines show {@code text} (where
     * the statement was looked for, {@code skipped} characters before it: comments,
     * byte order marks) from its first character that is not white space, as
     * sqlite3 shows the SQL it gave sqlite3_prepare.
     */
    private void reportPrepareError(TursoException e, String text, int skipped, int startLine, Context context)
            throws IOException {
        int blank = 0;
        while (blank < text.length() && (text.charAt(blank) == ' ' || text.charAt(blank) >= '\t' && text.charAt(blank) <= '\r')) {
            blank++;
        }
        String statement = text.substring(blank);
        int offset = e.offset() < 0 ? -1 : e.offset() + skipped - blank;
        StringBuilder message = new StringBuilder();
        message.append(switch (context) {
            case ARGUMENT -> "Error: in prepare, ";
            case SCRIPT -> "Parse error near line " + startLine + ": ";
            case INTERACTIVE -> "Parse error: ";
        }).append(e.getMessage()).append(codeSuffix(e)).append('\n');
        if (offset >= 0 && offset <= statement.length()) {
            message.append(errorContext(statement, offset));
        }
        shell.err().print(message);
    }

    /**
     * The two lines sqlite3 shows under a prepare error: at most 78 bytes of
     * the SQL from the statement on (starting later so that the error is at
     * most 50 bytes in, white space shown as spaces), and a marker under the
     * error, to its right while it is less than 25 bytes in. sqlite3
     * counts bytes, not characters, and so does this.
     */
    private static String errorContext(String sql, int offset) {
        byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);
        int at = sql.substring(0, offset).getBytes(StandardCharsets.UTF_8).length;
        int start = 0;
        while (at > 50) {
            at--;
            start++;
            while (start < bytes.length && (bytes[start] & 0xc0) == 0x80) {
                start++;
                at--;
            }
        }
        int length = bytes.length - start;
        if (length > 78) {
            length = 78;
            while ((bytes[start + length] & 0xc0) == 0x80) {
                length--;
            }
        }
        byte[] code = Arrays.copyOfRange(bytes, start, start + length);
        for (int i = 0; i < code.length; i++) {
            if (code[i] == ' ' || (code[i] >= '\t' && code[i] <= '\r')) {
                code[i] = ' ';
            }
        }
        String marker = at < 25 ? " ".repeat(at) + "^--- error here" : " ".repeat(at - 14) + "error here ---^";
        return "  " + new String(code, StandardCharsets.UTF_8) + "\n  " + marker + "\n";
    }

    /** sqlite3 shows the result code after the message, unless it is plain SQLITE_ERROR. */
    private static String codeSuffix(TursoException e) {
        return e.primaryResultCode() == ResultCode.ERROR ? "" : " (" + e.resultCode().primaryCode() + ")";
    }

    private static long cpuTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    private static long userTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadUserTime() : 0;
    }
}
