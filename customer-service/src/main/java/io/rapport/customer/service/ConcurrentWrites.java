package io.rapport.customer.service;

import java.sql.SQLException;
import java.util.Set;

/**
 * Runs a transaction again when it lost a race with a concurrent one: a unique violation (another request
 * stored the same e-mail, phone, external id or order id first and committed), a deadlock or a serialization
 * failure. The failed attempt was rolled back as a whole, so the next one starts clean and, reading what the
 * winner committed, reports those rows as already stored.
 */
public final class ConcurrentWrites {
    /** unique_violation, serialization_failure, deadlock_detected. */
    private static final Set<String> LOST_RACE = Set.of("23505", "40001", "40P01");

    private ConcurrentWrites() {}

    /** One attempt, in a transaction of its own. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code attempt} up to {@code attempts} times while it fails only because it lost a race.
     *
     * @throws LostRaceException when the last attempt lost too; any other failure is thrown at once
     */
    public static <T> T retry(int attempts, Attempt<T> attempt) throws SQLException {
        for (int i = 1; ; i++) {
            try {
                return attempt.run();
            } catch (SQLException | RuntimeException e) {
                if (!lostRace(e)) {
                    throw e;
                }
                if (i >= attempts) {
                    throw new LostRaceException(e);
                }
            }
        }
    }

    /** True when {@code e} or one of its causes is a PostgreSQL error of a race lost to a concurrent transaction. */
    public static boolean lostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    if (n.getSQLState() != null && LOST_RACE.contains(n.getSQLState())) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Every attempt lost a race with concurrent writers. */
    public static final class LostRaceException extends RuntimeException {
        LostRaceException(Throwable cause) {
            super("lost every attempt to concurrent writers", cause);
        }
    }
}
