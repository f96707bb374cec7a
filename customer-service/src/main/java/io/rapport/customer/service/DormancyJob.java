package io.rapport.customer.service;

import io.quarkus.scheduler.Scheduled;
import io.rapport.customer.config.CustomerConfig;
import io.rapport.platform.jobs.Jobs;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs the dormancy marking on every replica through platform {@link Jobs#drain} (a transaction per batch); the row
 * claims make concurrent runs safe.
 */
@ApplicationScoped
public class DormancyJob {
    private static final Logger LOG = Logger.getLogger(DormancyJob.class);

    private final HygieneService hygiene;
    private final CustomerConfig config;
    private final Jobs jobs;

    public DormancyJob(HygieneService hygiene, CustomerConfig config, Jobs jobs) {
        this.hygiene = hygiene;
        this.config = config;
        this.jobs = jobs;
    }

    /** Marks every inactive customer, batch by batch; returns how many. */
    public int runOnce() {
        return jobs.drain(config.dormancyBatchSize(), hygiene::markDormantBatch);
    }

    @Scheduled(
            every = "${rapport.customer.dormancy-interval}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int marked = runOnce();
        if (marked > 0) {
            LOG.infof("marked %d customers DORMANT", marked);
        }
    }
}
