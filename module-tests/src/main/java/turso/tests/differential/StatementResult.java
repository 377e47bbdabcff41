/*
 * What one statement gave on one engine, in a form comparable across the two
 * engines: each value rendered with its storage class (so typeof is compared
 * with the value, reals to the bit), or the error message.
 */
package turso.tests.differential;

import java.util.HexFormat;
import java.util.List;

/** The number of result columns and rows of rendered values, or the error message (then there are no rows). */
public record StatementResult(int columns, List<List<String>> rows, String error) {

    static StatementResult failed(String message) {
        return new StatementResult(0, List.of(), message);
    }

    static String integer(long v) {
        return "integer " + v;
    }

    /** Double.toString round-trips, so equal renderings mean equal bits (-0.0 included). */
    static String real(double v) {
        return "real " + v;
    }

    static String text(String v) {
        return "text '" + v + "'";
    }

    static String blob(byte[] v) {
        return "blob x'" + HexFormat.of().formatHex(v) + "'";
    }

    static String nul() {
        return "null";
    }

    /**
     * Whether every value here is the value at the same place in one of the two
     * answers (and the shapes agree): SQLite 3.54 and 3.40 each changed
     * something the other did not, and this engine follows 3.40 or 3.54 value by value.
     */
    boolean eachValueFrom(StatementResult a, StatementResult b) {
        if (error != null || a.error != null || b.error != null || columns != a.columns || columns != b.columns
                || rows.size() != a.rows.size() || rows.size() != b.rows.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < columns; j++) {
                String v = rows.get(i).get(j);
                if (!v.equals(a.rows.get(i).get(j)) && !v.equals(b.rows.get(i).get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        if (error != null) {
            return "error: " + error;
        }
        StringBuilder s = new StringBuilder();
        s.append(rows.size()).append(rows.size() == 1 ? " row" : " rows").append(" of ").append(columns)
                .append(columns == 1 ? " column" : " columns");
        int shown = 0;
        for (List<String> row : rows) {
            if (shown++ == 20) {
                s.append("\n  ...");
                break;
            }
            s.append("\n  ").append(row);
        }
        return s.toString();
    }
}
