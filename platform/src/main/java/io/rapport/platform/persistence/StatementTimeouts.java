package io.rapport.platform.persistence;

import io.rapport.platform.config.DbConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Every pooled connection cancels a statement after {@code rapport.db.statement-timeout} (request work). A
 * background job that legitimately scans a million rows calls {@link #allowJob(Connection)} inside its
 * transaction: the longer {@code rapport.db.job-statement-timeout} then holds until that transaction ends
 * ({@code SET LOCAL}), and the connection goes back to the pool with the request limit.
 */
@ApplicationScoped
public class StatementTimeouts {
    private final DbConfig config;

    public StatementTimeouts(DbConfig config) {
        this.config = config;
    }

    /** Raises the statement timeout to the job limit for the current transaction of {@code connection}. */
    public void allowJob(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select set_config('statement_timeout', ?, true)")) {
            ps.setString(1, config.jobStatementTimeout());
            ps.execute();
        }
    }

    public String jobTimeout() {
        return config.jobStatementTimeout();
    }

    public String requestTimeout() {
        return config.statementTimeout();
    }
}
