package io.rapport.segmentation;

import io.agroal.api.AgroalDataSource;
import io.rapport.platform.persistence.Db;
import io.rapport.platform.persistence.StatementTimeouts;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's {@link Db} counting the SQL statements a thread sends through it (its own calls and the statements
 * prepared on the connection it lends), between {@link #start()} and {@link #stop()} on that thread. Replaces the
 * platform's Db in the tests; the statements themselves are unchanged.
 */
@Alternative
@Priority(1)
@Singleton
public class CountingDb extends Db {
    private static final Map<Thread, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

    public CountingDb(AgroalDataSource dataSource, StatementTimeouts timeouts) {
        super(dataSource, timeouts);
    }

    /** Starts counting the current thread's statements. */
    public static void start() {
        COUNTS.put(Thread.currentThread(), new AtomicInteger());
    }

    /** Stops counting on the current thread; answers how many statements it sent since {@link #start()}. */
    public static int stop() {
        AtomicInteger n = COUNTS.remove(Thread.currentThread());
        return n == null ? 0 : n.get();
    }

    private static void counted() {
        AtomicInteger n = COUNTS.get(Thread.currentThread());
        if (n != null) {
            n.incrementAndGet();
        }
    }

    @Override
    public <T> List<T> list(String sql, Row<T> row, Object... params) {
        counted();
        return super.list(sql, row, params);
    }

    @Override
    public int update(String sql, Object... params) {
        counted();
        return super.update(sql, params);
    }

    @Override
    public void withConnection(ConnectionWork work) {
        super.withConnection(connection -> work.run((Connection) Proxy.newProxyInstance(
                CountingDb.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare")
                            || method.getName().equals("createStatement")) {
                        counted();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                })));
    }
}
