package io.rapport.devstack.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * A JDBC driver for tests that hands out PostgreSQL connections and records every statement sent to the server, per
 * calling thread: one entry per {@code execute*} call, an {@code executeBatch} as one entry naming its number of rows
 * (with {@code reWriteBatchedInserts} the PostgreSQL driver sends a batch of inserts as multi-row inserts). A test that
 * calls a service on its own thread reads what that call sent, undisturbed by background jobs on other threads.
 */
public final class StatementCountingDriver implements Driver {
    private static final Map<Thread, List<String>> SENT = new ConcurrentHashMap<>();

    private final Driver postgres = new org.postgresql.Driver();

    /** Forgets what the current thread sent so far. */
    public static void reset() {
        SENT.remove(Thread.currentThread());
    }

    /** The statements the current thread sent since {@link #reset()}, in order. */
    public static List<String> sent() {
        return List.copyOf(SENT.getOrDefault(Thread.currentThread(), List.of()));
    }

    /** Forgets what every thread sent so far. */
    public static void resetAll() {
        SENT.clear();
    }

    /** The statements every thread (request workers and background jobs too) sent since {@link #resetAll()}. */
    public static List<String> sentByAll() {
        List<String> all = new ArrayList<>();
        SENT.values().forEach(l -> {
            synchronized (l) {
                all.addAll(l);
            }
        });
        return all;
    }

    private static void record(String what) {
        SENT.computeIfAbsent(Thread.currentThread(), t -> Collections.synchronizedList(new ArrayList<>()))
                .add(what);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection c = postgres.connect(url, info);
        return c == null ? null : proxy(Connection.class, c, new ConnectionHandler(c));
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return (T)
                Proxy.newProxyInstance(StatementCountingDriver.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private record ConnectionHandler(Connection target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (m.getName().equals("unwrap") && args[0] == Connection.class) {
                return proxy;
            }
            Object result = call(target, m, args);
            if (result instanceof CallableStatement s) {
                return proxy(CallableStatement.class, s, new StatementHandler(s, (String) args[0]));
            }
            if (result instanceof PreparedStatement s) {
                return proxy(PreparedStatement.class, s, new StatementHandler(s, (String) args[0]));
            }
            if (result instanceof Statement s) {
                return proxy(Statement.class, s, new StatementHandler(s, null));
            }
            return result;
        }
    }

    private static final class StatementHandler implements InvocationHandler {
        private final Statement target;
        private final String sql;
        private int rows;

        StatementHandler(Statement target, String sql) {
            this.target = target;
            this.sql = sql;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            if (name.equals("addBatch")) {
                rows++;
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                record("batch of " + rows + ": " + sql);
                rows = 0;
            } else if (name.startsWith("execute")) {
                record(args != null && args.length > 0 && args[0] instanceof String s ? s : sql);
            }
            return call(target, m, args);
        }
    }
}
