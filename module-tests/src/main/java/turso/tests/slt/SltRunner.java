/*
 * Runs one sqllogictest file against an engine, on a fresh database, the
 * way the reference harness does, and counts each statement and query
 * record as passed, failed or skipped. Control records (hash-threshold,
 * halt) are obeyed but not counted; records after a halt count as skipped.
 */
package turso.tests.slt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class SltRunner {

    /** The hash threshold a file starts with, as in the reference harness. */
    static final int DEFAULT_HASH_THRESHOLD = 8;
    /** How many lines of expected / got a failure keeps. */
    private static final int MAX_SHOWN_LINES = 20;

    private final SltEngine engine;
    private final int maxFailuresPerFile;

    SltRunner(SltEngine engine, int maxFailuresPerFile) {
        this.engine = engine;
        this.maxFailuresPerFile = maxFailuresPerFile;
    }

    FileResult run(Path file) {
        long start = System.nanoTime();
        Tally tally = new Tally(file.toString());
        List<SltRecord> records;
        try {
            records = SltParser.parse(file);
        } catch (IOException e) {
            tally.fail(0, "", "cannot read the file: " + e.getMessage(), List.of(), List.of());
            return tally.result(file, start);
        }
        SltDatabase db;
        try {
            db = engine.open();
        } catch (SqlFailure | RuntimeException e) {
            for (SltRecord r : records) {
                if (counted(r) && r.runs()) {
                    tally.fail(r.line(), sqlOf(r), "cannot open a database: " + e.getMessage(), List.of(), List.of());
                }
            }
            return tally.result(file, start);
        }
        try {
            runRecords(records, db, tally);
        } finally {
            try {
                db.close();
            } catch (RuntimeException e) {
                // Counted as one more failure: the records ran, but the engine did not let the database go.
                tally.fail(0, "", "closing the database failed", List.of(), List.of(e.toString()));
            }
        }
        return tally.result(file, start);
    }

    private void runRecords(List<SltRecord> records, SltDatabase db, Tally tally) {
        QueryChecker checker = new QueryChecker();
        int hashThreshold = DEFAULT_HASH_THRESHOLD;
        boolean halted = false;
        for (SltRecord record : records) {
            if (halted || !record.runs()) {
                if (counted(record)) {
                    tally.skipped++;
                }
                continue;
            }
            switch (record) {
                case SltRecord.HashThreshold h -> hashThreshold = h.threshold();
                case SltRecord.Halt h -> halted = true;
                case SltRecord.Malformed m -> tally.fail(m.line(), m.text(), m.problem(), List.of(), List.of());
                case SltRecord.Statement s -> runStatement(s, db, tally);
                case SltRecord.Query q -> runQuery(q, db, checker, hashThreshold, tally);
            }
        }
    }

    private static void runStatement(SltRecord.Statement s, SltDatabase db, Tally tally) {
        String error = null;
        try {
            db.execute(s.sql());
        } catch (SqlFailure e) {
            error = e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            error = "crashed: " + e;
        }
        if (s.expectOk() && error != null) {
            tally.fail(s.line(), s.sql(), "statement failed", List.of("statement ok"), List.of(error));
        } else if (!s.expectOk() && error == null) {
            tally.fail(s.line(), s.sql(), "statement succeeded but an error was expected",
                    List.of("statement error"), List.of("ok"));
        } else {
            tally.passed++;
        }
    }

    private static void runQuery(SltRecord.Query q, SltDatabase db, QueryChecker checker, int hashThreshold,
                                 Tally tally) {
        QueryResult result;
        try {
            result = db.query(q.sql());
        } catch (SqlFailure e) {
            tally.fail(q.line(), q.sql(), "query failed", q.expected(), List.of(e.getMessage()));
            return;
        } catch (RuntimeException | StackOverflowError e) {
            tally.fail(q.line(), q.sql(), "query crashed", q.expected(), List.of(e.toString()));
            return;
        }
        QueryChecker.Mismatch m;
        try {
            m = checker.check(q, result, hashThreshold);
        } catch (RuntimeException e) {
            tally.fail(q.line(), q.sql(), "result could not be printed", q.expected(), List.of(e.toString()));
            return;
        }
        if (m == null) {
            tally.passed++;
        } else {
            tally.fail(q.line(), q.sql(), m.reason(), q.expected(), m.got());
        }
    }

    private static boolean counted(SltRecord r) {
        return r instanceof SltRecord.Statement || r instanceof SltRecord.Query || r instanceof SltRecord.Malformed;
    }

    private static String sqlOf(SltRecord r) {
        return switch (r) {
            case SltRecord.Statement s -> s.sql();
            case SltRecord.Query q -> q.sql();
            case SltRecord.Malformed m -> m.text();
            case SltRecord.HashThreshold h -> "";
            case SltRecord.Halt h -> "";
        };
    }

    private static List<String> firstLines(List<String> lines) {
        if (lines.size() <= MAX_SHOWN_LINES) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.subList(0, MAX_SHOWN_LINES));
        out.add("... (" + (lines.size() - MAX_SHOWN_LINES) + " more lines)");
        return out;
    }

    /** Counts of one file's run and its first failures. */
    private final class Tally {
        final String fileName;
        int passed;
        int failed;
        int skipped;
        final List<Failure> failures = new ArrayList<>();

        Tally(String fileName) {
            this.fileName = fileName;
        }

        void fail(int line, String sql, String reason, List<String> expected, List<String> got) {
            failed++;
            if (failures.size() < maxFailuresPerFile) {
                failures.add(new Failure(fileName, line, sql, reason, firstLines(expected), firstLines(got)));
            }
        }

        FileResult result(Path file, long start) {
            return new FileResult(file, passed, failed, skipped, failures, failed - failures.size(),
                    System.nanoTime() - start);
        }
    }
}
