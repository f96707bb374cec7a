package io.rapport.platform.inbox;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Decides from a failure's cause chain whether a consumer retries it or dead-letters it. Only what can never succeed
 * is permanent: a {@link MalformedEventException} or {@link PoisonEventException} anywhere in the chain (poison), or a
 * PostgreSQL data exception (SQLState class 22) or integrity violation (class 23) (data). Everything else is transient:
 * connection failures (08), admin shutdown and crash recovery (57P01-57P03), query cancelled or statement timeout
 * (57014), serialization failure (40001), deadlock (40P01), lock not available (55P03), insufficient resources (53),
 * pool acquisition timeouts, transaction timeouts, Kafka timeouts and retriable errors, and also every failure this
 * class does not know: a table renamed or a permission revoked (42P01, 42501) is an operator's fault that will be
 * repaired, and dead-lettering the events in the meantime would lose them. A consumer that keeps failing shows in
 * {@code rapport_consumer_retrying} and in its logs.
 */
public final class FailureClassifier {
    private FailureClassifier() {}

    public static FailureKind classify(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        String firstSqlState = null;
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof MalformedEventException || t instanceof PoisonEventException) {
                return FailureKind.POISON;
            }
            if (firstSqlState == null && t instanceof SQLException sql) {
                firstSqlState = sqlState(sql);
            }
        }
        return firstSqlState != null && isDataError(firstSqlState) ? FailureKind.DATA : FailureKind.TRANSIENT;
    }

    private static boolean isDataError(String sqlState) {
        return sqlState.startsWith("22") || sqlState.startsWith("23");
    }

    /** The SQLState of this exception or of the first chained ("next") exception that has one. */
    private static String sqlState(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getSQLState() != null) {
                return s.getSQLState();
            }
            if (s.getNextException() == s) {
                break;
            }
        }
        return null;
    }
}
