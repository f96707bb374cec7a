package io.rapport.platform.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.platform.persistence.Db;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The one way a Rapport service runs a background job ({@code @Scheduled} or started by an API call). Two shapes:
 * <ul>
 * <li>{@link #drain}: work that is split into rows any replica may take. Each batch claims its rows with
 * {@code FOR UPDATE SKIP LOCKED} and runs in a transaction of its own, so N replicas share the work without taking a
 * row twice, a failure rolls back one batch only, and a long run never holds one huge transaction.</li>
 * <li>{@link #alone}: work that must not run twice at the same moment (a full recompute, a report): only the replica
 * that takes the job's advisory lock ({@code pg_try_advisory_xact_lock}) runs it, in one transaction; the others
 * skip this turn. The lock ends with the transaction, so a replica that dies frees it at once.</li>
 * </ul>
 * {@link #drainClaimed} is {@code drain} for work that must not run inside the claim's transaction (a call to another
 * system, a mail): the claim commits first, then the claimed rows are worked on one by one.
 * Combine them with Quarkus' {@code concurrentExecution = SKIP}, which stops one replica from overlapping itself.
 */
@ApplicationScoped
public class Jobs {
    /** Keeps the job locks apart from the other advisory locks of a database (outbox relay, idempotency keys). */
    static final String LOCK_PREFIX = "rapport-job:";

    private final Db db;

    public Jobs(Db db) {
        this.db = db;
    }

    /**
     * Runs {@code batch} in a new transaction each time until a batch handles fewer than {@code batchSize} rows.
     *
     * @param batch claims and handles at most {@code batchSize} rows; returns how many it handled
     * @return the rows handled in all
     */
    public int drain(int batchSize, IntSupplier batch) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        int total = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(batch::getAsInt);
            total += n;
        } while (n >= batchSize);
        return total;
    }

    /**
     * What one claim transaction did: how many rows it handled (claimed, or settled without work) and the claimed work
     * to do after it committed.
     */
    public record Claimed<T>(int handled, List<T> work) {}

    /**
     * Like {@link #drain}, for work done outside the claim's transaction: each turn runs {@code claim} in a new
     * transaction (it marks its rows as taken, e.g. SENDING, so that no one takes them again), then hands each claimed
     * item to {@code afterCommit} with no transaction open, until a claim handles fewer than {@code batchSize} rows.
     *
     * @return the items handed to {@code afterCommit}
     */
    public <T> int drainClaimed(int batchSize, Supplier<Claimed<T>> claim, Consumer<T> afterCommit) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        int total = 0;
        Claimed<T> turn;
        do {
            turn = QuarkusTransaction.requiringNew().call(claim::get);
            for (T item : turn.work()) {
                afterCommit.accept(item);
                total++;
            }
        } while (turn.handled() >= batchSize);
        return total;
    }

    /**
     * Runs {@code work} in a new transaction if no other replica (or thread) runs the job named {@code job} now.
     *
     * @return true when it ran, false when another holder of the lock was running the job
     */
    public boolean alone(String job, Runnable work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!lock(job)) {
                return false;
            }
            work.run();
            return true;
        });
    }

    private boolean lock(String job) {
        return db.one(
                        "select pg_try_advisory_xact_lock(hashtextextended(?, 0))",
                        rs -> rs.getBoolean(1),
                        LOCK_PREFIX + job)
                .orElse(false);
    }
}
