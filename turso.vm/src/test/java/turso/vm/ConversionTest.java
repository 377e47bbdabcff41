/*
 * Conversions between storage classes against SQLite: CAST to every type
 * name, text read as numbers in every way SQLite reads it, and the text form
 * of reals (SQLite 3.40's "%!.15g") for thousands of random doubles.
 */
package turso.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConversionTest {
    private static Oracle oracle;

    @BeforeAll
    static void open() {
        oracle = new Oracle();
    }

    @AfterAll
    static void close() {
        oracle.close();
    }

    static final List<String> NUMERIC_TEXTS = List.of(
            "''", "' '", "'0'", "'-0'", "'+5'", "'12abc'", "' 12 '", "'\t12\n'", "'1e3'", "'1E3'", "'1e+3'", "'1e-3'",
            "'1e'", "'1e+'", "'.5'", "'5.'", "'.'", "'-'", "'+'", "'-.5e1'", "'0x10'", "'0X1F'", "'1.5e3x'", "'12.5abc'",
            "'9223372036854775807'", "'9223372036854775808'", "'-9223372036854775808'", "'-9223372036854775809'",
            "'99999999999999999999'", "'18446744073709551616'", "'1e18'", "'1e15'", "'2251799813685248.0'",
            "'2251799813685247.0'", "'1.0'", "'1.5'", "'-0.0'", "'1e400'", "'-1e400'", "'1e-400'", "'abc'",
            "'00012'", "'1_000'", "'1,5'", "'inf'", "'NaN'", "'  -12.5e-1xyz'", "'١٢'", "'12 34'", "'1e3 '",
            "'0.1'", "'3.14159265358979323846'", "'123456789012345678'", "'1234567890123456789012'",
            "x'3132'", "x'31653300'", "x''", "x'2d31'");

    @Test
    void castToEveryTypeName() {
        List<String> failures = new ArrayList<>();
        List<String> values = new ArrayList<>(Literals.POOL);
        values.addAll(NUMERIC_TEXTS);
        List<Differential.Case> cases = new ArrayList<>();
        for (String type : List.of("INTEGER", "INT", "REAL", "FLOAT", "DOUBLE PRECISION", "NUMERIC", "DECIMAL(10,2)",
                "TEXT", "VARCHAR(20)", "CLOB", "BLOB", "BOOLEAN", "DATE", "ANYTHING", "CHARINT", "FLOATING POINT")) {
            for (String v : values) {
                Register r = Literals.reg(v);
                Cast.apply(r, type);
                cases.add(Differential.Case.of("CAST(" + v + " AS " + type + ")", r));
            }
        }
        failures.addAll(Differential.check(oracle, cases, true));
        assertTrue(failures.isEmpty(), Differential.report(failures));
    }

    @Test
    void textReadAsNumberByArithmetic() {
        List<Differential.Case> cases = new ArrayList<>();
        for (String v : NUMERIC_TEXTS) {
            Register out = new Register();
            Arithmetic.add(Literals.reg(v), Literals.reg("0"), out);
            cases.add(Differential.Case.of("(" + v + ") + 0", out));
            Register neg = new Register();
            Arithmetic.multiply(Literals.reg(v), Literals.reg("1"), neg);
            cases.add(Differential.Case.of("(" + v + ") * 1", neg));
        }
        List<String> failures = Differential.check(oracle, cases, true);
        assertTrue(failures.isEmpty(), Differential.report(failures));
    }

    @Test
    void theExamplesOfTheBrief() {
        assertEquals(13, arith("'12abc'"));
        assertEquals(13, arith("' 12 '"));
        Register r = Literals.reg("'1e3'");
        Arithmetic.add(r, Literals.reg("0"), r);
        assertEquals("1000.0", r.toText());
        assertEquals(1, arith("'0x10'"));
        assertEquals(1, arith("'-'"));
        Register huge = Literals.reg("'99999999999999999999'");
        huge.toNumeric();
        assertEquals(turso.api.DataType.REAL, huge.type());
    }

    private static long arith(String literal) {
        Register out = new Register();
        Arithmetic.add(Literals.reg(literal), Literals.reg("1"), out);
        return out.longValue();
    }

    /** Doubles of every kind: random bits, few decimal digits, integers, powers of ten and their neighbours. */
    static List<Double> interestingDoubles(int randomCount) {
        SplittableRandom random = new SplittableRandom(20261120);
        List<Double> ds = new ArrayList<>();
        for (int e = -330; e <= 310; e++) {
            double p = Double.parseDouble("1e" + e);
            ds.add(p);
            ds.add(Math.nextUp(p));
            ds.add(Math.nextDown(p));
        }
        for (double d : new double[] {0.1, 0.2, 0.3, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, Math.PI, Math.E, 0.5, 1.5, 100.0,
                123456789012345.0, 1234567890123456.0, 999999999999999.0, 9999999999999998.0, 0.000123, 1e-5,
                9.223372036854775807e18, Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, 4.35, 0.15, 0.25,
                999999999999999.5, 99999999999999.95, 0.9999999999999999, 0.99999999999999994, 5e-324}) {
            ds.add(d);
            ds.add(-d);
        }
        for (int i = 0; i < randomCount; i++) {
            switch (i % 4) {
                case 0 -> {
                    double d = Double.longBitsToDouble(random.nextLong());
                    if (Double.isFinite(d)) {
                        ds.add(d);
                    }
                }
                case 1 -> ds.add(random.nextDouble() * Math.pow(10, random.nextInt(-20, 25)));
                case 2 -> ds.add(Math.round(random.nextDouble() * 1e6) / Math.pow(10, random.nextInt(0, 8)));
                default -> ds.add((double) random.nextLong() / (1L << random.nextInt(0, 63)));
            }
        }
        return ds;
    }

    @Test
    void realsRenderedAsSqlite340Does() throws Exception {
        Assumptions.assumeTrue(Oracle.shellAvailable(), "sqlite3 3.40 shell not installed");
        int count = Boolean.getBoolean("turso.long") ? 200_000 : 6_000;
        List<Double> ds = interestingDoubles(count);
        Path db = Files.createTempFile("turso-vm-reals", ".db");
        try {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                c.setAutoCommit(false);
                try (var s = c.createStatement()) {
                    s.execute("CREATE TABLE t(x REAL, s TEXT)");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                    for (double d : ds) {
                        ps.setDouble(1, d);
                        ps.setString(2, Double.toString(d));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            }
            // the rendering of each real, and whether 3.40 reads Java's shortest form back as the same real
            List<String> lines = Oracle.shell(db, "SELECT CAST(x AS TEXT), CAST(s AS REAL) = x, "
                    + "CAST(CAST(x AS TEXT) AS REAL) = x FROM t ORDER BY rowid;");
            assertEquals(ds.size(), lines.size());
            List<String> failures = new ArrayList<>();
            List<String> parseMismatches = new ArrayList<>();
            for (int i = 0; i < ds.size(); i++) {
                String[] parts = lines.get(i).split("\\|");
                String mine = RealFormat.render(ds.get(i));
                if (!parts[0].equals(mine)) {
                    failures.add(ds.get(i) + " (" + Long.toHexString(Double.doubleToLongBits(ds.get(i))) + "): expected "
                            + parts[0] + ", got " + mine);
                }
                Register back = new Register();
                back.setText(mine);
                boolean mineSame = back.toDouble() == ds.get(i);
                if (mineSame != parts[2].equals("1")) {
                    parseMismatches.add(mine + " (from " + ds.get(i) + "): 3.40 reads it back as the same real: " + parts[2]);
                }
            }
            assertTrue(failures.isEmpty(), failures.size() + " of " + ds.size() + " differ:\n"
                    + String.join("\n", failures.subList(0, Math.min(50, failures.size()))));
            // see textParsedAsRealLikeSqlite340 for the known rare one-ulp differences in reading
            assertTrue(parseMismatches.size() * 500 <= ds.size(), String.join("\n", parseMismatches));
        } finally {
            Files.deleteIfExists(db);
        }
    }

    /**
     * Decimal text read as a real, bit for bit as SQLite 3.40 reads it (3.54 reads
     * correctly rounded, 3.40 sometimes one ulp off): the values read here are
     * stored exactly through sqlite-jdbc, and the 3.40 shell compares its own
     * reading of each text with them.
     */
    @Test
    void textParsedAsRealLikeSqlite340() throws Exception {
        Assumptions.assumeTrue(Oracle.shellAvailable(), "sqlite3 3.40 shell not installed");
        SplittableRandom random = new SplittableRandom(7);
        List<String> texts = new ArrayList<>(List.of("1e126", "1.0e+126", "0.1", "1e308", "1.7976931348623157e308",
                "1e309", "4.9e-324", "2.2250738585072014e-308", "123456789012345678901234567890", "0.000001",
                "1e-400", "9007199254740993", "3.14159265358979323846264338327950288", "1e22", "1e23", "8.5e-309"));
        int count = Boolean.getBoolean("turso.long") ? 100_000 : 3_000;
        for (int i = 0; i < count; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            texts.add(switch (i % 4) {
                case 0 -> Double.toString(d);
                case 1 -> String.format("%.17e", d);
                case 2 -> String.format("%.15g", d);
                default -> String.format("%.20e", random.nextDouble() * Math.pow(10, random.nextInt(-30, 30)));
            });
        }
        Path db = Files.createTempFile("turso-vm-atof", ".db");
        try {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                c.setAutoCommit(false);
                try (var st = c.createStatement()) {
                    st.execute("CREATE TABLE t(s TEXT, x REAL)");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                    for (String text : texts) {
                        Register r = new Register();
                        r.setText(text);
                        ps.setString(1, text);
                        ps.setDouble(2, r.toDouble());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            }
            List<String> lines = Oracle.shell(db, "SELECT CAST(s AS REAL) = x FROM t ORDER BY rowid;");
            assertEquals(texts.size(), lines.size());
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                if (!lines.get(i).equals("1")) {
                    Register r = new Register();
                    r.setText(texts.get(i));
                    failures.add(texts.get(i) + ": 3.40 reads another real than " + r.toDouble());
                }
            }
            // Known residue: about 1 in 1500 random texts (large negative exponents) reads one ulp away
            // from 3.40's reading; more than 1 in 500 would mean the emulation broke.
            assertTrue(failures.size() * 500 <= texts.size(), Differential.report(failures));
        } finally {
            Files.deleteIfExists(db);
        }
    }
}
