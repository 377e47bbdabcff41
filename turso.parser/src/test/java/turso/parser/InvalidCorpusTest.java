/*
 * The corpus of invalid statements (invalid-statements.sql): SQLite rejects
 * each while parsing, and we must reject it with exactly SQLite's message
 * ("near \"X\": syntax error", "unrecognized token: ...", "incomplete input",
 * and the few errors SQLite raises while building its tree).
 */
package turso.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.ResultCode;
import turso.api.TursoException;

class InvalidCorpusTest {

    @Test
    void everyStatementIsRejectedWithSqlitesMessage() throws Exception {
        List<String> corpus = ValidCorpusTest.corpus("invalid-statements.sql");
        assertTrue(corpus.size() >= 200, "corpus has " + corpus.size() + " statements");
        List<String> failures = new ArrayList<>();
        try (Sqlite sqlite = new Sqlite()) {
            for (String sql : corpus) {
                String expected = sqlite.prepare(sql);
                if (expected == null) {
                    failures.add("SQLite accepts: " + sql);
                    continue;
                }
                String actual;
                try {
                    SqlParser.parseFirst(sql);
                    actual = null;
                } catch (TursoException e) {
                    actual = e.getMessage();
                    if (e.resultCode() != ResultCode.ERROR) {
                        failures.add("result code " + e.resultCode() + ": " + sql);
                    }
                }
                if (!expected.equals(actual)) {
                    failures.add(sql + "\n   sqlite: " + expected + "\n   ours:   " + actual);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " failures:\n" + String.join("\n", failures));
        }
    }
}
