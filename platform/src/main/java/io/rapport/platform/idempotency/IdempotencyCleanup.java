package io.rapport.platform.idempotency;

import io.quarkus.scheduler.Scheduled;
import io.rapport.platform.jobs.Jobs;
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
    private final Jobs jobs;

    public IdempotencyCleanup(IdempotencyStore store, IdempotencyConfig config, Jobs jobs) {
        this.store = store;
        this.config = config;
        this.jobs = jobs;
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
        return jobs.drain(config.cleanupBatchSize(), () -> store.deleteExpired(config.cleanupBatchSize()));
    }
}
