/*
 * Tab completion at the interactive prompt: SQL keywords (upper or lower
 * case, following what was typed), dot-command names at the start of a line,
 * and the current database's table and column names, read from
 * sqlite_schema when completion is asked for, so new tables are offered at once.
 */
package turso.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import turso.api.Connection;
import turso.api.Statement;
import turso.api.TursoException;
import turso.cli.output.SqlKeywords;

final class SqlCompleter implements Completer {

    private static final List<String> COMMANDS = List.of(".backup", ".bail", ".changes", ".clone", ".databases",
            ".dbinfo", ".dump", ".echo", ".eqp", ".exit", ".explain", ".headers", ".help", ".import", ".indexes",
            ".mode", ".nullvalue", ".once", ".open", ".output", ".parameter", ".print", ".quit", ".read",
            ".restore", ".save", ".schema", ".separator", ".shell", ".show", ".system", ".tables", ".timer",
            ".vfslist", ".width");

    private final Shell shell;

    SqlCompleter(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        if (line.wordIndex() == 0 && word.startsWith(".")) {
            COMMANDS.forEach(c -> candidates.add(new Candidate(c)));
            return;
        }
        // The line is cut at spaces only, so "count(pri" is one word: complete what follows its last punctuation.
        int start = word.length();
        while (start > 0 && isNameChar(word.charAt(start - 1))) {
            start--;
        }
        String head = word.substring(0, start);
        String typed = word.substring(start);
        boolean lower = !typed.isEmpty() && Character.isLowerCase(typed.charAt(0));
        for (String keyword : SqlKeywords.all()) {
            add(candidates, head, lower ? keyword.toLowerCase(Locale.ROOT) : keyword);
        }
        for (String name : schemaNames()) {
            add(candidates, head, name);
        }
    }

    private static void add(List<Candidate> candidates, String head, String name) {
        candidates.add(new Candidate(head + name, name, null, null, null, null, true));
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Table and view names, then their column names; none if the database cannot be read now. */
    private Set<String> schemaNames() {
        Set<String> names = new LinkedHashSet<>();
        Connection connection = shell.connectionIfOpen();
        if (connection == null) {
            return names;
        }
        try {
            try (Statement tables = connection.prepare(
                    "SELECT name FROM sqlite_schema WHERE type IN ('table','view') ORDER BY name")) {
                while (tables.step()) {
                    names.add(tables.columnText(0));
                }
            }
            for (String table : List.copyOf(names)) {
                try (Statement columns = connection.prepare("SELECT * FROM " + DatabaseCopy.quoted(table) + " LIMIT 0")) {
                    for (int i = 0; i < columns.columnCount(); i++) {
                        names.add(columns.columnName(i));
                    }
                }
            }
        } catch (TursoException e) {
            // a busy or unreadable database offers keywords only
        }
        return names;
    }
}
