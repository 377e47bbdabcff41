/*
 * One case of the differential corpus: statements run in order on a fresh
 * database, each compared between SQLite and this engine. The setup
 * statements come from the file's @setup block and are compared too.
 */
package turso.tests.differential;

import java.util.List;

/**
 * @param file   the corpus file, relative to the corpus folder
 * @param line   the line where the case (or its matrix template) is written
 * @param setup  statements run first
 * @param statements the statements the case is about
 * @param mark   whether the case is run normally, skipped, or a known difference
 * @param reason why it is skipped or differs (null for a normal case)
 */
public record DiffCase(String file, int line, List<String> setup, List<String> statements, Mark mark, String reason) {

    /** How the runner treats a case. */
    public enum Mark {
        /** Must give the same results on both engines. */
        RUN,
        /** Not run: SQLite 3.54 (sqlite-jdbc) and 3.40 (the version this engine matches) differ. */
        SKIP,
        /** SQLite changed its answer after 3.40: passes when this engine gives 3.40's answer (the sqlite3 CLI). */
        V340,
        /** A difference of this engine, written down with an issue-ready note: it must still differ. */
        KNOWN
    }

    /** file:line and the statements, short enough for a test name. */
    public String title() {
        String sql = String.join(" ", statements).replaceAll("\\s+", " ");
        return file + ":" + line + " " + (sql.length() > 120 ? sql.substring(0, 117) + "..." : sql);
    }
}
