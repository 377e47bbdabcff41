package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import turso.tests.differential.CaseRunner;
import turso.tests.differential.CorpusFile;
import turso.tests.differential.DiffCase;

/**
 * The differential corpus (src/test/resources/differential, format in
 * docs/TESTING.md): one dynamic test per case, named file:line, run on
 * sqlite-jdbc and on this engine. A case marked @skip is reported skipped; a
 * case marked @known is reported skipped with its note while it still
 * differs, and fails once it no longer does (remove the mark then).
 */
class DifferentialCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/differential");

    @AfterAll
    static void dropSharedDatabases() {
        CaseRunner.closeShared();
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        List<DiffCase> cases = CorpusFile.readAll(CORPUS);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.title(), () -> run(c)));
    }

    private static void run(DiffCase c) {
        Assumptions.assumeFalse(c.mark() == DiffCase.Mark.SKIP, () -> "skipped: " + c.reason());
        String difference = CaseRunner.difference(c);
        if (c.mark() == DiffCase.Mark.KNOWN) {
            if (difference == null) {
                fail("marked @known (" + c.reason() + ") but both engines now agree: remove the mark");
            }
            Assumptions.abort("known difference: " + c.reason() + "\n" + difference);
        }
        assertNull(difference, () -> c.file() + ":" + c.line() + "\n" + difference);
    }

    @Test
    void corpusHoldsTheCasesTheDocumentationAsksFor() throws IOException {
        List<DiffCase> cases = CorpusFile.readAll(CORPUS);
        long known = cases.stream().filter(c -> c.mark() == DiffCase.Mark.KNOWN).count();
        System.out.println("differential corpus: " + cases.size() + " cases, " + known + " known differences");
        assertTrue(cases.size() >= 2000, "at least 2 000 cases: " + cases.size());
    }

    @Test
    void formatExpandsMatricesAndKeepsMarks() {
        List<DiffCase> cases = CorpusFile.parse("m.test", List.of(
                "@setup", "CREATE TABLE t(a);", "@end",
                "SELECT 1;",
                "@matrix",
                "SELECT $f($v);",
                "$f: abs | length",
                "$v: 1 | 'a b' | NULL",
                "@known SELECT length(NULL); ## a note",
                "@end",
                "@skip why",
                "@case",
                "INSERT INTO t VALUES (1);",
                "SELECT a",
                "FROM t;",
                "@end"));
        assertEquals(8, cases.size());
        assertEquals(List.of("CREATE TABLE t(a);"), cases.get(0).setup());
        assertEquals(List.of("SELECT abs('a b');"), cases.get(2).statements());
        assertEquals(DiffCase.Mark.KNOWN, cases.get(6).mark());
        assertEquals("a note", cases.get(6).reason());
        assertEquals(DiffCase.Mark.RUN, cases.get(5).mark());
        assertEquals(List.of("INSERT INTO t VALUES (1);", "SELECT a\nFROM t;"), cases.get(7).statements());
        assertEquals(DiffCase.Mark.SKIP, cases.get(7).mark());
        assertEquals(12, cases.get(7).line());
        assertNotNull(assertThrows(IllegalArgumentException.class,
                () -> CorpusFile.parse("bad.test", List.of("@matrix", "SELECT $x;", "@end"))).getMessage());
    }

    @Test
    void aDifferenceIsReportedWithBothAnswers() {
        String difference = CaseRunner.difference(new DiffCase("x.test", 1, List.of(),
                List.of("CREATE TABLE t(a INTEGER)", "INSERT INTO t VALUES ('1'), (2.0), (x'00')",
                        "SELECT a, typeof(a) FROM t"),
                DiffCase.Mark.RUN, null));
        assertNull(difference);
        String different = CaseRunner.difference(new DiffCase("x.test", 1, List.of(),
                List.of("SELECT sqlite_version() LIKE '3.54%'"), DiffCase.Mark.RUN, null));
        assertNotNull(different, "this engine reports the SQLite version it matches, not 3.54");
        assertTrue(different.contains("SQLite: 1 row") && different.contains("integer 1"), different);
    }
}
