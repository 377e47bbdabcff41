/*
 * Random texts (letters, spaces, tabs, CR/LF, control characters, quotes,
 * accented, wide, combining and astral characters), blobs, integers and
 * reals in random configurations (every mode, column modes more often,
 * ".width" with negative values, --wrap, --wordwrap, --quote, headers),
 * printed by sqlite3 and by ResultPrinter: escaping, line splitting, word
 * wrapping and padding must agree byte for byte. Seeded, so a failure
 * repeats; -Dturso.long=true runs many more configurations.
 */
package turso.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RandomValuesTest {

    private static final int[] VALUE_CHARACTERS = {'a', 'b', 'c', 'x', 'y', 'Z', '1', '2', ' ', ' ', ' ', '\t', '\n',
        '\r', '-', '.', ',', '"', '\'', 1, 0x1f, 0xe9, 0x6f22, 0x301, 0x1f600};
    private static final int[] NAME_CHARACTERS = {'a', 'b', 'n', ' ', '-', '_', 0xe9, 0x6f22, 0x301};
    private static final String[] MODES = {"column", "box", "table", "markdown", "column", "box", "table",
        "markdown", "list", "csv", "json", "line", "html", "quote", "ascii", "tabs", "tcl", "insert t", "qbox"};

    static Stream<Long> seeds() {
        int count = Boolean.getBoolean("turso.long") ? 1000 : 60;
        return IntStream.range(0, count).mapToObj(i -> 1000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomValuesInRandomModes(long seed) throws Exception {
        Assumptions.assumeTrue(SqliteCli.available(), "the sqlite3 program is needed as the reference");
        Random random = new Random(seed);
        List<String> setup = new ArrayList<>();
        StringBuilder mode = new StringBuilder(".mode " + MODES[random.nextInt(MODES.length)]);
        if (random.nextBoolean()) {
            mode.append(" --wrap ").append(random.nextInt(16));
        }
        if (random.nextBoolean()) {
            mode.append(random.nextBoolean() ? " --ww" : " --wordwrap off");
        }
        if (random.nextInt(3) == 0) {
            mode.append(" --quote");
        }
        setup.add(mode.toString());
        if (random.nextBoolean()) {
            StringBuilder width = new StringBuilder(".width");
            for (int i = random.nextInt(5); i > 0; i--) {
                width.append(' ').append(random.nextInt(25) - 12);
            }
            setup.add(width.toString());
        }
        setup.add(".headers " + (random.nextBoolean() ? "on" : "off"));
        int columns = 1 + random.nextInt(4);
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < 1 + random.nextInt(12); r++) {
            List<String> values = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                String value = switch (random.nextInt(10)) {
                    case 0 -> "NULL";
                    case 1 -> Long.toString(random.nextLong() >> random.nextInt(64));
                    case 2 -> "(" + random.nextInt(100000) + " / 7.0)";
                    case 3 -> blob(random, random.nextInt(6));
                    default -> text(random, VALUE_CHARACTERS, random.nextInt(45));
                };
                values.add(value + (r == 0 ? " AS \"" + name(random) + "\"" : ""));
            }
            rows.add("SELECT " + String.join(", ", values));
        }
        String query = String.join(" UNION ALL ", rows);
        SqliteCli.Output reference = SqliteCli.run(List.of("-batch"), String.join("\n", setup) + "\n" + query + ";\n");
        assertEquals("", reference.stderr());
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            ResultPrinter.print(new JdbcRowSource(connection, query), DotCommands.settings(setup), actual);
        }
        assertEquals(OutputModesDifferentialTest.visible(reference.stdout()),
                OutputModesDifferentialTest.visible(actual.toByteArray()), setup + "\n" + query);
    }

    private static String text(Random random, int[] alphabet, int length) {
        if (length == 0) {
            return "''";
        }
        StringBuilder call = new StringBuilder("char(");
        for (int i = 0; i < length; i++) {
            call.append(i == 0 ? "" : ",").append(alphabet[random.nextInt(alphabet.length)]);
        }
        return call.append(')').toString();
    }

    private static String blob(Random random, int length) {
        StringBuilder literal = new StringBuilder("x'");
        for (int i = 0; i < length; i++) {
            int b = random.nextInt(4) == 0 ? random.nextInt(32) : 0x20 + random.nextInt(0xe0);
            literal.append(String.format("%02x", b));
        }
        return literal.append('\'').toString();
    }

    private static String name(Random random) {
        StringBuilder name = new StringBuilder();
        for (int i = random.nextInt(12); i >= 0; i--) {
            name.appendCodePoint(NAME_CHARACTERS[random.nextInt(NAME_CHARACTERS.length)]);
        }
        return name.toString();
    }
}
