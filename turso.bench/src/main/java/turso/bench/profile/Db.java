/*
 * The profiling harness's view of a database: this engine through its native
 * API, or any engine through JDBC (jdbc:turso:, jdbc:sqlite:), with WAL,
 * synchronous=NORMAL and a 64 MiB page cache, and prepared statements that
 * read every column of every row into a checksum.
 */
package turso.bench.profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import turso.api.Connection;
import turso.api.Database;
import turso.api.Statement;

abstract class Db implements AutoCloseable {

    interface Q {
        void bindLong(int i, long v);

        void bindDouble(int i, double v);

        void bindText(int i, String v);

        /** Runs the query and sums what it read. */
        long checksum();

        /** Runs a statement without rows. */
        void update();
    }

    abstract Q prepare(String sql);

    abstract void exec(String sql);

    abstract String engine();

    static Db open(String engine, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("p.db");
        Db db = switch (engine) {
            case "turso" -> new Native(file);
            case "turso-jdbc" -> new Jdbc("jdbc:turso:" + file, engine);
            case "sqlite" -> new Jdbc("jdbc:sqlite:" + file, engine);
            default -> throw new IllegalArgumentException(engine);
        };
        db.exec("PRAGMA journal_mode=WAL");
        db.exec("PRAGMA synchronous=NORMAL");
        db.exec("PRAGMA cache_size=-65536");
        return db;
    }

    private static final class Native extends Db {
        private final Database database;
        private final Connection c;

        Native(Path file) {
            database = Database.open(file.toString());
            c = database.connect();
        }

        @Override
        String engine() {
            return "turso";
        }

        @Override
        void exec(String sql) {
            c.execute(sql);
        }

        @Override
        Q prepare(String sql) {
            Statement st = c.prepare(sql);
            int columns = st.columnCount();
            return new Q() {
                public void bindLong(int i, long v) {
                    st.bindLong(i, v);
                }

                public void bindDouble(int i, double v) {
                    st.bindDouble(i, v);
                }

                public void bindText(int i, String v) {
                    st.bindText(i, v);
                }

                public long checksum() {
                    long sum = 0;
                    try {
                        while (st.step()) {
                            sum++;
                            for (int i = 0; i < columns; i++) {
                                sum += switch (st.columnType(i)) {
                                    case INTEGER -> st.columnLong(i);
                                    case REAL -> (long) st.columnDouble(i);
                                    case NULL -> 0;
                                    default -> st.columnText(i).length();
                                };
                            }
                        }
                    } finally {
                        st.reset();
                    }
                    return sum;
                }

                public void update() {
                    try {
                        while (st.step()) {
                            // runs to completion
                        }
                    } finally {
                        st.reset();
                    }
                }
            };
        }

        @Override
        public void close() {
            c.close();
            database.close();
        }
    }

    private static final class Jdbc extends Db {
        private final java.sql.Connection c;
        private final String engine;

        Jdbc(String url, String engine) throws SQLException {
            c = DriverManager.getConnection(url);
            this.engine = engine;
        }

        @Override
        String engine() {
            return engine;
        }

        @Override
        void exec(String sql) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }

        @Override
        Q prepare(String sql) {
            PreparedStatement ps;
            try {
                ps = c.prepareStatement(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
            return new Q() {
                public void bindLong(int i, long v) {
                    try {
                        ps.setLong(i, v);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }

                public void bindDouble(int i, double v) {
                    try {
                        ps.setDouble(i, v);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }

                public void bindText(int i, String v) {
                    try {
                        ps.setString(i, v);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }

                public long checksum() {
                    long sum = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            sum++;
                            for (int i = 1; i <= columns; i++) {
                                Object o = rs.getObject(i);
                                sum += switch (o) {
                                    case null -> 0;
                                    case Integer v -> v;
                                    case Long v -> v;
                                    case Double v -> (long) v.doubleValue();
                                    default -> o.toString().length();
                                };
                            }
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return sum;
                }

                public void update() {
                    try {
                        ps.executeUpdate();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        }

        @Override
        public void close() throws SQLException {
            c.close();
        }
    }
}
