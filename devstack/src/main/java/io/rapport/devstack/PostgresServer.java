package io.rapport.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** A PostgreSQL server with one database per service, created on demand. */
public abstract class PostgresServer implements AutoCloseable {
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** JDBC URL of one database on this server. */
    public abstract String jdbcUrl(String database);

    public abstract String username();

    public abstract String password();

    /** The database to connect to when creating others. */
    protected String maintenanceDatabase() {
        return "postgres";
    }

    /** Creates the database if it does not exist yet; safe to call concurrently and repeatedly. */
    public void ensureDatabase(String database) {
        if (!SAFE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(maintenanceDatabase()), username(), password());
                PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            q.setString(1, database);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("create database " + database);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: someone else created it first
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create database " + database + " on " + jdbcUrl(maintenanceDatabase()) + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Drops a test database at the end of a run (best effort: a failure leaves only a stray database). */
    public void dropDatabaseQuietly(String database) {
        if (!SAFE_NAME.matcher(database).matches()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(maintenanceDatabase()), username(), password());
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            System.err.println("devstack: could not drop test database " + database + ": " + e.getMessage());
        }
    }

    /**
     * Restarts the server process (terminating every connection), refusing connections for {@code downtime}; only a
     * server devstack runs itself can.
     */
    public void restart(java.time.Duration downtime) {
        throw new UnsupportedOperationException(
                "devstack can restart only the PostgreSQL it runs itself, not " + jdbcUrl("<db>"));
    }

    @Override
    public void close() {}
}
