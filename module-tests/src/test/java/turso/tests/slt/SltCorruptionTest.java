/*
 * Proof that the runner can fail: copies of sample files with one expected
 * value changed, one hash changed, one column type dropped and one
 * "statement error" (whose SQL fails) turned into "statement ok" must fail
 * exactly those records, at their file:line, and pass all the others.
 */
package turso.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SltCorruptionTest {

    @TempDir
    Path dir;

    private final SltRunner runner = new SltRunner(new SqliteJdbcEngine(), 100);

    @Test
    void corruptedExpectationsFailAtTheirLines() throws IOException {
        Path original = SampleFolder.get().resolve("select1.test");
        List<String> lines = new ArrayList<>(Files.readAllLines(original));
        FileResult clean = runner.run(original);
        assertEquals(0, clean.failed());

        // A query whose expected block is values (not a hash): change its first value.
        int valueQuery = findQuery(lines, false, 0);
        int valueLine = lines.subList(valueQuery, lines.size()).indexOf("----") + valueQuery + 1;
        lines.set(valueLine, lines.get(valueLine) + "1");
        // A query whose expected block is a hash: change one hex digit.
        int hashQuery = findQuery(lines, true, 0);
        int hashLine = lines.subList(hashQuery, lines.size()).indexOf("----") + hashQuery + 1;
        String hash = lines.get(hashLine);
        char last = hash.charAt(hash.length() - 1);
        lines.set(hashLine, hash.substring(0, hash.length() - 1) + (last == '0' ? '1' : '0'));
        // Another query: one column type fewer than its columns.
        int typesQuery = findQuery(lines, true, hashQuery + 1);
        String[] header = lines.get(typesQuery).split(" ");
        assertTrue(header[1].length() > 1);
        header[1] = header[1].substring(1);
        lines.set(typesQuery, String.join(" ", header));

        Path corrupted = dir.resolve("select1.test");
        Files.write(corrupted, lines);
        FileResult r = runner.run(corrupted);
        assertEquals(3, r.failed());
        assertEquals(clean.passed() - 3, r.passed());
        assertEquals(Set.of(corrupted + ":" + (valueQuery + 1), corrupted + ":" + (hashQuery + 1),
                        corrupted + ":" + (typesQuery + 1)),
                r.failures().stream().map(Failure::location).collect(Collectors.toCollection(TreeSet::new)));
        Failure value = byLine(r, valueQuery + 1);
        assertEquals("wrong result", value.reason());
        assertEquals(lines.get(valueLine), value.expected().getFirst());
        assertEquals(lines.get(valueLine).substring(0, lines.get(valueLine).length() - 1), value.got().getFirst());
        Failure hashed = byLine(r, hashQuery + 1);
        assertEquals(List.of(hash), hashed.got());
        assertTrue(byLine(r, typesQuery + 1).reason().startsWith("wrong number of result columns"));
    }

    @Test
    void aStatementOkThatFailsIsReported() throws IOException {
        Path original = SampleFolder.get().resolve("evidence/in2.test");
        List<String> lines = new ArrayList<>(Files.readAllLines(original));
        int statement = lines.indexOf("statement error");
        assertTrue(statement >= 0);
        lines.set(statement, "statement ok");
        Path corrupted = dir.resolve("in2.test");
        Files.write(corrupted, lines);
        FileResult clean = runner.run(original);
        FileResult r = runner.run(corrupted);
        assertEquals(0, clean.failed());
        assertEquals(1, r.failed());
        assertEquals(clean.passed() - 1, r.passed());
        Failure f = r.failures().getFirst();
        assertEquals(corrupted + ":" + (statement + 1), f.location());
        assertEquals("statement failed", f.reason());
        assertEquals(lines.get(statement + 1), f.sql());
    }

    /** The 0-based line of the first "query" header at or after {@code from} whose expected block is (or is not) a hash. */
    private static int findQuery(List<String> lines, boolean hashed, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith("query ") && !lines.get(i - 1).startsWith("skipif")
                    && !lines.get(i - 1).startsWith("onlyif")) {
                int mark = lines.subList(i, lines.size()).indexOf("----") + i;
                if (lines.get(mark + 1).contains("values hashing to") == hashed) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("no such query in the file");
    }

    private static Failure byLine(FileResult r, int line) {
        return r.failures().stream().filter(f -> f.line() == line).findFirst().orElseThrow();
    }
}
