/*
 * Every statement of the shared sqllogictest sample (../../shared/sqllogictest
 * from this module) parses, except those the files reserve for other engines
 * (skipif sqlite / onlyif other). A "statement error" that we reject must be
 * one SQLite rejects with the same message. By default statements that differ
 * only in the table number (tab0 ... tab4) are parsed once; -Dturso.long=true
 * parses every distinct text.
 */
package turso.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import turso.api.TursoException;

class SqlLogicTestCorpusTest {

    private static final Path ROOT = Path.of("../../shared/sqllogictest");

    record Record(Path file, int line, String sql, boolean expectError) {
    }

    static List<Record> records() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(ROOT)) {
            files = s.filter(p -> p.toString().endsWith(".test")).sorted().toList();
        }
        List<Record> out = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            boolean skip = false;
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.startsWith("#")) {
                    continue;
                }
                if (l.isEmpty()) {
                    skip = false;
                    continue;
                }
                String[] words = l.split("\\s+");
                if ((words[0].equals("skipif") || words[0].equals("onlyif")) && words.length > 1) {
                    boolean sqlite = words[1].equalsIgnoreCase("sqlite");
                    skip |= words[0].equals("skipif") == sqlite;
                    continue;
                }
                if (!words[0].equals("statement") && !words[0].equals("query")) {
                    continue;
                }
                int start = i + 1;
                StringBuilder sql = new StringBuilder();
                int j = start;
                for (; j < lines.size(); j++) {
                    String x = lines.get(j);
                    if (x.isBlank() || x.equals("----")) {
                        break;
                    }
                    if (x.startsWith("#")) {
                        continue;
                    }
                    if (!sql.isEmpty()) {
                        sql.append('\n');
                    }
                    sql.append(x);
                }
                if (!skip) {
                    boolean error = words[0].equals("statement") && words.length > 1 && words[1].equals("error");
                    out.add(new Record(f, start, sql.toString(), error));
                }
                skip = false;
                i = j;
                while (i + 1 < lines.size() && !lines.get(i + 1).isBlank()) {
                    i++;
                }
            }
        }
        return out;
    }

    @Test
    void everyStatementParses() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(ROOT), "no sqllogictest folder at " + ROOT.toAbsolutePath());
        List<Record> records = records();
        Set<String> seen = new HashSet<>();
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        try (Sqlite sqlite = new Sqlite()) {
            for (Record r : records) {
                String key = Boolean.getBoolean("turso.long") ? r.sql() : r.sql().replaceAll("tab[0-9]+", "tab");
                if (!seen.add(key)) {
                    continue;
                }
                try {
                    SqlParser.parse(r.sql());
                    parsed++;
                } catch (TursoException e) {
                    String lite = r.expectError() ? sqlite.prepare(r.sql()) : null;
                    if (!e.getMessage().equals(lite)) {
                        failures.add(r.file().getFileName() + ":" + r.line() + ": " + r.sql() + " -> "
                                + e.getMessage() + " (SQLite: " + lite + ")");
                    }
                }
            }
        }
        System.out.println("sqllogictest: " + seen.size() + " distinct statements, " + parsed + " parsed");
        if (!failures.isEmpty()) {
            fail(failures.size() + " failures:\n" + String.join("\n", failures.subList(0, Math.min(50,
                    failures.size()))));
        }
        assertTrue(seen.size() > 1000);
    }
}
