/*
 * PragmaArguments read each argument text as SQLite does: the number SQLite
 * stores for "PRAGMA user_version = 'text'", the boolean it stores for
 * "PRAGMA foreign_keys = 'text'", and the level "PRAGMA synchronous =
 * 'text'" leads to, asked of sqlite-jdbc for each text.
 */
package turso.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class PragmaArgumentsTest {

    private static final List<String> TEXTS = List.of("0", "7", "-3", "abc", "4294967296", "2147483647",
            "2147483648", "-2147483648", "-2147483649", "1.7", "12abc", "0x10", "0X1f", "+5", "000000000000012",
            "0xffffffff", "0x7fffffff", "0x80000000", "0x", "-0x10", "+0x10", " 12", "", "-", "+", "00000000000",
            "12345678901", "1234567890", "0x000000001", "0x123456789", "1e3", "9", "١٢", "0x١", "0x1١");

    @Test
    void numbersAsUserVersionReadsThem() throws SQLException {
        try (Oracle sqlite = new Oracle(); Statement st = sqlite.connection().createStatement()) {
            for (String text : TEXTS) {
                st.execute("PRAGMA user_version = '" + text + "'");
                assertEquals(read(st, "PRAGMA user_version"), PragmaArguments.toInt32(text), text);
            }
        }
    }

    @Test
    void booleansAsForeignKeysReadsThem() throws SQLException {
        List<String> texts = List.of("on", "ON", "off", "yes", "No", "true", "FALSE", "1", "0", "2", "12abc",
                "full", "extra", "bogus", "", "-1", "0x1", "1.5", " on", "onn");
        try (Oracle sqlite = new Oracle(); Statement st = sqlite.connection().createStatement()) {
            for (String text : texts) {
                st.execute("PRAGMA foreign_keys = 1");
                st.execute("PRAGMA foreign_keys = '" + text + "'");
                assertEquals(read(st, "PRAGMA foreign_keys") == 1, PragmaArguments.toBoolean(text, false), text);
            }
        }
    }

    @Test
    void levelsAsSynchronousReadsThem() throws SQLException {
        List<String> texts = List.of("off", "normal", "NORMAL", "on", "full", "Full", "extra", "0", "1", "2", "3",
                "bogus", "-1", "", "yes", "no");
        try (Oracle sqlite = new Oracle(); Statement st = sqlite.connection().createStatement()) {
            for (String text : texts) {
                st.execute("PRAGMA synchronous = '" + text + "'");
                int level = PragmaArguments.toLevel(text, 1);
                assertEquals(read(st, "PRAGMA synchronous"), level, text);
            }
        }
    }

    private static long read(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
