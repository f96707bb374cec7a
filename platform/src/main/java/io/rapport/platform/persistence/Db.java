package io.rapport.platform.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one plain-JDBC helper of every service (next to Panache entities and Hibernate native queries): plain JDBC on the service's datasource. Inside a transaction every call uses the transaction's
 * connection (the same one Hibernate and the outbox use), so set-based statements, temporary tables and
 * outbox rows commit together. Parameters: Instants become timestamptz; String[], BigDecimal[], UUID[], Integer[],
 * Long[], Boolean[] and Instant[] become arrays (for {@code unnest}, {@code = any(?)}).
 */
@ApplicationScoped
public class Db {
    private final AgroalDataSource dataSource;
    private final StatementTimeouts timeouts;

    public Db(AgroalDataSource dataSource, StatementTimeouts timeouts) {
        this.dataSource = dataSource;
        this.timeouts = timeouts;
    }

    /**
     * Inside a job's transaction: its statements may run up to {@code rapport.db.job-statement-timeout} instead of the
     * request limit every pooled connection has, until the transaction ends.
     */
    public void allowJobTime() {
        withConnection(timeouts::allowJob);
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> all = list(sql, row, params);
        return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
    }

    public long count(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }

    /** Work that needs the JDBC connection itself (inside a transaction: the transaction's). */
    @FunctionalInterface
    public interface ConnectionWork {
        void run(Connection connection) throws SQLException;
    }

    public void withConnection(ConnectionWork work) {
        try (Connection c = dataSource.getConnection()) {
            work.run(c);
        } catch (SQLException e) {
            throw new DataAccessException("(connection work)", e);
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object[] params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant t) {
                ps.setObject(i + 1, t.atOffset(ZoneOffset.UTC));
            } else if (p instanceof String[] a) {
                ps.setArray(i + 1, c.createArrayOf("text", a));
            } else if (p instanceof BigDecimal[] a) {
                ps.setArray(i + 1, c.createArrayOf("numeric", a));
            } else if (p instanceof UUID[] a) {
                ps.setArray(i + 1, c.createArrayOf("uuid", a));
            } else if (p instanceof Integer[] a) {
                ps.setArray(i + 1, c.createArrayOf("int4", a));
            } else if (p instanceof Long[] a) {
                ps.setArray(i + 1, c.createArrayOf("int8", a));
            } else if (p instanceof Boolean[] a) {
                ps.setArray(i + 1, c.createArrayOf("bool", a));
            } else if (p instanceof Instant[] a) {
                // ISO-8601 texts, which PostgreSQL reads as timestamptz
                ps.setArray(
                        i + 1,
                        c.createArrayOf(
                                "timestamptz",
                                Arrays.stream(a)
                                        .map(t -> t == null ? null : t.toString())
                                        .toArray()));
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    /** A statement failed; the message names it (never shown to clients: the mappers answer an opaque 500). */
    public static class DataAccessException extends RuntimeException {
        public DataAccessException(String sql, SQLException cause) {
            super(
                    "SQL failed: " + cause.getMessage() + " in: "
                            + sql.strip().lines().findFirst().orElse(""),
                    cause);
        }
    }
}
