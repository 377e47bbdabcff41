/*
 * EXPLAIN QUERY PLAN rows (id, parent, notused, detail) drawn as the tree
 * sqlite3 draws: "QUERY PLAN", then each row under its parent with "|--" or
 * "`--" and "|  " / "   " for the levels above. Used for EXPLAIN QUERY PLAN
 * statements and for ".eqp on".
 */
package turso.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import turso.cli.output.RowSource;

final class QueryPlan {

    private record Row(long id, long parent, String detail) {
    }

    /** sqlite3 stops indenting at this depth (its prefix buffer), which also ends a cycle of parents. */
    private static final int MAX_PREFIX = 93;

    private QueryPlan() {
    }

    static void print(RowSource rows, Shell shell) throws IOException {
        List<Row> plan = new ArrayList<>();
        while (rows.next()) {
            plan.add(new Row(number(rows, 0), number(rows, 1), text(rows, 3)));
        }
        if (plan.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder("QUERY PLAN\n");
        level(plan, 0, "", out);
        shell.print(out.toString());
    }

    private static void level(List<Row> plan, long parent, String prefix, StringBuilder out) {
        List<Row> children = plan.stream().filter(r -> r.parent() == parent).toList();
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            Row row = children.get(i);
            out.append(prefix).append(last ? "`--" : "|--").append(row.detail()).append('\n');
            if (row.id() != parent && prefix.length() < MAX_PREFIX) {
                level(plan, row.id(), prefix + (last ? "   " : "|  "), out);
            }
        }
    }

    private static long number(RowSource rows, int column) {
        byte[] bytes = rows.bytes(column);
        if (bytes == null) {
            return 0;
        }
        try {
            return Long.parseLong(new String(bytes, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(RowSource rows, int column) {
        if (rows.columnCount() <= column) {
            return "";
        }
        byte[] bytes = rows.bytes(column);
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
