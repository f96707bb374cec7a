package io.rapport.platform.rest;

import java.sql.SQLException;

/**
 * Recognises a statement PostgreSQL cancelled (SQLSTATE 57014: {@code statement_timeout} or a cancel request)
 * anywhere in an exception's cause chain, whichever layer (JDBC, Hibernate, a service's own wrapper) threw it.
 */
public final class CancelledStatements {
    /** SQLSTATE query_canceled. */
    public static final String QUERY_CANCELED = "57014";
    /** What a client is told to wait before retrying a request whose statement was cancelled. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private CancelledStatements() {}

    public static boolean isCancelled(Throwable e) {
        return find(e) != null;
    }

    /** The database's message (for the log only: it may name tables, never shown to clients). */
    public static String reason(Throwable e) {
        SQLException found = find(e);
        return found == null ? null : found.getMessage();
    }

    private static SQLException find(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (QUERY_CANCELED.equals(s.getSQLState())) {
                        return s;
                    }
                }
            }
        }
        return null;
    }
}
