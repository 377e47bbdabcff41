/*
 * Differential test on near-valid input: statements of the valid corpus with
 * one token deleted, inserted, swapped with its neighbour, or everything after
 * it cut off. Whatever SQLite says while parsing, we must say the same; when
 * SQLite accepts (or fails later, for reasons other than syntax) we must
 * accept. Four errors SQLite raises in the middle of parsing, before a later
 * syntax error, are reported by us only after a successful parse ("unknown
 * table option", "N columns assigned M values", "duplicate column name",
 * "a JOIN clause is required before ON"); mutations that SQLite rejects with
 * those are left out. Fixed seed plus one printed per run.
 */
package turso.parser;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import turso.api.TursoException;

class MutationTest {

    private static final String[] INSERTS = {"SELECT", "FROM", "WHERE", "(", ")", ",", "AND", "NOT", "IN", "AS",
        "ON", "JOIN", "BY", "ORDER", "LIMIT", "NULL", "1", "a", "'s'", "=", "+", "*", "VALUES", "SET", "KEY",
        "DEFAULT", "TABLE", "INDEX", "WITH", "UNION", "CASE", "END", "OVER", "FILTER", "DO", "CONFLICT",
        "RETURNING", "COLLATE", "DESC", "ROWS", "IF", "EXISTS", "COLUMN", "DATABASE", "SAVEPOINT", "RECURSIVE"};

    private static void run(long seed, int count, List<String> corpus, Sqlite sqlite, List<String> failures) {
        Random r = new Random(seed);
        for (int i = 0; i < count; i++) {
            List<String> tokens = new ArrayList<>(Arrays.asList(corpus.get(r.nextInt(corpus.size())).split(" ")));
            int at = r.nextInt(tokens.size());
            switch (r.nextInt(4)) {
                case 0 -> {
                    if (tokens.size() > 1) {
                        tokens.remove(at);
                    }
                }
                case 1 -> tokens.add(at, INSERTS[r.nextInt(INSERTS.length)]);
                case 2 -> {
                    if (at + 1 < tokens.size()) {
                        Collections.swap(tokens, at, at + 1);
                    }
                }
                default -> tokens = tokens.subList(0, at + 1);
            }
            String sql = String.join(" ", tokens);
            String expected = sqlite.prepare(sql);
            if (expected != null && (expected.startsWith("unknown table option")
                    || expected.startsWith("duplicate column name: ")
                    || expected.startsWith("a JOIN clause is required before ")
                    || expected.matches("\\d+ columns assigned \\d+ values"))) {
                continue;
            }
            if ("near \"WITH\": syntax error".equals(expected) && sql.matches("CREATE (UNIQUE )?INDEX .*")) {
                // CREATE INDEX ... WITH (name = value, ...) is this engine's extension (index methods' parameters)
                continue;
            }
            String actual = null;
            try {
                SqlParser.parseFirst(sql);
            } catch (TursoException e) {
                actual = e.getMessage();
            }
            boolean agree = Sqlite.isParseError(expected) ? expected.equals(actual)
                    : actual == null || actual.equals(expected);
            if (!agree) {
                failures.add("seed " + seed + ": " + sql + "\n   sqlite: " + expected + "\n   ours:   " + actual);
            }
        }
    }

    @Test
    void mutatedStatementsAreJudgedAsSqliteJudgesThem() throws Exception {
        List<String> corpus = ValidCorpusTest.corpus("valid-statements.sql");
        long seed = Long.getLong("turso.fuzz.seed", System.nanoTime());
        System.out.println("MutationTest seed: " + seed);
        List<String> failures = new ArrayList<>();
        try (Sqlite sqlite = new Sqlite()) {
            run(1L, 6000, corpus, sqlite, failures);
            run(seed, 2000, corpus, sqlite, failures);
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " disagreements:\n" + String.join("\n", failures.subList(0,
                    Math.min(30, failures.size()))));
        }
    }
}
