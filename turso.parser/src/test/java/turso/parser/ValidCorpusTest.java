/*
 * The corpus of valid statements (valid-statements.sql, one per line, every
 * diagram of lang*.html): SQLite accepts each (or rejects it for a reason
 * other than syntax), we parse it, print it, parse the print to an equal AST,
 * SQLite accepts the print too, and for queries both texts give the same rows
 * (which checks operator precedence and grouping against SQLite itself).
 */
package turso.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.TursoException;
import turso.parser.ast.Stmt;

class ValidCorpusTest {

    static List<String> corpus(String resource) throws IOException {
        try (InputStream in = ValidCorpusTest.class.getResourceAsStream(resource)) {
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
            return out;
        }
    }

    @Test
    void everyStatementParsesAndRoundTrips() throws Exception {
        List<String> corpus = corpus("valid-statements.sql");
        assertTrue(corpus.size() >= 500, "corpus has " + corpus.size() + " statements");
        List<String> failures = new ArrayList<>();
        int compared = 0;
        try (Sqlite sqlite = new Sqlite()) {
            for (String sql : corpus) {
                String lite = sqlite.prepare(sql);
                if (Sqlite.isParseError(lite)) {
                    failures.add("SQLite rejects: " + sql + " -> " + lite);
                    continue;
                }
                try {
                    Stmt ast = SqlParser.parseOne(sql);
                    String printed = SqlPrinter.print(ast);
                    Stmt again = SqlParser.parseOne(printed);
                    if (!ast.equals(again)) {
                        failures.add("round trip differs: " + sql + " -> " + printed);
                        continue;
                    }
                    String litePrinted = sqlite.prepare(printed);
                    if (Sqlite.isParseError(litePrinted)) {
                        failures.add("SQLite rejects the print: " + printed + " -> " + litePrinted);
                        continue;
                    }
                    if (lite == null && ast instanceof Stmt.SelectStmt && !sql.contains("random")) {
                        List<String> expected = sqlite.rows(sql);
                        if (expected != null) {
                            compared++;
                            List<String> actual = sqlite.rows(printed);
                            if (!expected.equals(actual)) {
                                failures.add("results differ: " + sql + " -> " + printed);
                            }
                        }
                    }
                } catch (TursoException e) {
                    failures.add("rejected: " + sql + " -> " + e.getMessage());
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " failures:\n" + String.join("\n", failures));
        }
        assertTrue(compared > 250, "queries compared: " + compared);
    }

    @Test
    void createStatementsKeepTheirTextExactly() {
        String sql = "  create   TABLE  \"T\" ( a int , b text )  ;  ";
        Stmt.CreateTable t = (Stmt.CreateTable) SqlParser.parseOne(sql);
        assertEquals("create   TABLE  \"T\" ( a int , b text )", t.sql().text());
        Stmt.CreateTrigger tr = (Stmt.CreateTrigger) SqlParser.parseOne(
                "CREATE TRIGGER g AFTER INSERT ON t BEGIN SELECT 1; SELECT 2 ; END");
        assertEquals("CREATE TRIGGER g AFTER INSERT ON t BEGIN SELECT 1; SELECT 2 ; END", tr.sql().text());
        assertEquals(2, tr.body().size());
        Stmt.CreateVirtualTable v = (Stmt.CreateVirtualTable) SqlParser.parseOne(
                "CREATE VIRTUAL TABLE v USING fts5( a , tokenize = 'porter unicode61', x(y, z) )");
        assertEquals(List.of("a", "tokenize = 'porter unicode61'", "x(y, z)"), v.args());
        assertFalse(v.ifNotExists());
    }
}
