/*
 * RealFormat.generic against sqlite3 3.40's own printf('%!.Ng', x) for many
 * precisions: the doubles are built from integers in both places (random
 * mantissa times a power of two, an IEEE product, so both sides hold the
 * same bits), including subnormals, values near overflow and whole numbers.
 */
package turso.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RealFormatTest {

    private static final int[] PRECISIONS = {1, 2, 6, 10, 15, 17, 20, 25, 30};

    @Test
    void sameDigitsAsSqlite3Printf() throws Exception {
        Assumptions.assumeTrue(SqliteCli.available(), "the sqlite3 program is needed as the reference");
        Random random = new Random(7);
        List<long[]> values = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            long mantissa = switch (i % 3) {
                case 0 -> random.nextLong() >>> 11;
                case 1 -> random.nextInt(1000000);
                default -> (random.nextLong() >>> 11) | 1;
            };
            int power = switch (i % 4) {
                case 0 -> random.nextInt(2150) - 1126;
                case 1 -> random.nextInt(200) - 100;
                case 2 -> random.nextInt(20) - 60;
                default -> random.nextInt(40) + 960;
            };
            values.add(new long[] {random.nextBoolean() ? mantissa : -mantissa, power});
        }
        StringBuilder script = new StringBuilder(".mode list\n");
        for (long[] v : values) {
            script.append("SELECT ");
            for (int p = 0; p < PRECISIONS.length; p++) {
                script.append(p == 0 ? "" : ", ").append("printf('%!.").append(PRECISIONS[p]).append("g', ")
                        .append(v[0]).append(" * pow(2.0, ").append(v[1]).append("))");
            }
            script.append(";\n");
        }
        SqliteCli.Output reference = SqliteCli.run(List.of("-batch"), script.toString());
        assertEquals("", reference.stderr());
        String[] lines = new String(reference.stdout(), StandardCharsets.US_ASCII).split("\n");
        assertEquals(values.size(), lines.length);
        int differing = 0;
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i)[0] * Math.pow(2.0, values.get(i)[1]);
            List<String> ours = new ArrayList<>();
            for (int precision : PRECISIONS) {
                ours.add(RealFormat.generic(value, precision));
            }
            String line = String.join("|", ours);
            if (!line.equals(lines[i]) && differing++ < 5) {
                shown.append('\n').append(values.get(i)[0]).append(" * 2^").append(values.get(i)[1])
                        .append("\nsqlite3: ").append(lines[i]).append("\nours:    ").append(line);
            }
        }
        assertEquals(0, differing, differing + " values differ:" + shown);
    }
}
