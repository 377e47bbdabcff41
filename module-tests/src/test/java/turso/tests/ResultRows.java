/*
 * The rows of a JDBC result as text, column by column, for the differential
 * tests that compare what two engines return through the same driver calls.
 */
package turso.tests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

final class ResultRows {

    private ResultRows() {
    }

    /** Appends each remaining row of {@code rs} to {@code out} as a list of its columns' getString values. */
    static void addTo(List<Object> out, ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
                row.add(rs.getString(i));
            }
            out.add(row);
        }
    }
}
