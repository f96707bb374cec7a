package io.rapport.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/** Database helpers shared by the benchmark programs. */
public final class BenchDb {
    private BenchDb() {}

    /**
     * Polls {@code sql} (a count with one text parameter) every 100 ms until it reaches {@code expected}.
     *
     * @return {@link System#nanoTime()} when the count was first seen at or above {@code expected}
     * @throws IllegalStateException when {@code timeout} passes first
     */
    public static long waitForCount(Connection db, String sql, String param, long expected, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement count = db.prepareStatement(sql)) {
            count.setString(1, param);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= expected) {
                        return System.nanoTime();
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("count did not reach " + expected + " within " + timeout + ": " + sql);
    }
}
