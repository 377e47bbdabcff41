/*
 * The randomized mode's generator: a schema of two tables with every column
 * affinity (and a NOCASE column), rows of mixed storage classes and NULLs,
 * then queries over them: expressions, joins, aggregates with GROUP BY and
 * HAVING, window functions, subqueries. Every query ends in an ORDER BY that
 * is a total order over its output (each value under BINARY, then its
 * storage class, then atan2(v, -1), which tells -0.0 from 0.0), so the row
 * order of both engines is comparable, LIMIT too.
 * Each term is wrapped in coalesce(e, NULL) and outputs without a column are
 * left out: SQLite reads a term that is (or folds to, like 0 AND c) an
 * integer constant as a column number.
 *
 * Left to the corpus (its @known cases) because this engine differs there and
 * they would make many random queries differ: FILTER clauses, IN (SELECT)
 * across affinities. No 64-bit extremes among the literals: they make reals
 * of 17 digits, whose text SQLite 3.40 and 3.54 write differently, and rows
 * then sort apart. octet_length() is not used: SQLite 3.40, the second oracle,
 * does not have it.
 *
 * What would make SQLite's own answer depend on row order is left out: reals
 * in the tables are small dyadic numbers (sums are exact in any order), min()
 * and max() take typed columns only (1 and 1.0 are equal, and which one is
 * kept depends on the order), GROUP BY keys are expressions whose equal
 * values are identical.
 */
package turso.tests.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/** A deterministic stream of statements for one seed: first the schema and data, then queries. */
public final class RandomQueries {
    private static final String[] T1 = {"a", "b", "c", "d", "e"};
    private static final String[] T2 = {"x", "y", "z"};
    private static final String[] INT_VALUES = {"0", "1", "-1", "2", "3", "7", "-12", "100", "42"};
    private static final String[] REAL_VALUES = {"0.5", "-2.25", "1.0", "3.75", "-0.125", "100.0", "2.0"};
    private static final String[] TEXT_VALUES = {"''", "'a'", "'B'", "'abc'", "'ABC'", "'10'", "' 3'", "'2.5'",
        "'héllo'", "'x y'", "'-7'", "'1e2'", "'Zz'"};
    private static final String[] BLOB_VALUES = {"x''", "x'00'", "x'41'", "x'4142'", "x'ff'"};
    private static final String[] LITERALS = {"0", "1", "-1", "2", "10", "0.5", "-1.5", "'a'", "'A'", "''", "'1'",
        "'abc'", "NULL", "x'41'", "4096", "-65536", "1e300", "'2'"};
    private static final String[] BINARY = {"+", "-", "*", "/", "%", "||", "=", "<>", "<", "<=", ">", ">=", "IS",
        "IS NOT", "AND", "OR", "&", "|", "<<", ">>"};
    private static final String[] FUNCTIONS1 = {"abs", "length", "typeof", "lower", "upper", "hex", "quote", "round",
        "trim", "ltrim", "rtrim", "unicode", "sign", "likely"};
    private static final String[] FUNCTIONS2 = {"coalesce", "ifnull", "nullif", "instr", "round", "max", "min",
        "substr", "glob", "like"};
    private static final String[] CASTS = {"INTEGER", "REAL", "TEXT", "BLOB", "NUMERIC"};
    /**
     * Column pairs of IN (SELECT) with the same affinity: this engine does not
     * yet apply SQLite's affinity rules between the two sides (corpus
     * subquery.test, @known), which would make most of these queries differ.
     */
    private static final String[] SAME_AFFINITY = {"ax", "az", "ey", "cy"};
    private static final String[] AGGREGATES = {"count", "sum", "total", "avg", "min", "max"};

    private static final Pattern LITERAL = Pattern.compile("[xX]?'[^']*'");
    private static final Pattern COLUMN = Pattern.compile("\\b[a-exyz]\\b|\\bOVER\\b|\\(SELECT");

    private final Random random;

    public RandomQueries(long seed) {
        random = new Random(seed);
    }

    /** CREATE TABLE and INSERT statements of a new database. */
    public List<String> schema() {
        List<String> s = new ArrayList<>();
        s.add("CREATE TABLE t1(a INTEGER, b REAL, c TEXT, d, e NUMERIC)");
        s.add("CREATE TABLE t2(x INTEGER PRIMARY KEY, y TEXT COLLATE NOCASE, z INT)");
        if (random.nextBoolean()) {
            s.add("CREATE INDEX t1a ON t1(a, c)");
        }
        if (random.nextBoolean()) {
            s.add("CREATE INDEX t2z ON t2(z)");
        }
        int rows1 = random.nextInt(14);
        for (int i = 0; i < rows1; i++) {
            s.add("INSERT INTO t1 VALUES (" + value() + ", " + value() + ", " + value() + ", " + value() + ", " + value()
                    + ")");
        }
        int rows2 = random.nextInt(8);
        for (int i = 0; i < rows2; i++) {
            s.add("INSERT INTO t2 VALUES (" + (i * 2 + random.nextInt(2)) + ", " + value() + ", "
                    + pick(INT_VALUES) + ")");
        }
        return s;
    }

    /** The next query. */
    public String query() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> simple();
            case 3, 4 -> join();
            case 5, 6 -> aggregate();
            case 7, 8 -> window();
            default -> subquery();
        };
    }

    private String simple() {
        List<String> out = outputs(T1, 1 + random.nextInt(3));
        return finish(out, " FROM t1" + where(T1));
    }

    private String join() {
        String[] both = {"a", "b", "c", "d", "e", "x", "y", "z"};
        String kind = switch (random.nextInt(4)) {
            case 0 -> " LEFT JOIN ";
            case 1 -> ", ";
            default -> " JOIN ";
        };
        String on = kind.equals(", ") ? "" : " ON " + pick(new String[] {"a = z", "a = x", "c = y", "d = y", "e = z",
            "b < z", "a IS z"}) + (random.nextInt(3) == 0 ? " AND " + expression(both, 1) : "");
        return finish(outputs(both, 1 + random.nextInt(3)), " FROM t1" + kind + "t2" + on + where(both));
    }

    private String aggregate() {
        String key = pick(new String[] {"typeof(d)", "a", "z", "CAST(c AS TEXT) COLLATE BINARY", "e IS NULL",
            "length(c)", "typeof(e)", "b > 1"});
        boolean joined = key.equals("z");
        String[] cols = joined ? new String[] {"a", "b", "c", "e", "x", "z"} : new String[] {"a", "b", "c", "e"};
        List<String> out = new ArrayList<>();
        if (random.nextInt(5) > 0) {
            out.add(key);
        }
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            out.add(aggregateCall(cols));
        }
        String from = joined ? " FROM t1 JOIN t2 ON a = x OR a = z" : " FROM t1";
        String group = out.size() > n || random.nextBoolean() ? " GROUP BY " + key : "";
        String having = !group.isEmpty() && random.nextInt(3) == 0 ? " HAVING " + aggregateCall(cols) + " > "
                + pick(new String[] {"0", "1", "2.5", "'a'"}) : "";
        return finish(out, from + where(cols) + group + having);
    }

    private String aggregateCall(String[] cols) {
        String f = pick(AGGREGATES);
        String col = pick(cols);
        String arg = switch (f) {
            case "count" -> random.nextBoolean() ? "*" : (random.nextBoolean() ? "DISTINCT " : "") + col;
            case "min", "max" -> pick(new String[] {"a", "b", "c"});
            default -> random.nextInt(3) == 0 ? col + " * 2" : col;
        };
        return f + "(" + arg + ")";
    }

    private String window() {
        List<String> out = new ArrayList<>();
        out.add(pick(T1));
        String partition = random.nextBoolean() ? "PARTITION BY " + pick(new String[] {"typeof(d)", "a", "e IS NULL"})
                + " " : "";
        String total = "ORDER BY " + pick(T1) + ", rowid";
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            out.add(switch (random.nextInt(6)) {
                case 0 -> pick(new String[] {"row_number()", "rank()", "dense_rank()", "percent_rank()", "cume_dist()",
                    "ntile(3)"}) + " OVER (" + partition + total + ")";
                case 1 -> pick(new String[] {"lag", "lead", "first_value", "last_value"}) + "(" + pick(T1) + ") OVER ("
                        + partition + total + ")";
                case 2 -> "nth_value(" + pick(T1) + ", 2) OVER (" + partition + total + ")";
                case 3 -> pick(new String[] {"rank()", "dense_rank()", "count(*)", "sum(a)", "total(b)"})
                        + " OVER (" + partition + "ORDER BY " + pick(new String[] {"a", "b", "c"}) + ")";
                default -> {
                    String frame = frame();
                    String f = pick(new String[] {"sum(a)", "count(d)", "total(b)", "avg(a)", "max(b)", "min(a)"});
                    yield f + " OVER (" + partition + total + " " + frame + ")";
                }
            });
        }
        return finish(out, " FROM t1" + where(T1));
    }

    private String frame() {
        String unit = pick(new String[] {"ROWS", "GROUPS", "RANGE"});
        String start = pick(new String[] {"UNBOUNDED PRECEDING", "1 PRECEDING", "CURRENT ROW"});
        String end = switch (start) {
            case "CURRENT ROW" -> pick(new String[] {"CURRENT ROW", "1 FOLLOWING", "UNBOUNDED FOLLOWING"});
            default -> pick(new String[] {"CURRENT ROW", "2 FOLLOWING", "UNBOUNDED FOLLOWING", "1 PRECEDING"});
        };
        if (unit.equals("RANGE") && (start.startsWith("1") || end.startsWith("1") || end.startsWith("2"))) {
            unit = "ROWS";
        }
        String exclude = random.nextInt(4) == 0 ? " EXCLUDE " + pick(new String[] {"CURRENT ROW", "TIES", "GROUP",
            "NO OTHERS"}) : "";
        return unit + " BETWEEN " + start + " AND " + end + exclude;
    }

    private String subquery() {
        List<String> out = outputs(T1, 1 + random.nextInt(2));
        String[] both = {"a", "b", "c", "d", "e", "x", "y", "z"};
        String pair = pick(SAME_AFFINITY);
        String condition = switch (random.nextInt(4)) {
            case 0 -> pair.charAt(0) + " IN (SELECT " + pair.charAt(1) + " FROM t2)";
            case 1 -> "EXISTS (SELECT 1 FROM t2 WHERE " + expression(both, 1) + ")";
            case 2 -> pair.charAt(0) + " NOT IN (SELECT " + pair.charAt(1) + " FROM t2 WHERE " + pick(T2)
                    + " IS NOT NULL)";
            default -> pick(T1) + " > (SELECT min(z) FROM t2)";
        };
        if (random.nextBoolean()) {
            out.add("(SELECT count(*) FROM t2 WHERE z = a)");
        }
        return finish(out, " FROM t1 WHERE " + condition);
    }

    private List<String> outputs(String[] cols, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(expression(cols, 2 + random.nextInt(2)));
        }
        return out;
    }

    private String where(String[] cols) {
        return random.nextInt(3) == 0 ? "" : " WHERE " + expression(cols, 2);
    }

    /** SELECT outputs + rest, ordered by every output (as BINARY, then storage class), sometimes LIMITed. */
    private String finish(List<String> out, String rest) {
        StringBuilder s = new StringBuilder("SELECT ").append(String.join(", ", out)).append(rest).append(" ORDER BY ");
        String separator = "";
        for (String e : out) {
            if (COLUMN.matcher(LITERAL.matcher(e).replaceAll("")).find()) {
                s.append(separator).append("coalesce(").append(e).append(", NULL) COLLATE BINARY, typeof(").append(e)
                        .append("), atan2(").append(e).append(", -1)");
                separator = ", ";
            }
        }
        if (separator.isEmpty()) {
            s.setLength(s.length() - " ORDER BY ".length());
        }
        if (random.nextInt(4) == 0) {
            s.append(" LIMIT ").append(random.nextInt(5));
            if (random.nextBoolean()) {
                s.append(" OFFSET ").append(random.nextInt(3));
            }
        }
        return s.toString();
    }

    private String expression(String[] cols, int depth) {
        if (depth <= 0 || random.nextInt(5) == 0) {
            return random.nextInt(3) == 0 ? pick(LITERALS) : pick(cols);
        }
        return switch (random.nextInt(9)) {
            case 0, 1, 2 -> "(" + expression(cols, depth - 1) + " " + pick(BINARY) + " " + expression(cols, depth - 1)
                    + ")";
            case 3 -> pick(FUNCTIONS1) + "(" + expression(cols, depth - 1) + ")";
            case 4 -> {
                String f = pick(FUNCTIONS2);
                // a start near the 64-bit limits overflows in SQLite 3.40's substr(), differently by context
                yield f + "(" + expression(cols, depth - 1) + ", "
                        + (f.equals("substr") ? pick(new String[] {"0", "1", "2", "-1", "-3"}) : expression(cols, depth - 1))
                        + ")";
            }
            case 5 -> "CAST(" + expression(cols, depth - 1) + " AS " + pick(CASTS) + ")";
            case 6 -> "CASE WHEN " + expression(cols, depth - 1) + " THEN " + expression(cols, depth - 1) + " ELSE "
                    + expression(cols, depth - 1) + " END";
            case 7 -> pick(new String[] {"NOT ", "-", "~", "+"}) + expression(cols, depth - 1);
            default -> "(" + expression(cols, depth - 1) + pick(new String[] {" IS NULL", " NOT NULL", " IN (1, 'a', 2.0)",
                " BETWEEN 0 AND 10", " LIKE 'a%'", " GLOB '*B*'", " COLLATE NOCASE = 'abc'"}) + ")";
        };
    }

    private String value() {
        return switch (random.nextInt(8)) {
            case 0 -> "NULL";
            case 1, 2 -> pick(INT_VALUES);
            case 3, 4 -> pick(REAL_VALUES);
            case 5, 6 -> pick(TEXT_VALUES);
            default -> pick(BLOB_VALUES);
        };
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
