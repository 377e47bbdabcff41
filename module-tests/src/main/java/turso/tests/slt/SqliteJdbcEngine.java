/*
 * The reference engine: real SQLite through sqlite-jdbc, on a private
 * in-memory database per file. Statements go through executeUpdate, which
 * sqlite-jdbc runs with sqlite3_exec (every statement of the text); queries
 * are prepared (prepare errors surface there) and then stepped, so an error
 * while stepping can be told apart and ignored as the reference harness does.
 */
package turso.tests.slt;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import turso.api.Value;

final class SqliteJdbcEngine implements SltEngine {

    static final String NAME = "sqlite";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SltDatabase open() throws SqlFailure {
        try {
            return new Db(DriverManager.getConnection("jdbc:sqlite::memory:"));
        } catch (SQLException e) {
            throw new SqlFailure("cannot open an in-memory SQLite database: " + e.getMessage(), e);
        }
    }

    private record Db(Connection connection) implements SltDatabase {

        @Override
        public void execute(String sql) throws SqlFailure {
            try (java.sql.Statement st = connection.createStatement()) {
                st.executeUpdate(sql);
            } catch (SQLException e) {
                throw new SqlFailure(e.getMessage(), e);
            }
        }

        @Override
        public QueryResult query(String sql) throws SqlFailure {
            PreparedStatement ps;
            int columns;
            try {
                ps = connection.prepareStatement(sql);
                columns = ps.getMetaData().getColumnCount();
            } catch (SQLException e) {
                throw new SqlFailure(e.getMessage(), e);
            }
            List<Value> values = new ArrayList<>();
            String stepError = null;
            try (ps) {
                if (columns > 0) {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            for (int c = 1; c <= columns; c++) {
                                values.add(value(rs.getObject(c)));
                            }
                        }
                    }
                } else {
                    ps.execute();
                }
            } catch (SQLException e) {
                stepError = e.getMessage();
            }
            return new QueryResult(columns, values, stepError);
        }

        private static Value value(Object o) {
            return switch (o) {
                case null -> Value.NULL;
                case Integer i -> Value.of(i.longValue());
                case Long l -> Value.of(l.longValue());
                case Double d -> Value.of(d.doubleValue());
                case byte[] b -> Value.of(b);
                default -> Value.of(o.toString());
            };
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException("closing the SQLite connection: " + e.getMessage(), e);
            }
        }
    }
}
