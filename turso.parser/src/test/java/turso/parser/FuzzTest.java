/*
 * Random input never escapes as anything but a TursoException: random token
 * sequences, random characters, random bytes decoded from invalid UTF-8. And
 * a differential test: random expressions built from SQLite's operators are
 * accepted or rejected exactly as SQLite does, with the same message.
 * The seed is fixed plus one printed per run (-Dturso.fuzz.seed to replay).
 */
package turso.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import turso.api.TursoException;

class FuzzTest {

    private static final String[] TOKENS = {
        "SELECT", "FROM", "WHERE", "(", ")", ",", ";", "*", "+", "-", "/", "=", "<>", "AND", "OR", "NOT", "IN",
        "BETWEEN", "LIKE", "IS", "NULL", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "AS", "INSERT", "INTO",
        "VALUES", "UPDATE", "SET", "DELETE", "CREATE", "TABLE", "INDEX", "TRIGGER", "BEGIN", "VIEW", "ON", "JOIN",
        "LEFT", "GROUP", "BY", "ORDER", "LIMIT", "OFFSET", "WITH", "RECURSIVE", "UNION", "ALL", "OVER", "FILTER",
        "WINDOW", "PARTITION", "ROWS", "PRECEDING", "RAISE", "EXISTS", "COLLATE", "ESCAPE", "DEFAULT", "PRIMARY",
        "KEY", "a", "b", "t1", "\"q\"", "[x]", "`y`", "'s'", "'", "\"", "1", "2.5", "x'00'", "x'0'", "?", "?1",
        ":p", "$v", "@w", "->", "->>", "||", "~", ".", "/*", "--", "\n", "#", "\\", "!", "RETURNING", "EXPLAIN",
        "PRAGMA", "ALTER", "ADD", "COLUMN", "DROP", "VACUUM", "ATTACH", "REPLACE", "CONFLICT", "DO", "NOTHING"};

    private static long seed() {
        long seed = Long.getLong("turso.fuzz.seed", System.nanoTime());
        System.out.println("FuzzTest seed: " + seed + " (replay with -Dturso.fuzz.seed=" + seed + ")");
        return seed;
    }

    private static void onlyTursoExceptions(String sql, List<String> failures) {
        try {
            SqlParser.parse(sql);
            SqlParser.parseFirst(sql);
            SqlScript.split(sql);
            SqlScript.isComplete(sql);
        } catch (TursoException expected) {
            // the only acceptable failure
        } catch (RuntimeException | Error e) {
            failures.add(e + " on: " + sql);
        }
    }

    private static void run(long seed, int count) {
        Random r = new Random(seed);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(30);
            for (int k = 0; k < n; k++) {
                sb.append(TOKENS[r.nextInt(TOKENS.length)]).append(r.nextInt(4) == 0 ? "" : " ");
            }
            onlyTursoExceptions(sb.toString(), failures);
            char[] chars = new char[r.nextInt(40)];
            for (int k = 0; k < chars.length; k++) {
                chars[k] = r.nextInt(10) == 0 ? (char) r.nextInt(0x10000) : (char) (r.nextInt(95) + 32);
            }
            onlyTursoExceptions(new String(chars), failures);
            byte[] bytes = new byte[r.nextInt(40)];
            r.nextBytes(bytes);
            onlyTursoExceptions(new String(bytes, StandardCharsets.UTF_8), failures);
        }
        if (!failures.isEmpty()) {
            fail("seed " + seed + ": " + failures.size() + " failures:\n"
                    + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        }
    }

    @Test
    void randomInputRaisesOnlyTursoExceptions() {
        run(20261121L, 20_000);
        run(seed(), 5_000);
    }

    private static final String[] ATOMS = {"1", "2.5", "NULL", "'s'", "a", "b", "t1.a", "?", "x'01'", "abs(a)",
        "(SELECT 1)", "CAST(a AS TEXT)", "CURRENT_DATE", "(a, b)"};
    private static final String[] BINARY = {"+", "-", "*", "/", "%", "||", "=", "==", "<>", "!=", "<", "<=", ">",
        ">=", "AND", "OR", "IS", "IS NOT", "&", "|", "<<", ">>", "->", "->>", "IS DISTINCT FROM", "LIKE", "GLOB"};
    private static final String[] POSTFIX = {"ISNULL", "NOTNULL", "NOT NULL", "IN (1, 2)", "NOT IN (SELECT 1)",
        "IN t2", "COLLATE NOCASE", "ESCAPE 'x'", "BETWEEN 1 AND 2", "NOT BETWEEN a AND b"};
    private static final String[] PREFIX = {"NOT ", "-", "+", "~", "EXISTS ", "CASE WHEN 1 THEN "};

    private static String randomExpr(Random r, int depth) {
        if (depth == 0) {
            return ATOMS[r.nextInt(ATOMS.length)];
        }
        return switch (r.nextInt(8)) {
            case 0, 1, 2 -> randomExpr(r, depth - 1) + " " + BINARY[r.nextInt(BINARY.length)] + " "
                    + randomExpr(r, depth - 1);
            case 3 -> randomExpr(r, depth - 1) + " " + POSTFIX[r.nextInt(POSTFIX.length)];
            case 4 -> PREFIX[r.nextInt(PREFIX.length)] + randomExpr(r, depth - 1);
            case 5 -> "(" + randomExpr(r, depth - 1) + ")";
            case 6 -> randomExpr(r, depth - 1) + " " + POSTFIX[r.nextInt(POSTFIX.length)] + " "
                    + BINARY[r.nextInt(BINARY.length)] + " " + randomExpr(r, depth - 1);
            default -> "CASE " + randomExpr(r, depth - 1) + " WHEN 1 THEN 2 END";
        };
    }

    @Test
    void randomExpressionsAreJudgedAsSqliteJudgesThem() throws Exception {
        long seed = 7L;
        Random r = new Random(seed);
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        try (Sqlite sqlite = new Sqlite()) {
            sqlite.prepare("CREATE TABLE IF NOT EXISTS t1(a, b)");
            for (int i = 0; i < 3000; i++) {
                String sql = "SELECT " + randomExpr(r, 1 + r.nextInt(3)) + " FROM t1";
                String expected = sqlite.prepare(sql);
                String actual = null;
                try {
                    SqlParser.parseFirst(sql);
                } catch (TursoException e) {
                    actual = e.getMessage();
                }
                if (expected == null) {
                    accepted++;
                }
                boolean sqliteParseError = Sqlite.isParseError(expected);
                if (sqliteParseError ? !expected.equals(actual) : actual != null) {
                    failures.add(sql + "\n   sqlite: " + expected + "\n   ours:   " + actual);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " disagreements:\n" + String.join("\n", failures.subList(0,
                    Math.min(30, failures.size()))));
        }
        assertEquals(true, accepted > 500, "accepted " + accepted);
    }
}
