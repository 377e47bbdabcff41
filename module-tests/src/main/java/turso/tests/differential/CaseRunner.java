/*
 * Runs one corpus case on both engines, statement by statement, and
 * describes the first difference. Where sqlite-jdbc (3.54) and this engine
 * differ on a query, the sqlite3 CLI (3.40) is asked too: a case marked
 * @v340 passes when this engine gives 3.40's answer; any other case still
 * fails, and the message says which version we agree with.
 *
 * A case of queries only cannot change the database, so consecutive such
 * cases with the same setup share one pair of databases (the setup run and
 * compared once); any other case gets fresh databases.
 */
package turso.tests.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The outcome of a case: a null difference when both engines agreed on every statement. */
public final class CaseRunner {
    private static List<String> sharedSetup;
    private static EnginePair shared;
    private static String sharedSetupDifference;

    private CaseRunner() {
    }

    /** The first statement where the engines differ, with their answers, or null. */
    public static synchronized String difference(DiffCase c) {
        if (c.statements().stream().allMatch(CaseRunner::query)) {
            if (shared == null || !c.setup().equals(sharedSetup)) {
                closeShared();
                shared = new EnginePair();
                sharedSetup = c.setup();
                sharedSetupDifference = run(shared, c.setup(), List.of(), c.mark());
            }
            return sharedSetupDifference != null ? sharedSetupDifference
                    : run(shared, c.statements(), c.setup(), c.mark());
        }
        try (EnginePair engines = new EnginePair()) {
            List<String> all = new ArrayList<>(c.setup());
            all.addAll(c.statements());
            return run(engines, all, List.of(), c.mark());
        }
    }

    /** Drops the databases kept for read-only cases. */
    public static synchronized void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    private static boolean query(String sql) {
        String head = sql.stripLeading().toUpperCase(Locale.ROOT);
        return head.startsWith("SELECT") || head.startsWith("VALUES");
    }

    private static String run(EnginePair engines, List<String> statements, List<String> before, DiffCase.Mark mark) {
        for (int k = 0; k < statements.size(); k++) {
            String sql = statements.get(k);
            StatementResult expected = engines.sqlite(sql);
            StatementResult got = engines.turso(sql);
            if (expected.equals(got)) {
                continue;
            }
            String message = sql + "\nSQLite: " + expected + "\nTurso:  " + got;
            if (!Sqlite340Cli.canAsk(sql)) {
                return message;
            }
            List<String> script = new ArrayList<>(before);
            script.addAll(statements.subList(0, k));
            StatementResult old = Sqlite340Cli.query(script, sql, got.error() == null ? got.columns() : expected.columns());
            if (!old.equals(got)) {
                return message + (old.equals(expected) ? "" : "\nSQLite 3.40: " + old);
            }
            if (mark != DiffCase.Mark.V340) {
                return message + "\n(this engine gives SQLite 3.40's answer: mark the case @v340 with the reason)";
            }
        }
        return null;
    }
}
