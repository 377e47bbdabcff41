/*
 * isComplete() against sqlite3_complete(): the expected answers were produced
 * by SQLite 3.40 through Python's sqlite3.complete_statement (which calls it)
 * when this fixture was written. split() is checked on the same inputs.
 */
package turso.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    private static final Object[][] COMPLETE = {
        {"", false}, {";", true}, {"SELECT 1", false}, {"SELECT 1;", true}, {"SELECT 1; ", true},
        {"SELECT 1; -- c", true}, {"SELECT 1 /* x", false}, {"SELECT 1; /* x", false}, {"SELECT 'a;", false},
        {"SELECT 'a;';", true}, {"SELECT \"a;\";", true}, {"SELECT [a;];", true}, {"SELECT `a;`;", true},
        {"CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1;", false},
        {"CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END;", true},
        {"CREATE TEMP TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END", false},
        {"CREATE TEMP TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END;", true},
        {"EXPLAIN CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END;", true},
        {"EXPLAIN CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1;", false},
        {"CREATE TABLE trigger(a);", true}, {"SELECT end;", true},
        {"create trigger t after insert on x begin select 1; end ;", true}, {"SELECT 1;;", true},
        {"-- only comment", false}, {"SELECT 1 -- c;", false}, {"SELECT 1; SELECT 2", false},
        {"CREATE TRIGGER t BEGIN SELECT 1; END; SELECT 2;", true},
    };

    @Test
    void isCompleteAgreesWithSqlite3Complete() {
        for (Object[] c : COMPLETE) {
            assertEquals(c[1], SqlScript.isComplete((String) c[0]), (String) c[0]);
        }
    }

    @Test
    void splitCutsAtStatementEnds() {
        List<SqlScript.Piece> pieces = SqlScript.split(
                "SELECT 1; -- one\n SELECT ';' ;;CREATE TRIGGER g AFTER INSERT ON t BEGIN SELECT 1; SELECT 2; END;"
                        + " /* c */ SELECT [a;b], \"c;d\"; SELECT 'open");
        assertEquals(List.of("SELECT 1;", "SELECT ';' ;",
                "CREATE TRIGGER g AFTER INSERT ON t BEGIN SELECT 1; SELECT 2; END;", "SELECT [a;b], \"c;d\";",
                "SELECT 'open"), pieces.stream().map(SqlScript.Piece::sql).toList());
        assertTrue(pieces.get(3).complete());
        assertFalse(pieces.get(4).complete());
        for (SqlScript.Piece p : pieces.subList(0, 4)) {
            assertEquals(1, SqlParser.parse(p.sql()).size(), p.sql());
        }
    }

    @Test
    void parseFirstReportsTheTail() {
        String sql = "  ; SELECT 1;  SELECT 2; garbage";
        ParsedStatement first = SqlParser.parseFirst(sql);
        assertEquals("  SELECT 2; garbage", sql.substring(first.tailOffset()));
        ParsedStatement second = SqlParser.parseFirst(sql.substring(first.tailOffset()));
        assertEquals(" garbage", "  SELECT 2; garbage".substring(second.tailOffset()));
        ParsedStatement none = SqlParser.parseFirst("  ;; -- nothing");
        assertEquals(null, none.statement());
        assertEquals(2, SqlParser.parse("SELECT 1; SELECT 2").size());
    }
}
