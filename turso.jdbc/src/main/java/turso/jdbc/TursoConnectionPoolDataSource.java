/*
 * A ConnectionPoolDataSource: what application servers' pools ask for. Each
 * PooledConnection holds one physical connection and hands out handles to it
 * (TursoPooledConnection).
 */
package turso.jdbc;

import java.sql.SQLException;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;

public class TursoConnectionPoolDataSource extends TursoDataSource implements ConnectionPoolDataSource {

    public TursoConnectionPoolDataSource() {
    }

    public TursoConnectionPoolDataSource(String url) {
        super(url);
    }

    @Override
    public PooledConnection getPooledConnection() throws SQLException {
        return new TursoPooledConnection(open());
    }

    @Override
    public PooledConnection getPooledConnection(String user, String password) throws SQLException {
        return getPooledConnection();
    }
}
