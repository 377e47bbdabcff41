/*
 * How JLine decides that Enter ends the input at the interactive prompt:
 * only when the text typed so far is something the shell would run (a dot
 * command, a complete statement, a line of comments; Shell.isCompleteInput).
 * Otherwise JLine keeps editing the same buffer on a new line under the
 * continuation prompt, so a multi-line statement is recalled from history
 * as one entry, as in sqlite3. Words for completion are split as JLine's
 * default parser splits them, without backslash escapes (SQL has none).
 */
package turso.cli;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

final class SqlLineParser extends DefaultParser {

    SqlLineParser() {
        escapeChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !Shell.isCompleteInput(line)) {
            throw new EOFError(-1, -1, "incomplete statement", ";");
        }
        return super.parse(line, cursor, context);
    }
}
