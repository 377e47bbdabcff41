/*
 * BenchDb over this engine's native API (turso.api): what the engine costs
 * without JDBC in front of it. Each BenchDb opens its own Database, as each
 * JDBC connection does, with the driver's default busy timeout (3 s).
 */
package turso.bench;

import java.nio.file.Path;
import java.time.Duration;
import turso.api.Connection;
import turso.api.Database;
import turso.api.Statement;

final class TursoDb implements BenchDb {

    private final Database database;
    private final Connection connection;

    TursoDb(Path file) {
        database = Database.open(file.toString());
        connection = database.connect();
        connection.busyTimeout(Duration.ofSeconds(3));
    }

    @Override
    public Query prepare(String sql, String columns) {
        return new TursoQuery(connection, connection.prepare(sql), columns.toCharArray());
    }

    @Override
    public void exec(String sql) {
        connection.execute(sql);
    }

    @Override
    public String text(String sql) {
        try (Statement st = connection.prepare(sql)) {
            return st.step() ? st.columnText(0) : null;
        }
    }

    @Override
    public void begin() {
        connection.execute("BEGIN");
    }

    @Override
    public void commit() {
        connection.execute("COMMIT");
    }

    @Override
    public void close() {
        connection.close();
        database.close();
    }

    private record TursoQuery(Connection connection, Statement statement, char[] columns) implements Query {

        @Override
        public void bindLong(int index, long value) {
            statement.bindLong(index, value);
        }

        @Override
        public void bindDouble(int index, double value) {
            statement.bindDouble(index, value);
        }

        @Override
        public void bindText(int index, String value) {
            statement.bindText(index, value);
        }

        @Override
        public long checksum() {
            long sum = 0;
            try {
                while (statement.step()) {
                    sum++;
                    for (int i = 0; i < columns.length; i++) {
                        sum += switch (columns[i]) {
                            case 'L' -> statement.columnLong(i);
                            case 'D' -> Query.ofDouble(statement.columnDouble(i));
                            default -> Query.ofText(statement.columnText(i));
                        };
                    }
                }
            } finally {
                statement.reset();
            }
            return sum;
        }

        @Override
        public long update() {
            try {
                while (statement.step()) {
                    // a statement without rows steps once to completion
                }
            } finally {
                statement.reset();
            }
            return connection.changes();
        }

        @Override
        public void close() {
            statement.close();
        }
    }
}
