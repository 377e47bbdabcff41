/*
 * The ".dump" round trip: a database built by our shell is dumped; sqlite3
 * loads that dump and dumps it again, and so does our shell; all three dumps
 * are identical (same schema text, same values, byte for byte). Skipped when
 * sqlite3 is not installed.
 */
package turso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpRoundTripTest {

    private static final String BUILD = """
            CREATE TABLE "order"(id INTEGER PRIMARY KEY, "select" TEXT, amount REAL DEFAULT 0.0, note /* c */ TEXT, data BLOB);
            CREATE TABLE plain(x, y);
            CREATE TABLE cm(a) -- trailing comment
            ;
            CREATE TABLE "weird ""name""\"(v);
            INSERT INTO "order" VALUES(1, 'it''s', 1.5, 'line1
            line2', x'0001ff'), (2, NULL, -0.0, 'tab	here', NULL), (3, 'ünïcödé 漢字 😀', 1e300, '', x'');
            INSERT INTO "order" VALUES(4, 'cr' || char(13) || 'lf' || char(10), 9223372036854775807, '\\n', -9223372036854775808);
            INSERT INTO plain VALUES(1, 2), ('a', NULL), (3.25, x'41'), (0.1, 1e-300), (100.0, -2.5e10), (1e15, 1.0/3);
            INSERT INTO cm VALUES(1);
            INSERT INTO "weird ""name""\" VALUES('x');
            """;

    @TempDir
    Path temp;

    @Test
    void dumpLoadsIntoSqlite3AndDumpsTheSame() throws IOException {
        assumeTrue(ScriptRun.sqlite3Available(), "the sqlite3 CLI is not installed");
        ScriptRun.Output ours = ScriptRun.turso(BUILD + ".dump\n", dir("build"));
        assertEquals("", ours.stderr());
        assertTrue(ours.stdout().contains("INSERT INTO \"weird \"\"name\"\"\" VALUES('x');"), ours.stdout());

        ScriptRun.Output sqlite3 = ScriptRun.sqlite3(ours.stdout() + ".dump\n", dir("sqlite3"));
        assertEquals("", sqlite3.stderr());
        assertEquals(ours.stdout(), sqlite3.stdout(), "sqlite3's dump of our dump");

        ScriptRun.Output again = ScriptRun.turso(ours.stdout() + ".dump\n", dir("again"));
        assertEquals("", again.stderr());
        assertEquals(ours.stdout(), again.stdout(), "our dump of our dump");
    }

    private Path dir(String name) throws IOException {
        return ScriptRun.workDirectory(temp, name);
    }
}
