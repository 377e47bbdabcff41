/*
 * Comparisons against SQLite: every pair of values through every operator
 * with each collation and without affinity, then columns of each affinity
 * compared with literals and with each other (datatype3.html §4.2).
 */
package turso.vm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static Oracle oracle;

    @BeforeAll
    static void open() {
        oracle = new Oracle();
    }

    @AfterAll
    static void close() {
        oracle.close();
    }

    static final String[] OPS = {"=", "<>", "<", "<=", ">", ">=", "IS", "IS NOT"};
    static final CompareOp[] COMPARE_OPS = {CompareOp.EQ, CompareOp.NE, CompareOp.LT, CompareOp.LE, CompareOp.GT,
        CompareOp.GE, CompareOp.IS, CompareOp.IS_NOT};

    static final List<String> VALUES = List.of(
            "NULL", "0", "1", "-1", "2", "10", "9223372036854775807", "-9223372036854775808", "9007199254740993",
            "9007199254740992.0", "9223372036854775807.0", "-9223372036854775808.0", "1.0", "1.5", "-0.5", "1e308",
            "''", "'1'", "'1.0'", "'10'", "'2'", "'abc'", "'ABC'", "'abc  '", "'abd'", "'a'", "'é'", "'É'", "' 1'",
            "x''", "x'00'", "x'31'", "x'616263'", "x'ff'");

    @Test
    void everyOperatorEveryCollationWithoutAffinity() throws Exception {
        ValueComparator comparator = new ValueComparator();
        List<String> failures = new ArrayList<>();
        for (String coll : List.of("BINARY", "NOCASE", "RTRIM")) {
            for (String a : VALUES) {
                StringBuilder sql = new StringBuilder("SELECT ");
                for (String b : VALUES) {
                    for (String op : OPS) {
                        sql.append("(").append(a).append(") ").append(op).append(" (").append(b).append(") COLLATE ").append(coll).append(", ");
                    }
                }
                sql.setLength(sql.length() - 2);
                try (Statement s = oracle.connection().createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
                    rs.next();
                    int col = 1;
                    for (String b : VALUES) {
                        for (int k = 0; k < OPS.length; k++) {
                            Object expected = rs.getObject(col++);
                            int mine = comparator.compare(COMPARE_OPS[k], Literals.reg(a), Literals.reg(b), Affinity.NONE,
                                    BuiltinCollation.valueOf(coll));
                            Object mineObj = mine == ValueComparator.NULL_RESULT ? null : mine;
                            if (!String.valueOf(expected).equals(String.valueOf(mineObj))) {
                                failures.add(a + " " + OPS[k] + " " + b + " COLLATE " + coll + ": expected " + expected + ", got " + mineObj);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), Differential.report(failures));
    }

    static final String[] COLUMN_TYPES = {"INTEGER", "REAL", "NUMERIC", "TEXT", "BLOB"};

    @Test
    void columnsOfEachAffinityAgainstLiteralsAndEachOther() throws Exception {
        oracle.execute("CREATE TABLE cmp(i INTEGER, r REAL, n NUMERIC, t TEXT, b BLOB)");
        oracle.execute("CREATE TABLE cmp2(i INTEGER, r REAL, n NUMERIC, t TEXT, b BLOB)");
        List<String> stored = List.of("NULL", "1", "'1'", "1.0", "'1.0'", "'abc'", "x'31'", "10", "'10'", "2", "'2'",
                "' 1'", "1.5", "'1e1'", "9223372036854775807");
        for (String v : stored) {
            oracle.execute("INSERT INTO cmp VALUES(" + v + ", " + v + ", " + v + ", " + v + ", " + v + ")");
            oracle.execute("INSERT INTO cmp2 VALUES(" + v + ", " + v + ", " + v + ", " + v + ", " + v + ")");
        }
        ValueComparator comparator = new ValueComparator();
        List<String> failures = new ArrayList<>();
        List<String> literals = List.of("1", "'1'", "1.0", "'1.0'", "'abc'", "x'31'", "'10'", "10", "'2'", "2", "' 1'", "NULL");
        for (int row = 0; row < stored.size(); row++) {
            for (int c = 0; c < COLUMN_TYPES.length; c++) {
                Affinity colAff = Affinity.ofDeclaredType(COLUMN_TYPES[c]);
                String col = "cmp." + "irntb".charAt(c);
                Register colValue = Literals.reg(stored.get(row));
                colAff.apply(colValue);
                StringBuilder sql = new StringBuilder("SELECT ");
                for (String lit : literals) {
                    for (String op : OPS) {
                        sql.append(col).append(' ').append(op).append(" (").append(lit).append("), ");
                    }
                }
                for (int c2 = 0; c2 < COLUMN_TYPES.length; c2++) {
                    for (String op : OPS) {
                        sql.append(col).append(' ').append(op).append(" cmp2.").append("irntb".charAt(c2)).append(", ");
                    }
                }
                sql.setLength(sql.length() - 2);
                sql.append(" FROM cmp, cmp2 WHERE cmp.rowid = ").append(row + 1).append(" AND cmp2.rowid = ?");
                for (int row2 = 0; row2 < stored.size(); row2++) {
                    try (var ps = oracle.connection().prepareStatement(sql.toString())) {
                        ps.setInt(1, row2 + 1);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            int k = 1;
                            for (String lit : literals) {
                                Affinity aff = Affinity.forComparison(colAff, Affinity.NONE);
                                for (int o = 0; o < OPS.length; o++) {
                                    check(failures, rs.getObject(k++), comparator.compare(COMPARE_OPS[o], colValue, Literals.reg(lit), aff, null),
                                            col + "=" + stored.get(row) + " " + OPS[o] + " " + lit);
                                }
                            }
                            for (int c2 = 0; c2 < COLUMN_TYPES.length; c2++) {
                                Affinity aff2 = Affinity.ofDeclaredType(COLUMN_TYPES[c2]);
                                Register other = Literals.reg(stored.get(row2));
                                aff2.apply(other);
                                Affinity aff = Affinity.forComparison(colAff, aff2);
                                for (int o = 0; o < OPS.length; o++) {
                                    check(failures, rs.getObject(k++), comparator.compare(COMPARE_OPS[o], colValue, other, aff, null),
                                            col + "=" + stored.get(row) + " " + OPS[o] + " " + COLUMN_TYPES[c2] + " column=" + stored.get(row2));
                                }
                            }
                        }
                    }
                    if (row2 > 0 && failures.size() > 100) {
                        break;
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), Differential.report(failures));
    }

    private static void check(List<String> failures, Object expected, int mine, String what) {
        Object mineObj = mine == ValueComparator.NULL_RESULT ? null : mine;
        if (!String.valueOf(expected).equals(String.valueOf(mineObj))) {
            failures.add(what + ": expected " + expected + ", got " + mineObj);
        }
    }

    @Test
    void sortOrderAcrossStorageClasses() {
        // NULL < numbers < text < blob, numbers exactly, as ORDER BY sorts them
        List<Register> mine = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        for (String v : VALUES) {
            mine.add(Literals.reg(v));
            values.append(values.isEmpty() ? "" : ", ").append("(").append(v).append(")");
        }
        mine.sort((x, y) -> ValueComparator.compare(x, y, null));
        List<Register> expected = oracle.queryAll("SELECT typeof(column1), column1 FROM (VALUES " + values + ") ORDER BY column1, typeof(column1)");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (ValueComparator.compare(expected.get(i), mine.get(i), null) != 0) {
                failures.add(i + ": expected " + Oracle.describe(expected.get(i)) + ", got " + Oracle.describe(mine.get(i)));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
