/*
 * BenchDb over a JDBC connection: this engine's driver (jdbc:turso:),
 * sqlite-jdbc and H2 all run through it, the way an application would use
 * them (PreparedStatement reused, ResultSet read by column index).
 */
package turso.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

final class JdbcDb implements BenchDb {

    private final Connection connection;

    JdbcDb(String url) {
        try {
            connection = DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + url, e);
        }
    }

    @Override
    public Query prepare(String sql, String columns) {
        try {
            return new JdbcQuery(connection.prepareStatement(sql), columns.toCharArray());
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    @Override
    public void exec(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    @Override
    public String text(String sql) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    @Override
    public void begin() {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failed("BEGIN", e);
        }
    }

    @Override
    public void commit() {
        try {
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw failed("COMMIT", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failed("close", e);
        }
    }

    static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException(what + ": " + e.getMessage(), e);
    }

    private record JdbcQuery(PreparedStatement statement, char[] columns) implements Query {

        @Override
        public void bindLong(int index, long value) {
            try {
                statement.setLong(index, value);
            } catch (SQLException e) {
                throw failed("bind", e);
            }
        }

        @Override
        public void bindDouble(int index, double value) {
            try {
                statement.setDouble(index, value);
            } catch (SQLException e) {
                throw failed("bind", e);
            }
        }

        @Override
        public void bindText(int index, String value) {
            try {
                statement.setString(index, value);
            } catch (SQLException e) {
                throw failed("bind", e);
            }
        }

        @Override
        public long checksum() {
            long sum = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sum++;
                    for (int i = 0; i < columns.length; i++) {
                        sum += switch (columns[i]) {
                            case 'L' -> rs.getLong(i + 1);
                            case 'D' -> Query.ofDouble(rs.getDouble(i + 1));
                            default -> Query.ofText(rs.getString(i + 1));
                        };
                    }
                }
            } catch (SQLException e) {
                throw failed("query", e);
            }
            return sum;
        }

        @Override
        public long update() {
            try {
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw failed("update", e);
            }
        }

        @Override
        public void close() {
            try {
                statement.close();
            } catch (SQLException e) {
                throw failed("close", e);
            }
        }
    }
}
