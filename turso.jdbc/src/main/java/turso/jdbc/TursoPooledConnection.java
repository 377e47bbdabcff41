/*
 * One physical connection kept by a pool. getConnection() hands out a handle
 * (a proxy of java.sql.Connection) whose close() returns the connection to
 * the pool, rolling back an open transaction and closing its statements,
 * instead of closing it; listeners hear of that close and of fatal errors.
 */
package turso.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;
import turso.api.ResultCode;

final class TursoPooledConnection implements PooledConnection {

    private final TursoConnection physical;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private Connection handle;

    TursoPooledConnection(TursoConnection physical) {
        this.physical = physical;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        if (physical.isClosed()) {
            throw SqlErrors.driver(ResultCode.MISUSE, "pooled connection closed");
        }
        if (handle != null) {
            ((Handle) Proxy.getInvocationHandler(handle)).closed = true;
        }
        reset();
        Handle h = new Handle();
        handle = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, h);
        return handle;
    }

    /** Back to the state of a fresh connection: no transaction, no statements, auto-commit. */
    private void reset() throws SQLException {
        if (!physical.getAutoCommit()) {
            physical.rollback();
            physical.setAutoCommit(true);
        } else if (!physical.engine().autoCommit()) {
            physical.exec("ROLLBACK");
        }
        physical.setReadOnly(false);
    }

    private final class Handle implements java.lang.reflect.InvocationHandler {
        volatile boolean closed;

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "close" -> {
                    if (!closed) {
                        closed = true;
                        returned();
                    }
                    return null;
                }
                case "isClosed" -> {
                    return closed || physical.isClosed();
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "TursoPooledConnection handle on " + physical.config().url();
                }
                default -> {
                    if (closed) {
                        throw SqlErrors.driver(ResultCode.MISUSE, "connection closed");
                    }
                }
            }
            try {
                return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SQLException sql && physical.isClosed()) {
                    fatal(sql);
                }
                throw cause;
            }
        }
    }

    private void returned() {
        ConnectionEvent event = new ConnectionEvent(this);
        for (ConnectionEventListener l : listeners) {
            l.connectionClosed(event);
        }
    }

    private void fatal(SQLException e) {
        ConnectionEvent event = new ConnectionEvent(this, e);
        for (ConnectionEventListener l : listeners) {
            l.connectionErrorOccurred(event);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        if (handle != null) {
            ((Handle) Proxy.getInvocationHandler(handle)).closed = true;
        }
        physical.close();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void addStatementEventListener(StatementEventListener listener) {
        // statements are not pooled, so there are no statement events to report
    }

    @Override
    public void removeStatementEventListener(StatementEventListener listener) {
        // statements are not pooled, so there are no statement events to report
    }
}
