/*
 * Runs SQL the way sqlite3 runs it in batch mode: each statement prepared in
 * turn from the text (the tail of one is the start of the next), rows printed
 * in list mode, errors reported on stderr in sqlite3's words ("Error: in
 * prepare, ...", "Parse error near line N: ...", with the statement and a
 * caret under the error). Interactive editing is the shell issue's (#8).
 */
package turso.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import turso.api.Connection;
import turso.api.DataType;
import turso.api.Statement;
import turso.api.TursoException;

final class Shell {

    /** Where a piece of SQL came from, which decides how its errors are worded. */
    enum Source { ARGUMENT, SCRIPT }

    private final Connection connection;
    private final ShellOptions options;
    private final OutputStream out;
    private final Appendable err;

    Shell(Connection connection, ShellOptions options, OutputStream out, Appendable err) {
        this.connection = connection;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs every statement of {@code sql}.
     *
     * @return false if a statement failed
     */
    boolean run(String sql, Source source) throws IOException {
        boolean ok = true;
        String rest = sql;
        int consumed = 0;
        while (!rest.isBlank()) {
            int startLine = lineOf(sql, consumed + leadingSpace(rest));
            Statement statement;
            try {
                statement = connection.prepare(rest);
            } catch (TursoException e) {
                reportPrepareError(e, rest, startLine, source);
                return false;
            }
            try (statement) {
                String tail = statement.tail();
                try {
                    printRows(statement);
                } catch (TursoException e) {
                    err.append(source == Source.ARGUMENT
                            ? "Error: stepping, " + e.getMessage() + "\n"
                            : "Runtime error near line " + startLine + ": " + e.getMessage() + "\n");
                    ok = false;
                    if (options.bail() || source == Source.ARGUMENT) {
                        return false;
                    }
                }
                consumed += rest.length() - tail.length();
                rest = tail;
            }
        }
        return ok;
    }

    private void printRows(Statement statement) throws IOException {
        boolean first = true;
        byte[] separator = options.separator().getBytes(StandardCharsets.UTF_8);
        byte[] newline = options.newline().getBytes(StandardCharsets.UTF_8);
        while (statement.step()) {
            int n = statement.columnCount();
            if (first && options.header()) {
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.write(separator);
                    }
                    out.write(statement.columnName(i).getBytes(StandardCharsets.UTF_8));
                }
                out.write(newline);
            }
            first = false;
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.write(separator);
                }
                byte[] value = statement.columnType(i) == DataType.NULL
                        ? options.nullValue().getBytes(StandardCharsets.UTF_8)
                        : statement.columnBlob(i);
                out.write(value);
            }
            out.write(newline);
        }
        out.flush();
    }

    private void reportPrepareError(TursoException e, String text, int startLine, Source source) throws IOException {
        String statement = text.stripLeading();
        int offset = e.offset() - (text.length() - statement.length());
        err.append(source == Source.ARGUMENT ? "Error: in prepare, " : "Parse error near line " + startLine + ": ")
                .append(e.getMessage()).append('\n');
        if (offset >= 0 && offset <= statement.length()) {
            int end = statement.indexOf(';', offset);
            String shown = statement.substring(0, end < 0 ? statement.length() : end + 1);
            err.append("  ").append(shown.replaceAll("[\\r\\n\\t\\f]", " ")).append('\n');
            err.append("  ").append(" ".repeat(offset)).append("^--- error here\n");
        }
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
