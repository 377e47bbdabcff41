/*
 * Runs the same JDBC code against real SQLite (sqlite-jdbc) and against this
 * driver, and compares what a user would see: values, their classes,
 * metadata, update counts, and errors. sqlite-jdbc words an error
 * "[SQLITE_X] description (message)"; this driver "[SQLITE_X] message": the
 * code names and SQLite's messages must match.
 */
package turso.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class Differential {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws Exception;
    }

    /** What running some code gave: a value or an error. */
    record Outcome(Object value, SQLException error) {
    }

    private static final Pattern SQLITE_JDBC_MESSAGE = Pattern.compile("^\\[(\\w+)\\] .*? \\((.*)\\)$", Pattern.DOTALL);
    private static final Pattern TURSO_MESSAGE = Pattern.compile("^\\[(\\w+)\\] (.*)$", Pattern.DOTALL);

    private Differential() {
    }

    static Connection sqlite() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    static Connection turso() throws SQLException {
        return DriverManager.getConnection("jdbc:turso::memory:");
    }

    /** Runs {@code setup} then {@code work} on fresh in-memory databases of both; asserts equal outcomes. */
    static Object same(String setup, Work<?> work) throws Exception {
        Outcome expected;
        Outcome actual;
        try (Connection s = sqlite(); Connection t = turso()) {
            if (setup != null) {
                s.createStatement().executeUpdate(setup);
                t.createStatement().executeUpdate(setup);
            }
            expected = outcome(s, work);
            actual = outcome(t, work);
        }
        compare(expected, actual);
        return actual.value();
    }

    static Outcome outcome(Connection c, Work<?> work) throws Exception {
        try {
            return new Outcome(normalize(work.run(c)), null);
        } catch (SQLException e) {
            return new Outcome(null, e);
        }
    }

    static void compare(Outcome expected, Outcome actual) {
        if (expected.error() != null) {
            if (actual.error() == null) {
                fail("SQLite failed with " + expected.error() + " but Turso gave " + actual.value());
            }
            assertSameError(expected.error(), actual.error());
        } else {
            if (actual.error() != null) {
                throw new AssertionError("SQLite gave " + expected.value() + " but Turso failed", actual.error());
            }
            assertEquals(expected.value(), actual.value());
        }
    }

    static void assertSameError(SQLException expected, SQLException actual) {
        assertEquals(expected.getErrorCode(), actual.getErrorCode(), "error code of " + actual);
        Matcher e = SQLITE_JDBC_MESSAGE.matcher(expected.getMessage());
        Matcher a = TURSO_MESSAGE.matcher(actual.getMessage());
        assertTrue(a.matches(), actual.getMessage());
        if (!e.matches()) {
            // sqlite-jdbc's own errors carry no code name: the message alone is compared
            assertEquals(expected.getMessage(), a.group(2));
            return;
        }
        assertEquals(e.group(1), a.group(1), "extended code name");
        assertEquals(e.group(2), a.group(2), "SQLite's message");
        TursoError te = assertInstanceOf(TursoError.class, actual);
        assertEquals(e.group(1), "SQLITE_" + te.resultCode().name());
    }

    /** Arrays compared by content: byte[] and nested lists become lists. */
    static Object normalize(Object o) {
        if (o instanceof byte[] b) {
            List<Byte> l = new ArrayList<>();
            for (byte x : b) {
                l.add(x);
            }
            return List.of("bytes", l);
        }
        if (o instanceof int[] a) {
            return Arrays.stream(a).boxed().toList();
        }
        if (o instanceof List<?> l) {
            List<Object> r = new ArrayList<>();
            for (Object x : l) {
                r.add(normalize(x));
            }
            return r;
        }
        return o;
    }

    /** Every row of a result set as getObject values with their classes. */
    static List<List<Object>> rows(ResultSet rs) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                Object v = rs.getObject(i);
                row.add(normalize(v));
                row.add(v == null ? null : v.getClass().getSimpleName());
            }
            rows.add(row);
        }
        rs.close();
        return rows;
    }

    /** Every row of a result set as strings (getString), for metadata answers. */
    static List<List<String>> strings(ResultSet rs, String... columns) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (String c : columns) {
                row.add(rs.getString(c));
            }
            rows.add(row);
        }
        rs.close();
        return rows;
    }

    static List<String> labels(ResultSetMetaData md) throws SQLException {
        List<String> l = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            l.add(md.getColumnLabel(i));
        }
        return l;
    }
}
