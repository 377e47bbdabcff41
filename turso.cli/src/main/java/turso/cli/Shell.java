/*
 * Runs SQL the way sqlite3 runs it in batch mode: each statement prepared in
 * turn from the text (the tail of one is the start of the next), rows printed
 * in the output mode chosen (turso.cli.output), errors reported on stderr in sqlite3's words ("Error: in
 * prepare, ...", "Parse error near line N: ...", with the statement and a
 * caret under the error). Interactive editing is the shell issue's (#8).
 * A script is cut into statements with the parser's SqlScript, the
 * counterpart of the sqlite3_complete() that sqlite3 uses.
 */
package turso.cli;

import java.io.IOException;
import java.io.OutputStream;
import turso.api.Connection;
import turso.api.ResultCode;
import turso.api.Statement;
import turso.api.TursoException;
import turso.cli.output.ResultPrinter;
import turso.cli.output.StatementRowSource;
import turso.parser.SqlScript;

final class Shell {

    /** Where a piece of SQL came from, which decides how its errors are worded. */
    enum Source { ARGUMENT, SCRIPT }

    private final Connection connection;
    private final ShellOptions options;
    private final OutputStream out;
    private final Appendable err;
    /** The primary result code of the last statement that failed. */
    private int lastError;

    Shell(Connection connection, ShellOptions options, OutputStream out, Appendable err) {
        this.connection = connection;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs every statement of {@code sql}. A script is cut into statements
     * first, as sqlite3 cuts its input, so that a statement that fails to
     * parse is skipped and the next one runs (unless -bail); the SQL of an
     * argument runs as one text and stops at its first error.
     *
     * @return false if a statement failed
     */
    boolean run(String sql, Source source) throws IOException {
        if (source == Source.ARGUMENT) {
            return runStatements(sql, 1, source);
        }
        boolean ok = true;
        for (SqlScript.Piece piece : SqlScript.split(sql)) {
            if (!runStatements(piece.sql(), lineOf(sql, piece.start()), source)) {
                ok = false;
                if (options.bail()) {
                    return false;
                }
            }
        }
        return ok;
    }

    /** The primary result code of the last failure: sqlite3's exit status after a failing SQL argument. */
    int lastError() {
        return lastError;
    }

    /** Runs the statements of {@code sql}, whose first line is line {@code firstLine} of its input. */
    private boolean runStatements(String sql, int firstLine, Source source) throws IOException {
        String rest = sql;
        int consumed = 0;
        while (!rest.isBlank()) {
            int startLine = firstLine - 1 + lineOf(sql, consumed + leadingSpace(rest));
            Statement statement;
            try {
                statement = connection.prepare(rest);
            } catch (TursoException e) {
                reportPrepareError(e, rest, startLine, source);
                lastError = e.resultCode().primaryCode();
                return false;
            }
            try (statement) {
                String tail = statement.tail();
                try {
                    ResultPrinter.print(new StatementRowSource(statement), options.output(), out);
                } catch (TursoException e) {
                    String message = e.getMessage() + codeSuffix(e);
                    err.append(source == Source.ARGUMENT
                            ? "Error: stepping, " + message + "\n"
                            : "Runtime error near line " + startLine + ": " + message + "\n");
                    lastError = e.resultCode().primaryCode();
                    return false;
                }
                consumed += rest.length() - tail.length();
                rest = tail;
            }
        }
        return true;
    }

    private void reportPrepareError(TursoException e, String text, int startLine, Source source) throws IOException {
        String statement = text.stripLeading();
        int offset = e.offset() - (text.length() - statement.length());
        err.append(source == Source.ARGUMENT ? "Error: in prepare, " : "Parse error near line " + startLine + ": ")
                .append(e.getMessage()).append(codeSuffix(e)).append('\n');
        if (offset >= 0 && offset <= statement.length()) {
            int end = statement.indexOf(';', offset);
            String shown = statement.substring(0, end < 0 ? statement.length() : end + 1);
            err.append("  ").append(shown.replaceAll("[\\r\\n\\t\\f]", " ")).append('\n');
            err.append("  ").append(" ".repeat(offset)).append("^--- error here\n");
        }
    }

    /** sqlite3 shows the result code after the message, unless it is plain SQLITE_ERROR. */
    private static String codeSuffix(TursoException e) {
        return e.primaryResultCode() == ResultCode.ERROR ? "" : " (" + e.resultCode().primaryCode() + ")";
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
