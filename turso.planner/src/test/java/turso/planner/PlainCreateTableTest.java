/*
 * The schema loader's fast CREATE TABLE reader against the full parser:
 * every text it accepts must give the AST the full parser gives, spans
 * included (the AST's own equals ignores spans), and every text outside its
 * plain form must be left to the full parser (null), so that what a schema
 * means and the errors a malformed one reports stay the full parser's.
 */
package turso.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import turso.parser.SqlParser;
import turso.parser.ast.Span;
import turso.parser.ast.Stmt;

class PlainCreateTableTest {

    private static final List<String> PLAIN = List.of(
            "CREATE TABLE t1 (id INTEGER PRIMARY KEY, a INTEGER, b VARCHAR(40), c DOUBLE)",
            "CREATE TABLE t(a)",
            "create table T ( a , b )",
            "CREATE TABLE t(a INT, b TEXT NOT NULL, c BLOB UNIQUE, d REAL NULL)",
            "CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, x)",
            "CREATE TABLE t(id INTEGER PRIMARY KEY DESC, x)",
            "CREATE TABLE t(id integer primary key asc autoincrement not null unique)",
            "CREATE TABLE \"my table\"(\"a\"\"b\" INT, [c d] TEXT, `e``f` NUMERIC(10, 2))",
            "CREATE TABLE t(a DECIMAL(-5), b FLOAT(+3), c UNSIGNED BIG INT, d DOUBLE   PRECISION)",
            "CREATE TABLE t(a NATIVE CHARACTER(70) NOT NULL)",
            "CREATE TABLE t(\n  a INT,\n\tb TEXT\n)\n",
            "CREATE TABLE t(a PRIMARY KEY, b UNIQUE NOT NULL)",
            "CREATE TABLE x_$1(_a1 INT, b$ TEXT)",
            "CREATE TABLE t(a INT(5 , 7))");

    private static final List<String> OTHER = List.of(
            "CREATE TABLE t(a INT DEFAULT 0)",
            "CREATE TABLE t(a INT, PRIMARY KEY(a))",
            "CREATE TABLE t(a INT CHECK (a > 0))",
            "CREATE TABLE t(a INT) WITHOUT ROWID",
            "CREATE TABLE t(a INT) STRICT",
            "CREATE TEMP TABLE t(a)",
            "CREATE TABLE IF NOT EXISTS t(a)",
            "CREATE TABLE main.t(a)",
            "CREATE TABLE t(a INT PRIMARY KEY ON CONFLICT REPLACE)",
            "CREATE TABLE t(a INT NOT NULL ON CONFLICT IGNORE)",
            "CREATE TABLE t(a INT CONSTRAINT nn NOT NULL)",
            "CREATE TABLE t(a INT COLLATE NOCASE)",
            "CREATE TABLE t(a INT REFERENCES p(id))",
            "CREATE TABLE t(a INT, b INT GENERATED ALWAYS AS (a + 1))",
            "CREATE TABLE t(a INT, b INT AS (a + 1) STORED)",
            "CREATE TABLE t(a INT GENERATED ALWAYS)",
            "CREATE TABLE t(a INT) -- comment",
            "CREATE TABLE t(/* c */ a INT)",
            "CREATE TABLE t AS SELECT 1",
            "CREATE TABLE t('a' INT)",
            "CREATE TABLE t(a 'text')",
            "CREATE TABLE t(key INT)",
            "CREATE TABLE t(a INT, b)x",
            "CREATE TABLE t(a INT);",
            "CREATE TABLE t(a DECIMAL(1.5))",
            "CREATE TABLE t(a DECIMAL(0x10))",
            "CREATE TABLE t(a DECIMAL(1e3))",
            "CREATE TABLE t(é INT)",
            "CREATE TABLE t(\"\" INT)",
            "CREATE TABLE t(a INT,)",
            "CREATE TABLE t()",
            "CREATE TABLE t(a INT(5,))",
            "CREATE TABLE t(a INT PRIMARY)",
            "CREATE TABLE t(a INT NOT)",
            "CREATE TABLE t(a INT",
            "CREATE TABLE t(a \"INT)",
            "CREATE TABLE t(a [INT)",
            "CREATE VIEW v AS SELECT 1",
            "CREATE INDEX i ON t(a)",
            "CREATE TABLE t(a INT) , STRICT");

    @Test
    void plainTextsGiveTheFullParsersTree() {
        for (String sql : PLAIN) {
            Stmt.CreateTable fast = PlainCreateTable.read(sql);
            assertNotNull(fast, sql);
            assertSame(SqlParser.parseOne(sql), fast, sql);
        }
    }

    @Test
    void otherTextsAreLeftToTheFullParser() {
        for (String sql : OTHER) {
            assertNull(PlainCreateTable.read(sql), sql);
        }
    }

    /** Random column lists of the plain form (and some that leave it) compared with the full parser. */
    @Test
    void randomTexts() {
        Random r = new Random(42);
        String[] words = {"a", "b1", "Name", "x_y", "\"q w\"", "[br]", "`bt`", "INTEGER", "TEXT", "VARCHAR(10)",
            "NUMERIC(5,2)", "BIG INT", "PRIMARY KEY", "PRIMARY KEY DESC", "PRIMARY KEY AUTOINCREMENT", "NOT NULL",
            "NULL", "UNIQUE", "DEFAULT 1", "CHECK(a)", ",", "(", ")", "ASC", "KEY", "-", "+5"};
        int plain = 0;
        for (int i = 0; i < 6_000; i++) {
            StringBuilder sb = new StringBuilder("CREATE TABLE t" + i + " (");
            int n = 1 + r.nextInt(8);
            for (int k = 0; k < n; k++) {
                sb.append(k == 0 ? "" : r.nextInt(5) == 0 ? "," : ", ").append("c").append(k);
                int m = r.nextInt(4);
                for (int j = 0; j < m; j++) {
                    sb.append(r.nextInt(3) == 0 ? "  " : " ").append(words[r.nextInt(words.length)]);
                }
            }
            sb.append(r.nextInt(10) == 0 ? "" : ")");
            String sql = sb.toString();
            Stmt full;
            try {
                full = SqlParser.parseOne(sql);
            } catch (RuntimeException e) {
                assertNull(PlainCreateTable.read(sql), sql);
                continue;
            }
            Stmt.CreateTable fast = PlainCreateTable.read(sql);
            if (fast != null) {
                plain++;
                assertSame(full, fast, sql);
            }
        }
        assertEquals(true, plain > 300, "plain texts seen: " + plain);
    }

    /** Deep equality of two ASTs, spans compared by their offsets. */
    private static void assertSame(Object expected, Object actual, String where) {
        if (expected instanceof Span e && actual instanceof Span a) {
            assertEquals(e.start() + "-" + e.end(), a.start() + "-" + a.end(), where);
            return;
        }
        if (expected == null || actual == null || !expected.getClass().isRecord()) {
            if (expected instanceof List<?> le && actual instanceof List<?> la) {
                assertEquals(le.size(), la.size(), where);
                for (int i = 0; i < le.size(); i++) {
                    assertSame(le.get(i), la.get(i), where);
                }
                return;
            }
            assertEquals(expected, actual, where);
            if (expected instanceof turso.parser.ast.SourceText e) {
                assertEquals(e.text(), ((turso.parser.ast.SourceText) actual).text(), where);
            }
            return;
        }
        assertEquals(expected.getClass(), actual.getClass(), where);
        for (RecordComponent c : expected.getClass().getRecordComponents()) {
            try {
                assertSame(c.getAccessor().invoke(expected), c.getAccessor().invoke(actual), where + " / " + c.getName());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }
}
