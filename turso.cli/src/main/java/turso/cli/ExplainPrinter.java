/*
 * sqlite3's explain layout: the result of an EXPLAIN (with ".explain on" or
 * "auto") printed in fixed columns 4, 13, 4, 4, 4, 13, 2, 13 wide under a
 * header and dashes, two spaces apart, a wider value overflowing its column
 * and the last column of a row unpadded; the opcode column is indented two
 * spaces inside each loop, found as sqlite3 finds them (a Next/Prev jumping
 * back, a Goto back to a Yield/Rewind/seek). With ".explain on", any other
 * result uses the same columns without indentation.
 */
package turso.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import turso.api.Statement;

final class ExplainPrinter {

    private static final int[] WIDTHS = {4, 13, 4, 4, 4, 13, 2, 13};
    private static final Set<String> NEXT = Set.of("Next", "Prev", "VPrev", "VNext", "SorterNext");
    private static final Set<String> YIELD = Set.of("Yield", "SeekLT", "SeekGT", "RowSetRead", "Rewind");

    private ExplainPrinter() {
    }

    /** An EXPLAIN statement's program, with loops indented. */
    static void print(Statement statement, Shell shell) throws IOException {
        List<String[]> rows = readAll(statement, shell);
        int[] indent = new int[rows.size()];
        if (statement.columnCount() == WIDTHS.length) {
            boolean[] yields = new boolean[rows.size()];
            for (int op = 0; op < rows.size(); op++) {
                String[] row = rows.get(op);
                int target = (int) (number(row[3]) + (op - number(row[0])));
                if (NEXT.contains(row[1]) && target > 0) {
                    for (int i = target; i < op; i++) {
                        indent[i] += 2;
                    }
                }
                if ("Goto".equals(row[1]) && target >= 0 && target < op && (yields[target] || number(row[2]) != 0)) {
                    for (int i = target; i < op; i++) {
                        indent[i] += 2;
                    }
                }
                yields[op] = YIELD.contains(row[1]);
            }
        }
        write(statement, rows, indent, shell);
    }

    /** Any result while ".explain on" is set: the same columns, no indentation. */
    static void printPlain(Statement statement, Shell shell) throws IOException {
        List<String[]> rows = readAll(statement, shell);
        write(statement, rows, new int[rows.size()], shell);
    }

    private static List<String[]> readAll(Statement statement, Shell shell) {
        List<String[]> rows = new ArrayList<>();
        int columns = statement.columnCount();
        while (statement.step()) {
            String[] row = new String[columns];
            for (int i = 0; i < columns; i++) {
                String text = statement.columnText(i);
                row[i] = text == null ? shell.settings().nullValue() : text;
            }
            rows.add(row);
        }
        return rows;
    }

    private static void write(Statement statement, List<String[]> rows, int[] indent, Shell shell) throws IOException {
        int columns = Math.min(statement.columnCount(), WIDTHS.length);
        if (rows.isEmpty() || columns == 0) {
            return;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < columns; i++) {
            out.append(padded(statement.columnName(i), WIDTHS[i])).append(i == columns - 1 ? "\n" : "  ");
        }
        for (int i = 0; i < columns; i++) {
            out.append("-".repeat(WIDTHS[i])).append(i == columns - 1 ? "\n" : "  ");
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < columns; i++) {
                if (i == 1) {
                    out.append(" ".repeat(indent[r]));
                }
                out.append(padded(row[i], i == columns - 1 ? 0 : WIDTHS[i])).append(i == columns - 1 ? "\n" : "  ");
            }
        }
        shell.print(out.toString());
    }

    private static String padded(String text, int width) {
        int length = text.codePointCount(0, text.length());
        return length >= width ? text : text + " ".repeat(width - length);
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
