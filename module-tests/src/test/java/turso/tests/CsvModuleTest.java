package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import turso.api.Connection;
import turso.api.Database;

/**
 * The csv virtual table module against SQLite's own (ext/misc/csv.c).
 * Neither sqlite-jdbc nor the sqlite3 CLI has it built in, so the expected
 * results (src/test/resources/csv/expected.txt) were produced by the sqlite3
 * 3.40.1 CLI with csv.c compiled as a loadable extension; with
 * -Dturso.csv.extension=/path/to/csv.so the test asks that CLI live instead
 * and rewrites the file. Each case is a script (CREATE VIRTUAL TABLE, then
 * queries) over the CSV files in src/test/resources/csv or data= text:
 * header, columns=, schema=, quoting, CRLF, a byte order mark, ragged and
 * malformed rows, and the extension's parameter errors. Independently of
 * the extension, the values read from each well-formed file are compared
 * with what the CLI's .import stores for it.
 */
class CsvModuleTest {

    private static final Path DIR = Path.of("src/test/resources/csv");
    private static final Path EXPECTED = DIR.resolve("expected.txt");
    private static final String EXTENSION = System.getProperty("turso.csv.extension");

    private static String file(String name) {
        return DIR.resolve(name).toString();
    }

    private static List<String> cases() {
        String people = file("people.csv");
        String ragged = file("ragged.csv");
        String malformed = file("malformed.csv");
        List<String> c = new ArrayList<>();
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(filename='" + people + "', header=yes);\n"
                + "SELECT rowid, id, name, city, hex(note) FROM t;\n"
                + "SELECT name, type, pk FROM pragma_table_info('t');");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(filename='" + people + "');\n"
                + "SELECT rowid, c0, c1, c2, hex(c3) FROM t;\nSELECT name FROM pragma_table_info('t');");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(filename = \"" + people + "\", header = ON, columns = 2);\n"
                + "SELECT * FROM t;\nSELECT name FROM pragma_table_info('t');");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(filename='" + people + "', header=TRUE, columns=6);\n"
                + "SELECT id, name, c5, c6 FROM t;\nSELECT name FROM pragma_table_info('t');");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(filename='" + people + "', columns=3);\n"
                + "SELECT * FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(filename='" + people + "', header,"
                + " schema='CREATE TABLE x(a INT, b TEXT, c REAL)');\n"
                + "SELECT a, typeof(a), b, c, typeof(c) FROM t;\nSELECT name, type FROM pragma_table_info('t');");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='1,2,3\n4,5,6', schema='CREATE TABLE x(a, b, c, d, e)');\n"
                + "SELECT rowid, a, b, c, d, e FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='1,2,3\n4,5,6', schema='CREATE TABLE x(a)');\n"
                + "SELECT * FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(filename='" + file("bom.csv") + "', header=1);\n"
                + "SELECT * FROM t;\nSELECT name FROM pragma_table_info('t');");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(filename='" + file("bom.csv") + "');\n"
                + "SELECT rowid, * FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(filename='" + ragged + "');\n"
                + "SELECT rowid, c0, c1, c2, typeof(c1), typeof(c2) FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(filename='" + ragged + "', header=yes);\n"
                + "SELECT rowid, * FROM t;\nSELECT count(*), count(b), count(c) FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(filename='" + malformed + "', header=yes);\n"
                + "SELECT rowid, hex(x), hex(y) FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(filename='" + malformed + "', columns=3);\n"
                + "SELECT rowid, hex(c0), hex(c1), hex(c2) FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(filename='" + file("numbers.csv") + "', header=yes);\n"
                + "SELECT n, typeof(n), CAST(n + 0 AS TEXT), printf('%.3f', r * 2), t FROM t;\n"
                + "SELECT n FROM t WHERE n > 1 ORDER BY n;\nSELECT CAST(sum(n) AS TEXT), max(r), min(t) FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='a,b\n\"x\"\"y\",\"1,2\"\n,\n\"\",\"\"\n', header=yes);\n"
                + "SELECT rowid, a, typeof(a), b, typeof(b) FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='''quoted'',x\n1,2');\nSELECT * FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='a,\n1,');\nSELECT rowid, c0, typeof(c1) FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='a,b\n1,');\nSELECT rowid, c0, c1, typeof(c1) FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='');\nSELECT count(*) FROM t;\n"
                + "SELECT name FROM pragma_table_info('t');");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='', header=yes);\nSELECT count(*) FROM t;\n"
                + "SELECT name FROM pragma_table_info('t');");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='h1,h2\n', header=yes);\nSELECT count(*) FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='\"a\"\"b\",c d,\"e\"\"\"\n\"1\"\r\n2\r\n');\n"
                + "SELECT rowid, hex(c0), c1, c2 FROM t;\nSELECT name FROM pragma_table_info('t');");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='k,v\n1,one\n2,two\n3,three', header=yes);\n"
                + "CREATE TABLE n(k INTEGER PRIMARY KEY, w);\nINSERT INTO n VALUES (1, 'I'), (3, 'III');\n"
                + "SELECT t.k, v, w FROM t LEFT JOIN n ON n.k = t.k ORDER BY t.k DESC;\n"
                + "SELECT a.k, b.k FROM t a, t b WHERE a.k < b.k;\n"
                + "SELECT group_concat(v, '/') FROM t WHERE v LIKE 't%';");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='a\n1');\nINSERT INTO t VALUES ('2');\nSELECT * FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='a\n1');\nUPDATE t SET c0 = 'x';\nDELETE FROM t;\n"
                + "SELECT * FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='a\n1');\nDROP TABLE t;\nSELECT * FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='1', data='2');");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(filename='x', data='2');");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(header=yes);");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv();");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(FILENAME='x');");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='1', header=maybe);");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='1', header=no, header=no);");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='1', columns=0);");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='1', columns=abc);");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='1', columns=2, columns=3);");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='1,2,3', columns=' 2x');\nSELECT * FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='1', testflags=1);");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='1', schema='CREATE TABLE x(a)', schema='x');");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(filename='" + file("no-such-file.csv") + "');");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(filename='" + file("no-such-file.csv") + "', columns=2);\n"
                + "SELECT * FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data='a,b\n1,2', header=off);\nSELECT c0, c1 FROM t;");
        c.add("CREATE VIRTUAL TABLE temp.t USING csv(data = a,b);\nSELECT * FROM t;");
        return c;
    }

    @Test
    void matchesSqliteCsvExtension() throws IOException {
        List<String> cases = cases();
        Map<String, String> expected = EXTENSION != null ? live(cases) : fixture();
        List<String> failures = new ArrayList<>();
        for (String script : cases) {
            String want = expected.get(script);
            if (want == null) {
                failures.add("no expected result for:\n" + script + "\n(run with -Dturso.csv.extension=csv.so)");
                continue;
            }
            String got = ours(script);
            if (!want.equals(got)) {
                failures.add(script + "\nSQLite csv.c:\n" + want + "this engine:\n" + got);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " differ:\n\n"
                + String.join("\n\n", failures));
    }

    @ParameterizedTest
    @ValueSource(strings = {"people.csv", "bom.csv", "numbers.csv"})
    void readsWhatDotImportStores(String name) {
        String path = file(name);
        String imported = Sqlite340Rows.cli(".import --csv " + path + " t\nSELECT * FROM t;\n");
        String ours = ours("CREATE VIRTUAL TABLE temp.t USING csv(filename='" + path + "', header=yes);\n"
                + "SELECT * FROM t;");
        assertEquals(imported, ours, name);
    }

    /** The script's output here, as the CLI prints it: every query's rows, then every error. */
    private static String ours(String script) {
        StringBuilder rows = new StringBuilder();
        StringBuilder errors = new StringBuilder();
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            for (String sql : script.split(";\n")) {
                String out = Sqlite340Rows.quoted(c, sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
                (out.startsWith("Error: ") ? errors : rows).append(out);
            }
        }
        return rows.append(errors).toString();
    }

    private static Map<String, String> live(List<String> cases) throws IOException {
        Map<String, String> results = new LinkedHashMap<>();
        StringBuilder file = new StringBuilder("# CsvModuleTest's expected results: sqlite3 3.40.1 CLI with ext/misc/csv.c"
                + " loaded. script<TAB>output, with \\ and newlines escaped.\n");
        for (String script : cases) {
            String out = Sqlite340Rows.cli(".load " + EXTENSION + "\n" + script + "\n");
            results.put(script, out);
            file.append(escape(script)).append('\t').append(escape(out)).append('\n');
        }
        Files.writeString(EXPECTED, file, StandardCharsets.UTF_8);
        return results;
    }

    private static Map<String, String> fixture() throws IOException {
        Map<String, String> results = new LinkedHashMap<>();
        for (String line : Files.readAllLines(EXPECTED, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) {
                String[] f = line.split("\t", -1);
                results.put(unescape(f[0]), unescape(f[1]));
            }
        }
        return results;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
