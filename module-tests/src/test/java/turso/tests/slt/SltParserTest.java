/*
 * The parser on small scripts written to the format's rules: separators,
 * comments inside records, CRLF, conditions, header words beyond the
 * fourth, and the line numbers failures will be reported at.
 */
package turso.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SltParserTest {

    @Test
    void recordsWithTheirLines() {
        String script = """
                # a comment before anything
                hash-threshold 8

                statement ok
                CREATE TABLE t1(a INTEGER,
                # a comment inside a record does not end it
                  b TEXT)


                query IT rowsort label-1 extra words
                SELECT a, b
                  FROM t1
                ----
                1
                x

                statement error
                SELECT nosuch
                """;
        List<SltRecord> records = SltParser.parse(script);
        assertEquals(4, records.size());
        SltRecord.HashThreshold h = assertInstanceOf(SltRecord.HashThreshold.class, records.get(0));
        assertEquals(2, h.line());
        assertEquals(8, h.threshold());
        SltRecord.Statement create = assertInstanceOf(SltRecord.Statement.class, records.get(1));
        assertEquals(4, create.line());
        assertTrue(create.expectOk());
        assertEquals("CREATE TABLE t1(a INTEGER,\n  b TEXT)", create.sql());
        SltRecord.Query q = assertInstanceOf(SltRecord.Query.class, records.get(2));
        assertEquals(10, q.line());
        assertEquals("IT", q.types());
        assertEquals(SortMode.ROWSORT, q.sortMode());
        assertEquals("label-1", q.label());
        assertEquals("SELECT a, b\n  FROM t1", q.sql());
        assertEquals(List.of("1", "x"), q.expected());
        SltRecord.Statement error = assertInstanceOf(SltRecord.Statement.class, records.get(3));
        assertEquals(17, error.line());
        assertFalse(error.expectOk());
    }

    @Test
    void crlfAndWhitespaceOnlySeparators() {
        String script = "query I nosort\r\nSELECT 1\r\n----\r\n1\r\n   \t\r\nquery I\r\nSELECT 2\r\n----\r\n2\r\n";
        List<SltRecord> records = SltParser.parse(script);
        assertEquals(2, records.size());
        SltRecord.Query first = assertInstanceOf(SltRecord.Query.class, records.get(0));
        assertEquals("SELECT 1", first.sql());
        assertEquals(List.of("1"), first.expected());
        SltRecord.Query second = assertInstanceOf(SltRecord.Query.class, records.get(1));
        assertEquals(6, second.line());
        assertEquals(SortMode.NOSORT, second.sortMode());
        assertNull(second.label());
    }

    @Test
    void conditionsAndHalt() {
        String script = """
                onlyif mysql # a comment after the engine name
                halt

                skipif MySQL
                onlyif SQLite
                statement ok
                SELECT 1

                skipif sqlite
                query I valuesort
                SELECT 1
                ----
                1
                """;
        List<SltRecord> records = SltParser.parse(script);
        SltRecord.Halt halt = assertInstanceOf(SltRecord.Halt.class, records.get(0));
        assertEquals(2, halt.line());
        assertFalse(halt.runs());
        SltRecord.Statement s = assertInstanceOf(SltRecord.Statement.class, records.get(1));
        assertEquals(6, s.line());
        assertEquals(2, s.conditions().size());
        assertTrue(s.runs());
        SltRecord.Query q = assertInstanceOf(SltRecord.Query.class, records.get(2));
        assertEquals(SortMode.VALUESORT, q.sortMode());
        assertFalse(q.runs());
    }

    @Test
    void malformedRecordsAreKeptWithTheirLine() {
        String script = """
                statement maybe
                SELECT 1

                query X
                SELECT 1
                ----
                1

                query I
                SELECT 1

                frobnicate

                skipif mysql
                """;
        List<SltRecord> records = SltParser.parse(script);
        assertEquals(5, records.size());
        assertEquals(List.of(1, 4, 9, 12, 14), records.stream().map(SltRecord::line).toList());
        records.forEach(r -> assertInstanceOf(SltRecord.Malformed.class, r));
    }
}
