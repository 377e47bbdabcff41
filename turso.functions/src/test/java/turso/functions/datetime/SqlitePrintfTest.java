/*
 * strftime's two number formats against SQLite 3.40's printf itself
 * (printf-3.40.txt, made with the sqlite3 3.40.1 CLI from values computed as
 * N / D in doubles, exactly as in Java): thousands of Julian days through
 * "%.16g" and of seconds through "%06.3f", where the long-double rounding
 * decides the last digit.
 */
package turso.functions.datetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlitePrintfTest {

    @Test
    void formatsAsSqlite340() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String line : DateTimeDifferentialTest.lines("printf-3.40.txt")) {
            String[] parts = line.split("\t");
            double v = Long.parseLong(parts[1]) / (double) Long.parseLong(parts[2]);
            String ours = parts[0].equals("g") ? SqlitePrintf.generic16(v) : SqlitePrintf.fixed3(v);
            checked++;
            if (!ours.equals(parts[3])) {
                failures.add(line + " -> ours " + ours);
            }
        }
        assertTrue(checked > 7000, "fixture size " + checked);
        assertEquals(List.of(), failures);
    }
}
