/*
 * A fresh in-memory database on each engine (real SQLite through
 * sqlite-jdbc, and this engine through turso.api), and the one way both run
 * a statement and turn its rows or error into a StatementResult. A statement
 * that runs longer than TIMEOUT_SECONDS is stopped (Connection.interrupt()
 * here, the JDBC query timeout on SQLite), so a runaway query is a reported
 * difference, not a hung build.
 */
package turso.tests.differential;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import turso.api.Connection;
import turso.api.Database;
import turso.api.Statement;
import turso.api.TursoException;

/** Both engines' connections; close it to drop both databases. */
public final class EnginePair implements AutoCloseable {
    static final int TIMEOUT_SECONDS = 10;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "differential-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final java.sql.Connection sqlite;
    private final Database database;
    private final Connection turso;

    public EnginePair() {
        try {
            sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        } catch (SQLException e) {
            throw new IllegalStateException("sqlite-jdbc cannot open an in-memory database", e);
        }
        database = Database.open(Database.MEMORY);
        turso = database.connect();
    }

    /** The statement on real SQLite. */
    public StatementResult sqlite(String sql) {
        try (var st = sqlite.createStatement()) {
            st.setQueryTimeout(TIMEOUT_SECONDS);
            if (!st.execute(sql)) {
                return new StatementResult(0, List.of(), null);
            }
            try (ResultSet rs = st.getResultSet()) {
                List<List<String>> rows = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(switch (rs.getObject(i)) {
                            case null -> StatementResult.nul();
                            case Integer v -> StatementResult.integer(v);
                            case Long v -> StatementResult.integer(v);
                            case Double v -> StatementResult.real(v);
                            case byte[] v -> StatementResult.blob(v);
                            case Object v -> StatementResult.text(v.toString());
                        });
                    }
                    rows.add(row);
                }
                return new StatementResult(n, rows, null);
            }
        } catch (SQLException e) {
            return StatementResult.failed(sqliteMessage(e.getMessage()));
        }
    }

    /** The statement on this engine; an exception that is not a TursoException is a result too (it always differs). */
    public StatementResult turso(String sql) {
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(turso::interrupt, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try (Statement st = turso.prepare(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = st.columnCount();
            while (st.step()) {
                int n = st.columnCount();
                List<String> row = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    row.add(switch (st.columnType(i)) {
                        case NULL -> StatementResult.nul();
                        case INTEGER -> StatementResult.integer(st.columnLong(i));
                        case REAL -> StatementResult.real(st.columnDouble(i));
                        case TEXT -> StatementResult.text(st.columnText(i));
                        case BLOB -> StatementResult.blob(st.columnBlob(i));
                    });
                }
                rows.add(row);
            }
            return new StatementResult(columns, rows, null);
        } catch (TursoException e) {
            return StatementResult.failed(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return StatementResult.failed("crash: " + e);
        } finally {
            watchdog.cancel(false);
        }
    }

    /** sqlite-jdbc writes "[SQLITE_ERROR] SQL error or missing database (message)": the message is SQLite's own. */
    private static String sqliteMessage(String message) {
        int open = message.indexOf('(');
        return open < 0 || !message.endsWith(")") ? message : message.substring(open + 1, message.length() - 1);
    }

    @Override
    public void close() {
        try {
            sqlite.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            turso.close();
            database.close();
        }
    }
}
