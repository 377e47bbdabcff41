/*
 * PRAGMA optimize, with SQLite 3.40's rules: a table is analyzed when a
 * statement this connection prepared searched it through one of its indexes
 * (SQLite's "statistics used" mark, here read from the program's query
 * plan) and either one of its indexes has no sqlite_stat1 row or the table
 * has grown to 25 times the rows sqlite_stat1 counted. The argument is
 * SQLite's mask: without bit 0x02 nothing is done; with bit 0x01 the
 * ANALYZE statements are returned instead of run. The temp database is
 * never analyzed; unqualified, every other database is looked at.
 */
package turso.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import turso.api.Statement;
import turso.btree.Storage;
import turso.vm.PragmaArguments;
import turso.vm.PragmaCall;
import turso.vm.Program;

final class OptimizePragma {
    private static final Pattern SEARCH = Pattern.compile("SEARCH (\\S+) USING (?:COVERING )?INDEX ");
    private static final int DEFAULT_MASK = 0xfffe;
    private static final int GROWTH = 25;

    /** Lower-cased names of the tables prepared statements searched by an index. */
    private final Set<String> searched = new HashSet<>();

    /** Notes the tables {@code program} searches through an index. */
    void prepared(Program program) {
        for (String line : program.queryPlan()) {
            Matcher m = SEARCH.matcher(line);
            if (m.find()) {
                searched.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
    }

    List<Object[]> run(EngineConnection connection, PragmaCall call) {
        int mask = call.argument() == null ? DEFAULT_MASK : PragmaArguments.toInt32(call.argument());
        if ((mask & 0x02) == 0) {
            return List.of();
        }
        List<String> statements = new ArrayList<>();
        for (Object[] row : connection.databaseList()) {
            int db = (int) (long) (Long) row[0];
            if (db != 1 && (call.db() < 0 || call.db() == db)) {
                collect(connection, db, (String) row[1], statements);
            }
        }
        if ((mask & 0x01) != 0) {
            return statements.stream().map(s -> new Object[] {s}).toList();
        }
        for (String sql : statements) {
            connection.execute(sql);
        }
        return List.of();
    }

    private void collect(EngineConnection connection, int db, String name, List<String> statements) {
        Storage storage = connection.storage(db, false);
        SchemaRows schema = SchemaRows.read(storage);
        for (SchemaRows.Entry e : schema.entries()) {
            if ("table".equals(e.type()) && searched.contains(e.name().toLowerCase(Locale.ROOT))
                    && needsAnalysis(connection, name, schema, e.name())) {
                statements.add("ANALYZE \"" + name.replace("\"", "\"\"") + "\".\"" + e.name().replace("\"", "\"\"")
                        + "\"");
            }
        }
    }

    /** An index of the table lacks a sqlite_stat1 row, or the table has 25 times the rows last counted. */
    private static boolean needsAnalysis(EngineConnection connection, String db, SchemaRows schema, String table) {
        if (schema.find("table", "sqlite_stat1") == null) {
            return true;
        }
        String prefix = "\"" + db.replace("\"", "\"\"") + "\".";
        long counted = -1;
        for (SchemaRows.Entry e : schema.entries()) {
            if (!"index".equals(e.type()) || !table.equalsIgnoreCase(e.table())) {
                continue;
            }
            String stat = scalarText(connection, "SELECT stat FROM " + prefix
                    + "sqlite_stat1 WHERE tbl = ?1 COLLATE NOCASE AND idx = ?2 COLLATE NOCASE", table, e.name());
            if (stat == null) {
                return true;
            }
            counted = leadingNumber(stat);
        }
        if (counted < 0) {
            return false;
        }
        String rows = scalarText(connection, "SELECT count(*) FROM " + prefix + "\"" + table.replace("\"", "\"\"")
                + "\"");
        return rows != null && Long.parseLong(rows) >= GROWTH * Math.max(counted, 1);
    }

    private static long leadingNumber(String stat) {
        int end = 0;
        while (end < stat.length() && Character.isDigit(stat.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Long.parseLong(stat.substring(0, end));
    }

    private static String scalarText(EngineConnection connection, String sql, String... args) {
        try (Statement st = connection.prepare(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.bindText(i + 1, args[i]);
            }
            return st.step() ? st.columnText(0) : null;
        }
    }
}
