package io.rapport.platform.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes expired {@code Idempotency-Key} records in batches. Safe with N replicas: each batch claims its rows with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas running at once delete disjoint rows and never wait for each other; a
 * replica that finds nothing expired does nothing. An expired record is ignored by lookups even before it is deleted.
 */
@ApplicationScoped
public class IdempotencyCleanup {
    private static final Logger LOG = Logger.getLogger(IdempotencyCleanup.class);

    private final IdempotencyStore store;
    private final IdempotencyConfig config;

    public IdempotencyCleanup(IdempotencyStore store, IdempotencyConfig config) {
        this.store = store;
        this.config = config;
    }

    @Scheduled(
            every = "${rapport.idempotency.cleanup-interval:10m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            cleanup();
        } catch (RuntimeException e) {
            LOG.warnf("idempotency cleanup failed, next run retries: %s", e.toString());
        }
    }

    /** Deletes every expired record; returns how many. */
    public int cleanup() {
        int total = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(() -> store.deleteExpired(config.cleanupBatchSize()));
            total += n;
        } while (n >= config.cleanupBatchSize());
        return total;
    }
}
